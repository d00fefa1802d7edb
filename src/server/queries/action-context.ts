import "server-only";
import type { Role } from "~/lib/roles";
import type { RequestInfo } from "~/server/auth/request-info";

/** Who is acting, from where: everything an action needs to write its audit entry. */
export interface ActionContext {
  actor: { id: string; email: string; role: Role };
  info: RequestInfo;
  auditKey: Buffer;
  now?: Date;
}

/** What an action did. `unchanged` is success too: repeating an action is harmless. */
export type ActionOutcome<T = undefined> =
  | ({ status: "done" } & (T extends undefined ? unknown : { result: T }))
  | { status: "unchanged"; detail: string }
  | { status: "not_found" };
