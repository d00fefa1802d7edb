import { type Grain, ROLLUPS, type RollupDefinition, SOURCE_INDEXES } from "./definitions";

/**
 * Generates the rollup migration from the definitions: tables, triggers and
 * `dashboard_rollups_rebuild()`. The output is committed as a migration
 * (`npm run db:rollups` rewrites it; a test fails if it drifts).
 *
 * Buckets are `date_bin(step, time, 2000-01-01 UTC)`: whole UTC hours, days
 * and five-minute slots, whatever the session's time zone.
 *
 * Triggers are per statement, over transition tables, so a batch insert costs
 * one grouped upsert per rollup rather than one per row:
 * - INSERT adds each group's measures (sums add, maxima take the greater);
 * - UPDATE and DELETE of a rollup made only of sums subtract the old rows and
 *   add the new ones, then drop groups whose count reached zero;
 * - UPDATE and DELETE of a rollup with a maximum recompute just the touched
 *   groups from the source (a maximum cannot be subtracted).
 * Inserts take a shared advisory lock and recomputes an exclusive one, so a
 * recompute never races an insert into the same rollup.
 */

export const BUCKET_ORIGIN = "TIMESTAMPTZ '2000-01-01 00:00:00+00'";
export const GRAIN_STEP: Record<Grain, string> = { "5 minutes": "interval '5 minutes'", hour: "interval '1 hour'", day: "interval '1 day'" };

const q = (name: string) => `"${name}"`;
const grainsValues = (d: RollupDefinition) => `(VALUES ${d.grains.map((g) => `('${g}', ${GRAIN_STEP[g]})`).join(", ")}) AS g(grain, step)`;
const hasMax = (d: RollupDefinition) => d.measures.some((m) => m.agg === "max");
const lockKey = (d: RollupDefinition) => `hashtext('rollup:${d.table}')`;
const columns = (d: RollupDefinition) => ["grain", "bucket", ...d.keys.map((k) => k.name), ...d.measures.map((m) => m.name)].map(q).join(", ");
const keyColumns = (d: RollupDefinition) => ["grain", "bucket", ...d.keys.map((k) => k.name)].map(q).join(", ");
const groupOrdinals = (d: RollupDefinition) => Array.from({ length: 2 + d.keys.length }, (_, i) => i + 1).join(", ");
const where = (d: RollupDefinition, extra?: string) => [d.where && `(${d.where})`, extra].filter(Boolean).join(" AND ") || "true";

/** `SELECT grain, bucket, keys, aggregated measures FROM <rows>` grouped: what a rollup holds for those rows. */
function aggregateFrom(d: RollupDefinition, rows: string, sign = 1) {
  const measures = d.measures.map((m) => (m.agg === "sum" ? `${sign < 0 ? "-" : ""}sum(${m.row})` : `max(${m.row})`));
  return `SELECT g.grain, date_bin(g.step, s.${q(d.time)}, ${BUCKET_ORIGIN}), ${d.keys.map((k) => `s.${k.expr}`).join(", ")}, ${measures.join(", ")}
    FROM ${rows} s CROSS JOIN ${grainsValues(d)}
    WHERE ${where(d)}
    GROUP BY ${groupOrdinals(d)}`;
}

function upsert(d: RollupDefinition, select: string) {
  const set = d.measures
    .map((m) => `${q(m.name)} = ${m.agg === "sum" ? `${q(d.table)}.${q(m.name)} + EXCLUDED.${q(m.name)}` : `greatest(${q(d.table)}.${q(m.name)}, EXCLUDED.${q(m.name)})`}`)
    .join(", ");
  return `INSERT INTO ${q(d.table)} (${columns(d)})
    ${select}
    ON CONFLICT (${keyColumns(d)}) DO UPDATE SET ${set};`;
}

/** The groups the given transition tables touch. */
function touched(d: RollupDefinition, rows: string[]) {
  const union = rows.map((r) => `SELECT * FROM ${r}`).join(" UNION ALL ");
  return `SELECT DISTINCT g.grain AS a_grain, g.step AS a_step, date_bin(g.step, s.${q(d.time)}, ${BUCKET_ORIGIN}) AS a_bucket, ${d.keys.map((k) => `s.${k.expr} AS ${q(`a_${k.name}`)}`).join(", ")}
      FROM (${union}) s CROSS JOIN ${grainsValues(d)}
      WHERE ${where(d)}`;
}

const matches = (d: RollupDefinition, table: string) =>
  [`${table}.grain = a.a_grain`, `${table}.bucket = a.a_bucket`, ...d.keys.map((k) => `${table}.${q(k.name)} IS NOT DISTINCT FROM a.${q(`a_${k.name}`)}`)].join(" AND ");

function recompute(d: RollupDefinition, rows: string[]) {
  // Unqualified names in the measures resolve to the source: the touched groups' columns are all prefixed "a_".
  const measures = d.measures.map((m) => `${m.agg}(${m.row})`);
  return `PERFORM pg_advisory_xact_lock(${lockKey(d)});
  DELETE FROM ${q(d.table)} t USING (${touched(d, rows)}) a WHERE ${matches(d, "t")};
  INSERT INTO ${q(d.table)} (${columns(d)})
    SELECT a.a_grain, a.a_bucket, ${d.keys.map((k) => `a.${q(`a_${k.name}`)}`).join(", ")}, ${measures.join(", ")}
    FROM (${touched(d, rows)}) a
    JOIN ${q(d.source)} s ON ${d.keys.map((k) => `s.${k.expr} = a.${q(`a_${k.name}`)}`).join(" AND ")}
      AND s.${q(d.time)} >= a.a_bucket AND s.${q(d.time)} < a.a_bucket + a.a_step
    WHERE ${where(d)}
    GROUP BY a.a_grain, a.a_bucket, ${d.keys.map((k) => `a.${q(`a_${k.name}`)}`).join(", ")};`;
}

function subtractAndAdd(d: RollupDefinition, rows: { old: string; new?: string }) {
  const parts = [aggregateFrom(d, rows.old, -1), rows.new ? aggregateFrom(d, rows.new) : null].filter(Boolean);
  const measures = d.measures.map((m) => `sum(${q(m.name)})`).join(", ");
  const inner = `SELECT ${keyColumns(d)}, ${measures} FROM (${parts.join("\n    UNION ALL\n    ")}) AS delta(${columns(d)}) GROUP BY ${groupOrdinals(d)}`;
  const count = d.measures[0]!.name;
  return `PERFORM pg_advisory_xact_lock_shared(${lockKey(d)});
  ${upsert(d, inner)}
  DELETE FROM ${q(d.table)} t USING (${touched(d, [rows.old])}) a WHERE ${matches(d, "t")} AND t.${q(count)} = 0;`;
}

function fn(name: string, body: string) {
  return `CREATE FUNCTION ${q(name)}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${body}
  RETURN NULL;
END
$$;`;
}

function rollupSql(d: RollupDefinition): string[] {
  const keyDefs = d.keys.map((k) => `${q(k.name)} ${k.type}${k.nullable ? "" : " NOT NULL"}`);
  const measureDefs = d.measures.map((m) => `${q(m.name)} ${m.type}${m.agg === "sum" ? " NOT NULL DEFAULT 0" : ""}`);
  const grains = d.grains.map((g) => `'${g}'`).join(", ");
  const statements = [
    `CREATE TABLE ${q(d.table)} (
  "grain" text NOT NULL CHECK ("grain" IN (${grains})),
  "bucket" timestamptz NOT NULL,
  ${[...keyDefs, ...measureDefs].join(",\n  ")},
  CONSTRAINT ${q(`${d.table}_key`)} UNIQUE NULLS NOT DISTINCT (${keyColumns(d)})
);`,
    ...(d.indexes ?? []).map((i) => `CREATE INDEX ${q(i.name)} ON ${q(d.table)} ${i.on};`),
    fn(`${d.table}_add`, `PERFORM pg_advisory_xact_lock_shared(${lockKey(d)});
  ${upsert(d, aggregateFrom(d, "new_rows"))}`),
    fn(`${d.table}_change`, hasMax(d) ? recompute(d, ["old_rows", "new_rows"]) : subtractAndAdd(d, { old: "old_rows", new: "new_rows" })),
    fn(`${d.table}_remove`, hasMax(d) ? recompute(d, ["old_rows"]) : subtractAndAdd(d, { old: "old_rows" })),
    `CREATE TRIGGER ${q(`${d.table}_add`)} AFTER INSERT ON ${q(d.source)} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${q(`${d.table}_add`)}();`,
    `CREATE TRIGGER ${q(`${d.table}_change`)} AFTER UPDATE ON ${q(d.source)} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${q(`${d.table}_change`)}();`,
    `CREATE TRIGGER ${q(`${d.table}_remove`)} AFTER DELETE ON ${q(d.source)} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${q(`${d.table}_remove`)}();`,
  ];
  return statements;
}

function rebuildSql(defs: RollupDefinition[]): string {
  // Rows go in bucket order, so a range of buckets sits on a few pages rather than
  // one page a row; triggers then append newer buckets in time order on their own.
  const body = defs.map((d) => `INSERT INTO ${q(d.table)} (${columns(d)})
    ${aggregateFrom(d, q(d.source))}
    ORDER BY 1, 2;`);
  return `-- Recomputes every rollup from its source: after a bulk load with triggers
-- disabled, or to check the triggers (the tests compare the two).
CREATE OR REPLACE FUNCTION "dashboard_rollups_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  ${defs.map((d) => `PERFORM pg_advisory_xact_lock(${lockKey(d)});`).join("\n  ")}
  TRUNCATE ${defs.map((d) => q(d.table)).join(", ")};
  ${body.join("\n  ")}
END
$$;`;
}

const definitions = () => Object.values(ROLLUPS) as RollupDefinition[];

/**
 * The rollup tables, their indexes and triggers, and the source indexes, as
 * created by drizzle/0003_dashboard_rollups.sql (a landed migration is never
 * rewritten: a test checks it still holds each of these statements, so a
 * changed table needs a new migration).
 */
export function rollupObjectStatements(): string[] {
  return [...SOURCE_INDEXES, ...definitions().flatMap(rollupSql)];
}

/** The newest `dashboard_rollups_rebuild()`, as its own migration (`npm run db:rollups` writes it). */
export function rebuildMigrationSql(): string {
  const header = `-- GENERATED by \`npm run db:rollups\` from src/server/db/rollups/definitions.ts; do not edit.
-- Takes effect at the next rebuild; running one lays out the existing history in
-- bucket order, and holds each rollup's lock while it runs: do it off-peak.`;
  return `${header}\n\n${rebuildSql(definitions())}\n`;
}
