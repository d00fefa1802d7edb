import "server-only";
import { sql } from "drizzle-orm";
import { sumDecimals } from "~/lib/decimal";
import type { Db } from "~/server/db/client";
import { queryRows } from "~/server/db/rows";
import { ROLLUPS } from "~/server/db/rollups/definitions";
import { binTo, bucketStarts, rollupSource, seriesBucket, sqlList, type TimeRange } from "./range";
import { topByTotal, utc } from "./top";

// "Delivered" means status delivered; "failed" means status failed; bounces
// are their own status. The rate is delivered / total over every message
// created in the range, whatever its status (pending ones count against it
// until they are delivered). SMS cost is summed per currency, never across.

export const DELIVERY_STATUSES = ["pending", "sent", "delivered", "failed", "bounced"] as const;
type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

interface Tally {
  total: number;
  delivered: number;
  failed: number;
  bounced: number;
  pending: number;
  sent: number;
}

const emptyTally = (): Tally => ({ total: 0, delivered: 0, failed: 0, bounced: 0, pending: 0, sent: 0 });
const rate = (t: Tally) => (t.total === 0 ? null : t.delivered / t.total);

/** Email delivery overall, by provider and by template. */
export async function emailDeliveryRate(db: Db, range: TimeRange) {
  const rows = await queryRows<{ provider: string; template: string; status: DeliveryStatus; messages: number }>(
    db,
    sql`SELECT provider, template, status::text AS status, sum(messages)::int AS messages FROM ${rollupSource(ROLLUPS.emailDeliveries, range)} s GROUP BY 1, 2, 3`,
  );
  const overall = emptyTally();
  const providers = new Map<string, Tally>();
  const templates = new Map<string, Tally>();
  for (const r of rows) {
    for (const t of [overall, getOr(providers, r.provider), getOr(templates, r.template)]) {
      t.total += r.messages;
      t[r.status] += r.messages;
    }
  }
  const breakdown = <K extends string>(map: Map<string, Tally>, name: K) =>
    [...map.entries()]
      .map(([key, t]) => ({ [name]: key, total: t.total, delivered: t.delivered, failed: t.failed, bounced: t.bounced, rate: rate(t) }) as Record<K, string> & { total: number; delivered: number; failed: number; bounced: number; rate: number | null })
      .sort((a, b) => b.total - a.total || (a[name] < b[name] ? -1 : 1));
  return { ...overall, rate: rate(overall), byProvider: breakdown(providers, "provider"), byTemplate: breakdown(templates, "template") };
}

function getOr(map: Map<string, Tally>, key: string) {
  let t = map.get(key);
  if (!t) map.set(key, (t = emptyTally()));
  return t;
}

/** Emails per hour or day: total, delivered, failed and bounced. */
export async function emailOverTime(db: Db, range: TimeRange) {
  const bucket = seriesBucket(range);
  const rows = await queryRows<{ at: string; total: number; delivered: number; failed: number; bounced: number }>(
    db,
    sql`SELECT ${utc("b")} AS at, sum(messages)::int AS total,
               coalesce(sum(messages) FILTER (WHERE status = 'delivered'), 0)::int AS delivered,
               coalesce(sum(messages) FILTER (WHERE status = 'failed'), 0)::int AS failed,
               coalesce(sum(messages) FILTER (WHERE status = 'bounced'), 0)::int AS bounced
        FROM (SELECT ${binTo(bucket)} AS b, status, messages FROM ${rollupSource(ROLLUPS.emailDeliveries, range, { grains: bucket === "hour" ? ["hour"] : ["hour", "day"] })} s) x
        GROUP BY b`,
  );
  const byAt = new Map(rows.map((r) => [new Date(r.at).getTime(), r]));
  return {
    bucket,
    points: bucketStarts(range, bucket).map((at) => {
      const r = byAt.get(at.getTime());
      return { at, total: r?.total ?? 0, delivered: r?.delivered ?? 0, failed: r?.failed ?? 0, bounced: r?.bounced ?? 0 };
    }),
  };
}

/** SMS spend per currency over the range, and per UTC day and currency: one read, the totals added up from the days exactly. */
export async function smsCost(db: Db, range: TimeRange) {
  const daily = await queryRows<{ day: string; currency: string | null; cost: string; messages: number }>(
    db,
    sql`SELECT ${utc("b")} AS day, currency, sum(cost)::text AS cost, sum(messages)::int AS messages
        FROM (SELECT ${binTo("day")} AS b, currency, cost, messages FROM ${rollupSource(ROLLUPS.smsDeliveries, range)} s) x
        GROUP BY b, currency ORDER BY b, currency COLLATE "C" NULLS LAST`,
  );
  const totals = new Map<string | null, { costs: string[]; messages: number }>();
  for (const d of daily) {
    const t = totals.get(d.currency) ?? { costs: [], messages: 0 };
    t.costs.push(d.cost);
    t.messages += d.messages;
    totals.set(d.currency, t);
  }
  // Currencies in byte order, whatever the database's collation; the messages with no currency yet last.
  const byCurrency = [...totals.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, t]) => ({ currency, cost: sumDecimals(t.costs), messages: t.messages }));
  return { byCurrency, daily: daily.map((d) => ({ ...d, day: new Date(d.day) })) };
}

/** SMS by provider and by country (each per currency), and by status. */
export async function smsBreakdown(db: Db, range: TimeRange) {
  const source = rollupSource(ROLLUPS.smsDeliveries, range);
  const rows = await queryRows<{ provider: string; country_code: string | null; status: DeliveryStatus; currency: string | null; messages: number; cost: string }>(
    db,
    sql`SELECT provider, country_code, status::text AS status, currency, sum(messages)::int AS messages, sum(cost)::text AS cost FROM ${source} s GROUP BY 1, 2, 3, 4`,
  );
  const providers = new Map<string, { provider: string; currency: string | null; cost: string; messages: number; delivered: number; failed: number }>();
  const countries = new Map<string, { countryCode: string | null; currency: string | null; cost: string; messages: number }>();
  const statuses = new Map<string, number>();
  for (const r of rows) {
    const pk = `${r.provider}\u0000${r.currency ?? ""}`;
    const p = providers.get(pk) ?? { provider: r.provider, currency: r.currency, cost: "0", messages: 0, delivered: 0, failed: 0 };
    p.cost = sumDecimals([p.cost, r.cost]);
    p.messages += r.messages;
    if (r.status === "delivered") p.delivered += r.messages;
    if (r.status === "failed" || r.status === "bounced") p.failed += r.messages;
    providers.set(pk, p);
    const ck = `${r.country_code ?? ""}\u0000${r.currency ?? ""}`;
    const c = countries.get(ck) ?? { countryCode: r.country_code, currency: r.currency, cost: "0", messages: 0 };
    c.cost = sumDecimals([c.cost, r.cost]);
    c.messages += r.messages;
    countries.set(ck, c);
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + r.messages);
  }
  const byMessages = <T extends { messages: number }>(a: T, b: T) => b.messages - a.messages;
  return {
    byProvider: [...providers.values()].sort((a, b) => byMessages(a, b) || a.provider.localeCompare(b.provider) || (a.currency ?? "").localeCompare(b.currency ?? "")),
    byCountry: [...countries.values()].sort((a, b) => byMessages(a, b) || (a.countryCode ?? "~").localeCompare(b.countryCode ?? "~") || (a.currency ?? "").localeCompare(b.currency ?? "")),
    byStatus: DELIVERY_STATUSES.map((status) => ({ status, count: statuses.get(status) ?? 0 })),
  };
}

/** The numbers that received the most messages: SMS pumping shows up here. */
export async function smsTopRecipients(db: Db, range: TimeRange & { limit: number }) {
  const top = await topByTotal(db, range, { rollup: ROLLUPS.smsRecipients, measure: "messages", limit: range.limit });
  if (top.length === 0) return [];
  const phones = sqlList(top.map((t) => t.key), "text");
  const details = await queryRows<{ phone: string; failed: number; country_code: string | null; last: string }>(
    db,
    sql`SELECT to_phone AS phone, sum(failed)::int AS failed, max(country_code) AS country_code, ${utc("max(last_sent_at)")} AS last
        FROM ${rollupSource(ROLLUPS.smsRecipients, range, { rollupWhere: sql`to_phone = ANY(${phones})`, rawWhere: sql`to_phone = ANY(${phones})` })} s GROUP BY 1`,
  );
  const byPhone = new Map(details.map((d) => [d.phone, d]));
  // A number whose messages were deleted between the two reads has nothing left to show.
  return top.flatMap((t) => {
    const d = byPhone.get(t.key);
    return d ? [{ phone: t.key, countryCode: d.country_code, messages: t.total, failed: d.failed, lastSentAt: new Date(d.last) }] : [];
  });
}
