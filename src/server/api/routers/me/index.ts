import "server-only";
import { myAccountOverview } from "~/server/queries/me/overview";
import { createTRPCRouter } from "../../trpc";
import { alertsRouter } from "./alerts";
import { devicesRouter } from "./devices";
import { historyRouter } from "./history";
import { notificationsRouter } from "./notifications";
import { passwordRouter } from "./password";
import { selfContextFrom, selfProcedure } from "./procedure";
import { sessionsRouter } from "./sessions";
import { twoFactorRouter } from "./two-factor";

/** End-user self-service: one's own sessions, devices, history, alerts, password, two-factor and notifications. */
export const meRouter = createTRPCRouter({
  /** The account page's summary. */
  overview: selfProcedure.query(({ ctx }) => myAccountOverview(ctx.db, selfContextFrom(ctx))),
  sessions: sessionsRouter,
  devices: devicesRouter,
  history: historyRouter,
  alerts: alertsRouter,
  twoFactor: twoFactorRouter,
  password: passwordRouter,
  notifications: notificationsRouter,
});
