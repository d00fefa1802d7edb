import { TRPCClientError } from "@trpc/client";

/**
 * The sentence to show for a failed call: the server's own message for the
 * errors it words for people, the first field message for bad input (tRPC
 * puts zod's issues in `data.zodError`), and a plain fallback otherwise.
 */
export function errorMessage(error: unknown, fallback = "That didn't work. Try again in a moment."): string {
  if (!(error instanceof TRPCClientError)) return fallback;
  const data = error.data as { code?: string; zodError?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> } | null } | undefined;
  const zod = data?.zodError;
  if (zod) {
    const first = zod.formErrors?.[0] ?? Object.values(zod.fieldErrors ?? {}).flat()[0];
    if (first) return first;
  }
  if (data?.code === "INTERNAL_SERVER_ERROR" || !error.message) return fallback;
  return error.message;
}
