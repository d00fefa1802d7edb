import "server-only";
import { createTRPCRouter } from "../../trpc";

/** Security, messaging and finance dashboards (issue: dashboards at 10 million rows). */
export const dashboardRouter = createTRPCRouter({});
