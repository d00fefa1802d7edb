import "server-only";
import { createTRPCRouter } from "../../trpc";

/** End-user self-service: one's own sessions, devices, history, alerts and two-factor. */
export const meRouter = createTRPCRouter({});
