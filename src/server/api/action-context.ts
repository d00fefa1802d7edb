import "server-only";
import type { ActionContext } from "~/server/queries/action-context";
import type { SignedInContext } from "./trpc";

/** The acting person and their request, as the query layer's actions want them. */
export function actionContextFrom(ctx: SignedInContext): ActionContext {
  const { user } = ctx.session;
  return { actor: { id: user.id, email: user.email, role: user.role }, info: ctx.info, auditKey: ctx.secrets().auditKey };
}
