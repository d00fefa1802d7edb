import "server-only";
import { authRouter } from "./routers/auth";
import { dashboardRouter } from "./routers/dashboard";
import { meRouter } from "./routers/me";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  dashboard: dashboardRouter,
  me: meRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
