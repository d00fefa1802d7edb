import "server-only";
import { and, asc, desc, eq, gt, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import { toJson } from "~/lib/canonical-json";
import type { Role } from "~/lib/roles";
import { chainHash, GENESIS_HASH } from "~/server/audit/digest";
import type { Db } from "~/server/db/client";
import { auditChainHead, auditLogs } from "~/server/db/schema";

export interface AuditActor {
  id: string | null;
  email?: string | null;
  role?: Role | null;
}

export interface AuditEntryInput {
  actor: AuditActor | null;
  /** dotted, lower case: `session.revoke`, `auth.sign_in`, `export.csv` */
  action: string;
  target?: { type: string; id: string } | null;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
  ipAddress?: string | null;
  userAgent?: string | null;
}

/**
 * Appends one entry to the audit chain. Call it inside the transaction that
 * makes the change it records: both commit or neither does. The head row lock
 * taken here is held until that transaction ends, so concurrent writers queue
 * rather than fork the chain.
 */
export async function appendAudit(db: Db, entry: AuditEntryInput, key: Buffer, now = new Date()) {
  return db.transaction(async (tx) => {
    const [head] = await tx.select().from(auditChainHead).for("update");
    const prevHash = head?.hash ?? GENESIS_HASH;
    const content = {
      seq: (head?.seq ?? 0) + 1,
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      reason: entry.reason ?? null,
      before: entry.before === undefined ? null : toJson(entry.before),
      after: entry.after === undefined ? null : toJson(entry.after),
      ipAddress: entry.ipAddress ?? null,
      userAgent: entry.userAgent ?? null,
      createdAt: now,
    };
    const hash = chainHash(key, prevHash, content);
    const [row] = await tx
      .insert(auditLogs)
      .values({ ...content, actorRole: content.actorRole, prevHash, hash })
      .returning({ id: auditLogs.id, seq: auditLogs.seq, hash: auditLogs.hash });
    return row!;
  });
}

export type ChainVerification =
  | { ok: true; entries: number; headSeq: number; headHash: string; checkedAt: Date }
  | {
      ok: false;
      entries: number;
      checkedAt: Date;
      firstBroken: { seq: number | null; id: number | null; problem: string };
    };

/**
 * Walks the whole chain in order and recomputes every hash. Reports the first
 * row that does not match: an edited row fails its own hash, a deleted one
 * leaves a gap in `seq` and a dangling `prev_hash`, and a truncated tail no
 * longer reaches the head.
 */
export async function verifyAuditChain(db: Db, key: Buffer, batchSize = 2000): Promise<ChainVerification> {
  const checkedAt = new Date();
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  let lastSeq = 0;
  for (;;) {
    const rows = await db.select().from(auditLogs).where(gt(auditLogs.seq, lastSeq)).orderBy(asc(auditLogs.seq)).limit(batchSize);
    for (const row of rows) {
      const broken = (problem: string): ChainVerification => ({ ok: false, entries, checkedAt, firstBroken: { seq: row.seq, id: row.id, problem } });
      if (row.seq !== expectedSeq) return broken(`entry ${expectedSeq} is missing: the chain jumps from ${expectedSeq - 1} to ${row.seq}`);
      if (row.prevHash !== prevHash) return broken("its previous-hash does not match the entry before it");
      if (chainHash(key, prevHash, row) !== row.hash) return broken("its content does not match its hash: the entry was altered");
      prevHash = row.hash;
      expectedSeq += 1;
      entries += 1;
    }
    if (rows.length < batchSize) break;
    lastSeq = rows[rows.length - 1]!.seq;
  }
  const [head] = await db.select().from(auditChainHead);
  if (!head || head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
    return {
      ok: false,
      entries,
      checkedAt,
      firstBroken: {
        seq: head ? expectedSeq : null,
        id: null,
        problem: head
          ? `the chain ends at entry ${expectedSeq - 1} but its head records entry ${head.seq}: entries were removed from the end`
          : "the chain head is missing",
      },
    };
  }
  return { ok: true, entries, headSeq: head.seq, headHash: head.hash, checkedAt };
}

export interface AuditListFilters {
  actorId?: string;
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

/** Newest first, keyset-paginated on seq. */
export async function listAuditEntries(db: Db, filters: AuditListFilters, page: { cursor?: number; limit: number }) {
  const conditions: (SQL | undefined)[] = [
    filters.actorId ? eq(auditLogs.actorId, filters.actorId) : undefined,
    filters.actor ? ilike(auditLogs.actorEmail, `%${escapeLike(filters.actor)}%`) : undefined,
    filters.action ? or(eq(auditLogs.action, filters.action), ilike(auditLogs.action, `${escapeLike(filters.action)}.%`)) : undefined,
    filters.targetType ? eq(auditLogs.targetType, filters.targetType) : undefined,
    filters.targetId ? eq(auditLogs.targetId, filters.targetId) : undefined,
    filters.from ? gte(auditLogs.createdAt, filters.from) : undefined,
    filters.to ? lt(auditLogs.createdAt, filters.to) : undefined,
    page.cursor ? lt(auditLogs.seq, page.cursor) : undefined,
  ];
  const rows = await db
    .select()
    .from(auditLogs)
    .where(and(...conditions))
    .orderBy(desc(auditLogs.seq))
    .limit(page.limit + 1);
  const hasMore = rows.length > page.limit;
  const items = hasMore ? rows.slice(0, page.limit) : rows;
  return { items, nextCursor: hasMore ? items[items.length - 1]!.seq : null };
}

export function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
