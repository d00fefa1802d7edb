import "server-only";
import { z } from "zod";
import { ZPage } from "../inputs";
import { ZUserId } from "~/lib/validation";
import { listAuditEntries, verifyAuditChain } from "~/server/queries/audit";
import { createTRPCRouter, permittedProcedure } from "../trpc";

const read = permittedProcedure("audit:read");

export const ZAuditFilters = ZPage.extend({
  cursor: z.string().regex(/^\d{1,15}$/, "Not a valid page link").optional(),
  actorId: ZUserId.optional(),
  actor: z.string().trim().max(320).optional(),
  action: z.string().trim().max(64).regex(/^[a-z0-9_.]*$/, "Actions are lower case, like session.revoke").optional(),
  targetType: z.string().trim().max(32).optional(),
  targetId: z.string().trim().max(128).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
}).refine((f) => !f.from || !f.to || f.from < f.to, { message: "The start of the range must be before its end.", path: ["from"] });

export const auditRouter = createTRPCRouter({
  list: read.input(ZAuditFilters).query(async ({ ctx, input }) => {
    const { cursor, limit, ...filters } = input;
    const page = await listAuditEntries(ctx.db, filters, { cursor: cursor ? Number(cursor) : undefined, limit });
    return { items: page.items, nextCursor: page.nextCursor === null ? null : String(page.nextCursor) };
  }),

  /** Walks the whole chain with the audit key; names the first broken entry if any. */
  verify: read.query(({ ctx }) => verifyAuditChain(ctx.db, ctx.secrets().auditKey)),
});
