-- Top SMS recipients over a short range add up the raw rows (see SMS_RAW_TOP_LIMIT):
-- this index answers that from the index alone, without visiting the table.
CREATE INDEX IF NOT EXISTS "sms_delivery_recipient_cover_idx" ON "sms_delivery_log" ("created_at") INCLUDE ("to_phone", "status", "country_code");
