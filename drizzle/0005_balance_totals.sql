-- What users hold per currency, right now, for the finance dashboard: kept by
-- statement-level triggers in the same transaction as the balances, so the
-- tile reads a few dozen rows instead of every balance.
--
-- Each currency is spread over 16 slots by user: concurrent writers in one
-- currency rarely wait on the same row, and all of a user's balances land in
-- one slot, so a user is a holder of a currency in exactly one slot.
-- "holders" counts distinct users; a user with a personal and a DAO balance
-- in a currency is one holder.
CREATE TABLE "balance_totals" (
  "currency" varchar(10) NOT NULL,
  "slot" smallint NOT NULL,
  "balances" integer NOT NULL DEFAULT 0,
  "holders" integer NOT NULL DEFAULT 0,
  "available" numeric(30, 8) NOT NULL DEFAULT 0,
  "pending" numeric(30, 8) NOT NULL DEFAULT 0,
  "locked" numeric(30, 8) NOT NULL DEFAULT 0,
  CONSTRAINT "balance_totals_pkey" PRIMARY KEY ("currency", "slot")
);
--> statement-breakpoint
CREATE TYPE "balance_change" AS ("user_id" uuid, "currency" varchar(10), "sign" integer, "available" numeric, "pending" numeric, "locked" numeric);
--> statement-breakpoint
CREATE FUNCTION "balance_totals_slot"(user_id uuid) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (abs(hashtext(user_id::text)) % 16)::smallint;
--> statement-breakpoint
-- Adds a statement's changes (+1 for each new row, -1 for each old one) to the totals.
-- A user stops or starts holding a currency when their count of rows in it reaches
-- or leaves zero, which is read from the table after the change. Writers of one
-- slot take its lock first, in a fixed order, so that read sees every other
-- writer's committed change (READ COMMITTED takes a new snapshot per statement;
-- SERIALIZABLE detects the conflict). `balance_totals_rebuild()` repairs drift.
CREATE FUNCTION "balance_totals_apply"(changes "balance_change"[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  s record;
BEGIN
  FOR s IN SELECT DISTINCT c.currency, balance_totals_slot(c.user_id) AS slot FROM unnest(changes) c ORDER BY 1, 2 LOOP
    PERFORM pg_advisory_xact_lock(hashtext('balance_totals:' || s.currency || ':' || s.slot));
  END LOOP;
  INSERT INTO "balance_totals" AS t ("currency", "slot", "balances", "holders", "available", "pending", "locked")
  SELECT p.currency, balance_totals_slot(p.user_id), sum(p.rows)::int,
         sum((n.rows > 0)::int - (n.rows - p.rows > 0)::int)::int,
         sum(p.available), sum(p.pending), sum(p.locked)
  FROM (
    SELECT c.user_id, c.currency, sum(c.sign) AS rows,
           coalesce(sum(c.sign * c.available), 0) AS available, coalesce(sum(c.sign * c.pending), 0) AS pending,
           coalesce(sum(c.sign * c.locked), 0) AS locked
    FROM unnest(changes) c GROUP BY 1, 2
  ) p
  CROSS JOIN LATERAL (SELECT count(*) AS rows FROM "user_balances" b WHERE b.user_id = p.user_id AND b.currency = p.currency) n
  GROUP BY 1, 2
  ON CONFLICT ("currency", "slot") DO UPDATE SET
    "balances" = t."balances" + EXCLUDED."balances",
    "holders" = t."holders" + EXCLUDED."holders",
    "available" = t."available" + EXCLUDED."available",
    "pending" = t."pending" + EXCLUDED."pending",
    "locked" = t."locked" + EXCLUDED."locked";
END
$$;
--> statement-breakpoint
CREATE FUNCTION "balance_totals_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM balance_totals_apply(ARRAY(SELECT ROW(user_id, currency, 1, available_balance, pending_balance, locked_balance)::balance_change FROM new_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "balance_totals_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM balance_totals_apply(ARRAY(
    SELECT ROW(user_id, currency, -1, available_balance, pending_balance, locked_balance)::balance_change FROM old_rows
    UNION ALL
    SELECT ROW(user_id, currency, 1, available_balance, pending_balance, locked_balance)::balance_change FROM new_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "balance_totals_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM balance_totals_apply(ARRAY(SELECT ROW(user_id, currency, -1, available_balance, pending_balance, locked_balance)::balance_change FROM old_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "balance_totals_add" AFTER INSERT ON "user_balances" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "balance_totals_add"();
--> statement-breakpoint
CREATE TRIGGER "balance_totals_change" AFTER UPDATE ON "user_balances" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "balance_totals_change"();
--> statement-breakpoint
CREATE TRIGGER "balance_totals_remove" AFTER DELETE ON "user_balances" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "balance_totals_remove"();
--> statement-breakpoint
-- Recomputes the totals from the balances: after a bulk load with triggers off, or to check them.
CREATE FUNCTION "balance_totals_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "balance_totals" IN EXCLUSIVE MODE;
  TRUNCATE "balance_totals";
  INSERT INTO "balance_totals" ("currency", "slot", "balances", "holders", "available", "pending", "locked")
  SELECT currency, balance_totals_slot(user_id), count(*)::int, count(DISTINCT user_id)::int,
         sum(available_balance), sum(pending_balance), sum(locked_balance)
  FROM "user_balances" GROUP BY 1, 2;
END
$$;
--> statement-breakpoint
SELECT "balance_totals_rebuild"();
