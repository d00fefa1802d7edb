-- balance_totals, made exact however a statement's changes reach the triggers
-- (a writable CTE or MERGE fires more than one trigger for one statement, and
-- each saw the final table), and without locks beyond the rows it updates:
-- a counter of balances per user and currency says when a user starts or
-- stops holding it. The slot no longer overflows on hashtext's minimum, and a
-- TRUNCATE of user_balances clears the totals instead of leaving them stale.
CREATE TABLE "balance_holdings" (
  "user_id" uuid NOT NULL,
  "currency" varchar(10) NOT NULL,
  "balances" integer NOT NULL,
  CONSTRAINT "balance_holdings_pkey" PRIMARY KEY ("user_id", "currency")
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "balance_totals_slot"(user_id uuid) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (hashtext(user_id::text) & 15)::smallint;
--> statement-breakpoint
-- Adds a statement's changes (+1 for each new row, -1 for each old one) to the
-- totals. A user starts or stops holding a currency when their counter leaves or
-- reaches zero; the counter's row lock orders concurrent writers of one user and
-- currency, and READ COMMITTED re-reads it after the wait. Rows are upserted in
-- key order. `balance_totals_rebuild()` recomputes everything.
CREATE OR REPLACE FUNCTION "balance_totals_apply"(changes "balance_change"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH net AS (
    SELECT c.user_id, c.currency, sum(c.sign)::int AS balances,
           coalesce(sum(c.sign * c.available), 0) AS available, coalesce(sum(c.sign * c.pending), 0) AS pending,
           coalesce(sum(c.sign * c.locked), 0) AS locked
    FROM unnest(changes) c GROUP BY 1, 2
  ), held AS (
    INSERT INTO "balance_holdings" AS h ("user_id", "currency", "balances")
    SELECT user_id, currency, balances FROM net WHERE balances <> 0 ORDER BY 1, 2
    ON CONFLICT ("user_id", "currency") DO UPDATE SET "balances" = h."balances" + EXCLUDED."balances"
    RETURNING h."user_id", h."currency", h."balances" AS now
  )
  INSERT INTO "balance_totals" AS t ("currency", "slot", "balances", "holders", "available", "pending", "locked")
  SELECT n.currency, balance_totals_slot(n.user_id), sum(n.balances)::int,
         sum(coalesce((held.now > 0)::int - (held.now - n.balances > 0)::int, 0))::int,
         sum(n.available), sum(n.pending), sum(n.locked)
  FROM net n LEFT JOIN held ON held.user_id = n.user_id AND held.currency = n.currency
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("currency", "slot") DO UPDATE SET
    "balances" = t."balances" + EXCLUDED."balances",
    "holders" = t."holders" + EXCLUDED."holders",
    "available" = t."available" + EXCLUDED."available",
    "pending" = t."pending" + EXCLUDED."pending",
    "locked" = t."locked" + EXCLUDED."locked";
END
$$;
--> statement-breakpoint
CREATE FUNCTION "balance_totals_clear"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE "balance_totals", "balance_holdings";
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "balance_totals_clear" AFTER TRUNCATE ON "user_balances" FOR EACH STATEMENT EXECUTE FUNCTION "balance_totals_clear"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "balance_totals_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "balance_totals", "balance_holdings" IN EXCLUSIVE MODE;
  TRUNCATE "balance_totals", "balance_holdings";
  INSERT INTO "balance_holdings" ("user_id", "currency", "balances")
  SELECT user_id, currency, count(*)::int FROM "user_balances" GROUP BY 1, 2;
  INSERT INTO "balance_totals" ("currency", "slot", "balances", "holders", "available", "pending", "locked")
  SELECT currency, balance_totals_slot(user_id), count(*)::int, count(DISTINCT user_id)::int,
         sum(available_balance), sum(pending_balance), sum(locked_balance)
  FROM "user_balances" GROUP BY 1, 2;
END
$$;
--> statement-breakpoint
SELECT "balance_totals_rebuild"();
