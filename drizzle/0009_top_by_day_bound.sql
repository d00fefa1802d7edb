-- Top failing addresses and top SMS recipients bound every key by its day rows
-- of 2 or more (src/server/queries/dashboard/top.ts): these partial indexes hold
-- exactly those rows, a few hundred a day, so a range's bounds are one short
-- range scan. They replace the indexes ordered by the measure, which the old
-- candidate search read and nothing reads now.
-- Each holds its table's write lock while it builds (seconds at 10 million attempts).
CREATE INDEX "login_ip_rollup_day_failures_idx" ON "login_ip_rollup" (bucket) INCLUDE (ip_address, failures) WHERE grain = 'day' AND failures >= 2;
--> statement-breakpoint
CREATE INDEX "sms_recipient_rollup_day_messages_idx" ON "sms_recipient_rollup" (bucket) INCLUDE (to_phone, messages) WHERE grain = 'day' AND messages >= 2;
--> statement-breakpoint
DROP INDEX "login_ip_rollup_failures_idx";
--> statement-breakpoint
DROP INDEX "sms_recipient_rollup_messages_idx";
