import "server-only";
import { actionsRouter } from "./routers/actions";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { dashboardRouter } from "./routers/dashboard";
import { eventsRouter } from "./routers/events";
import { ipsRouter } from "./routers/ips";
import { meRouter } from "./routers/me";
import { usersRouter } from "./routers/users";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  dashboard: dashboardRouter,
  users: usersRouter,
  ips: ipsRouter,
  events: eventsRouter,
  actions: actionsRouter,
  audit: auditRouter,
  me: meRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
