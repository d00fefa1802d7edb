-- The audit log is append-only and chained. The application computes each
-- row's keyed hash (the key never reaches the database); the database makes
-- sure every row extends the current head of the chain, one writer at a time,
-- and that nothing already written can be changed or removed.

INSERT INTO "audit_chain_head" ("id", "seq", "hash") VALUES (true, 0, repeat('0', 64));
--> statement-breakpoint
CREATE FUNCTION "audit_logs_extend_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash varchar(64);
BEGIN
  -- The row lock serialises concurrent writers: the second waits here, then
  -- reads the head the first one left behind.
  SELECT "seq", "hash" INTO head_seq, head_hash FROM "audit_chain_head" WHERE "id" FOR UPDATE;
  IF NEW."seq" IS DISTINCT FROM head_seq + 1 OR NEW."prev_hash" IS DISTINCT FROM head_hash THEN
    RAISE EXCEPTION 'audit chain: entry % does not extend the head (seq %, hash %)', NEW."seq", head_seq, head_hash
      USING ERRCODE = 'serialization_failure';
  END IF;
  IF NEW."hash" !~ '^[0-9a-f]{64}$' THEN
    RAISE EXCEPTION 'audit chain: entry % has no valid hash', NEW."seq" USING ERRCODE = 'check_violation';
  END IF;
  UPDATE "audit_chain_head" SET "seq" = NEW."seq", "hash" = NEW."hash", "updated_at" = NEW."created_at" WHERE "id";
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_logs_extend_chain" BEFORE INSERT ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION "audit_logs_extend_chain"();
--> statement-breakpoint
CREATE FUNCTION "audit_logs_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_logs_refuse_update_delete" BEFORE UPDATE OR DELETE ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION "audit_logs_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_logs_refuse_truncate" BEFORE TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_logs_refuse_change"();
--> statement-breakpoint
-- The head moves only from inside the chain trigger above (trigger depth 2).
CREATE FUNCTION "audit_chain_head_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'audit_chain_head moves only when an audit entry is written' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_chain_head_guard" BEFORE INSERT OR UPDATE OR DELETE ON "audit_chain_head"
  FOR EACH ROW EXECUTE FUNCTION "audit_chain_head_guard"();
--> statement-breakpoint
CREATE TRIGGER "audit_chain_head_refuse_truncate" BEFORE TRUNCATE ON "audit_chain_head"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_logs_refuse_change"();
