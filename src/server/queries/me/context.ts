import "server-only";
import type { ActionContext } from "../action-context";

/**
 * An action on one's own account. The owner is always `actor.id`, taken from
 * the signed-in session; nothing in a request body can name another person.
 * `sessionId` is the session making the request, so "everywhere else" and
 * "this device" have something to be measured against.
 */
export interface SelfContext extends ActionContext {
  sessionId: string;
}

/** The rows a self-service action tells its caller about: what happened, or that the id was not one of theirs. */
export type SelfOutcome<T> = { status: "done"; result: T } | { status: "unchanged"; detail: string } | { status: "not_found" };
