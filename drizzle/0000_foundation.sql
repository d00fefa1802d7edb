CREATE TYPE "public"."alert_type" AS ENUM('new_device', 'lockout', 'password_change', 'mfa_change', 'suspicious_activity');--> statement-breakpoint
CREATE TYPE "public"."attempt_result" AS ENUM('success', 'failed_password', 'unknown_user', 'locked', 'disabled', 'mfa_failed', 'throttled', 'invalid_input');--> statement-breakpoint
CREATE TYPE "public"."compliance_check_result" AS ENUM('clear', 'possible_match', 'match', 'error');--> statement-breakpoint
CREATE TYPE "public"."compliance_check_type" AS ENUM('pep', 'sanctions', 'adverse_media');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('pending', 'sent', 'delivered', 'failed', 'bounced');--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('open', 'acknowledged', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."fee_category" AS ENUM('mpesa_deposit', 'mpesa_withdrawal', 'currency_swap', 'dao_contribution', 'vault_management', 'p2p_transfer', 'subscription');--> statement-breakpoint
CREATE TYPE "public"."kyc_document_status" AS ENUM('pending', 'accepted', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."kyc_document_type" AS ENUM('passport', 'national_id', 'drivers_license', 'proof_of_address', 'selfie');--> statement-breakpoint
CREATE TYPE "public"."kyc_level" AS ENUM('basic', 'enhanced');--> statement-breakpoint
CREATE TYPE "public"."kyc_status" AS ENUM('pending', 'in_review', 'approved', 'rejected', 'expired');--> statement-breakpoint
CREATE TYPE "public"."mfa_context" AS ENUM('sign_in', 'enrol', 'disable', 'backup_regenerate');--> statement-breakpoint
CREATE TYPE "public"."mfa_method" AS ENUM('totp', 'sms', 'email');--> statement-breakpoint
CREATE TYPE "public"."mpesa_status" AS ENUM('pending', 'completed', 'failed', 'cancelled', 'timeout');--> statement-breakpoint
CREATE TYPE "public"."mpesa_transaction_type" AS ENUM('stk_push', 'c2b', 'b2c');--> statement-breakpoint
CREATE TYPE "public"."network_congestion" AS ENUM('low', 'medium', 'high');--> statement-breakpoint
CREATE TYPE "public"."notification_channel" AS ENUM('email', 'sms');--> statement-breakpoint
CREATE TYPE "public"."payment_frequency" AS ENUM('daily', 'weekly', 'monthly');--> statement-breakpoint
CREATE TYPE "public"."payout_method" AS ENUM('mpesa', 'wallet', 'bank');--> statement-breakpoint
CREATE TYPE "public"."payout_status" AS ENUM('pending', 'processing', 'completed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."recovery_status" AS ENUM('pending', 'used', 'expired', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."recovery_type" AS ENUM('password_reset', 'email_verification', 'email_change');--> statement-breakpoint
CREATE TYPE "public"."recurring_status" AS ENUM('active', 'paused', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('draft', 'generating', 'ready', 'failed');--> statement-breakpoint
CREATE TYPE "public"."report_type" AS ENUM('daily', 'weekly', 'monthly', 'quarterly', 'annual', 'custom');--> statement-breakpoint
CREATE TYPE "public"."risk_level" AS ENUM('low', 'medium', 'high');--> statement-breakpoint
CREATE TYPE "public"."session_audit_action" AS ENUM('created', 'refreshed', 'mfa_verified', 'ip_changed', 'revoked', 'expired', 'signed_out');--> statement-breakpoint
CREATE TYPE "public"."session_source" AS ENUM('app', 'console');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."transaction_status" AS ENUM('pending', 'completed', 'failed', 'reversed');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'operator', 'compliance', 'user');--> statement-breakpoint
CREATE TYPE "public"."user_status" AS ENUM('active', 'suspended', 'deactivated');--> statement-breakpoint
CREATE TABLE "account_recovery" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"recovery_type" "recovery_type" NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"status" "recovery_status" DEFAULT 'pending' NOT NULL,
	"initiated_by" uuid,
	"requested_ip" "inet",
	"user_agent" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_recovery_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "account_recovery_used_consistent" CHECK (("account_recovery"."status" = 'used') = ("account_recovery"."used_at" IS NOT NULL)),
	CONSTRAINT "account_recovery_expiry_after_creation" CHECK ("account_recovery"."expires_at" > "account_recovery"."created_at")
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid NOT NULL,
	"alert_type" "alert_type" NOT NULL,
	"channel" "notification_channel" NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_user_id_alert_type_channel_pk" PRIMARY KEY("user_id","alert_type","channel")
);
--> statement-breakpoint
CREATE TABLE "password_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "password_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" uuid NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"email_verified_at" timestamp with time zone,
	"phone" varchar(16),
	"phone_verified_at" timestamp with time zone,
	"display_name" text,
	"password_hash" text,
	"password_changed_at" timestamp with time zone,
	"role" "user_role" DEFAULT 'user' NOT NULL,
	"status" "user_status" DEFAULT 'active' NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"lockout_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"lock_reason" text,
	"last_login_at" timestamp with time zone,
	"last_login_ip" "inet",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "users_email_format" CHECK (char_length("users"."email") <= 254 AND "users"."email" ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
	CONSTRAINT "users_phone_e164" CHECK ("users"."phone" IS NULL OR "users"."phone" ~ '^\+[1-9][0-9]{6,14}$'),
	CONSTRAINT "users_failed_login_count_nonnegative" CHECK ("users"."failed_login_count" >= 0),
	CONSTRAINT "users_lockout_count_nonnegative" CHECK ("users"."lockout_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"session_id" uuid,
	"family_id" uuid NOT NULL,
	"parent_id" uuid,
	"token_hash" varchar(64) NOT NULL,
	"ip_address" "inet",
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text,
	"reuse_detected_at" timestamp with time zone,
	CONSTRAINT "refresh_tokens_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "refresh_tokens_expiry_after_creation" CHECK ("refresh_tokens"."expires_at" > "refresh_tokens"."created_at")
);
--> statement-breakpoint
CREATE TABLE "session_audits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "session_audits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"action" "session_audit_action" NOT NULL,
	"ip_address" "inet",
	"user_agent" text,
	"country_code" varchar(2),
	"city" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"source" "session_source" DEFAULT 'app' NOT NULL,
	"device_id" uuid,
	"device_name" text,
	"ip_address" "inet",
	"user_agent" text,
	"country_code" varchar(2),
	"city" text,
	"mfa_verified" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "sessions_expiry_after_creation" CHECK ("sessions"."expires_at" > "sessions"."created_at"),
	CONSTRAINT "sessions_revocation_consistent" CHECK ("sessions"."revoked_at" IS NOT NULL OR "sessions"."revoked_by" IS NULL)
);
--> statement-breakpoint
CREATE TABLE "user_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"fingerprint" varchar(128) NOT NULL,
	"name" text,
	"device_type" varchar(32),
	"os" text,
	"browser" text,
	"trusted" boolean DEFAULT false NOT NULL,
	"trusted_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_ip_address" "inet",
	"last_country_code" varchar(2),
	"last_city" text,
	CONSTRAINT "user_devices_trusted_consistent" CHECK ("user_devices"."trusted" = ("user_devices"."trusted_at" IS NOT NULL)),
	CONSTRAINT "user_devices_seen_order" CHECK ("user_devices"."last_seen_at" >= "user_devices"."first_seen_at")
);
--> statement-breakpoint
CREATE TABLE "mfa_verification_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mfa_verification_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" uuid NOT NULL,
	"two_factor_id" uuid,
	"method" "mfa_method" NOT NULL,
	"context" "mfa_context" NOT NULL,
	"used_backup_code" boolean DEFAULT false NOT NULL,
	"success" boolean NOT NULL,
	"failure_reason" text,
	"ip_address" "inet",
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mfa_attempts_failure_has_reason" CHECK ("mfa_verification_attempts"."success" OR "mfa_verification_attempts"."failure_reason" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "two_factor_auth" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"method" "mfa_method" NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"secret_encrypted" text,
	"backup_code_hashes" text[] DEFAULT '{}'::text[] NOT NULL,
	"last_used_step" bigint,
	"enabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "two_factor_auth_enabled_consistent" CHECK ("two_factor_auth"."enabled" = ("two_factor_auth"."enabled_at" IS NOT NULL)),
	CONSTRAINT "two_factor_auth_totp_has_secret" CHECK ("two_factor_auth"."method" <> 'totp' OR "two_factor_auth"."secret_encrypted" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"key_prefix" varchar(16) NOT NULL,
	"key_hash" varchar(64) NOT NULL,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"rate_limit_per_minute" integer DEFAULT 60 NOT NULL,
	"ip_allowlist" "cidr"[] DEFAULT '{}'::cidr[] NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"last_used_ip" "inet",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash"),
	CONSTRAINT "api_keys_rate_limit_positive" CHECK ("api_keys"."rate_limit_per_minute" > 0)
);
--> statement-breakpoint
CREATE TABLE "oauth_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"provider" varchar(32) NOT NULL,
	"provider_user_id" text NOT NULL,
	"provider_email" text,
	"access_token_encrypted" text,
	"refresh_token_encrypted" text,
	"token_expires_at" timestamp with time zone,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"connected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "login_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"identifier" varchar(320) NOT NULL,
	"user_id" uuid,
	"ip_address" "inet" NOT NULL,
	"user_agent" text,
	"attempt_result" "attempt_result" NOT NULL,
	"failure_reason" text,
	"country_code" varchar(2),
	"city" text,
	"device_fingerprint" varchar(128),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "login_attempts_failure_has_reason" CHECK ("login_attempts"."attempt_result" = 'success' OR "login_attempts"."failure_reason" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "security_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "security_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_type" varchar(64) NOT NULL,
	"severity" "severity" NOT NULL,
	"status" "event_status" DEFAULT 'open' NOT NULL,
	"user_id" uuid,
	"ip_address" "inet",
	"user_agent" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"assignee_id" uuid,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "security_events_type_format" CHECK ("security_events"."event_type" ~ '^[a-z][a-z0-9_.]*$'),
	CONSTRAINT "security_events_resolution_consistent" CHECK (("security_events"."status" = 'resolved') = ("security_events"."resolved_at" IS NOT NULL) AND ("security_events"."status" <> 'resolved' OR coalesce(length(btrim("security_events"."resolution_note")), 0) > 0))
);
--> statement-breakpoint
CREATE TABLE "audit_logs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_logs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"seq" bigint DEFAULT 0 NOT NULL,
	"actor_id" uuid,
	"actor_email" text,
	"actor_role" "user_role",
	"action" varchar(64) NOT NULL,
	"target_type" varchar(32),
	"target_id" text,
	"reason" text,
	"before" jsonb,
	"after" jsonb,
	"ip_address" "inet",
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"prev_hash" varchar(64) DEFAULT '' NOT NULL,
	"hash" varchar(64) DEFAULT '' NOT NULL,
	CONSTRAINT "audit_logs_seq_unique" UNIQUE("seq"),
	CONSTRAINT "audit_logs_action_format" CHECK ("audit_logs"."action" ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$')
);
--> statement-breakpoint
CREATE TABLE "email_delivery_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "email_delivery_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" uuid,
	"to_email" text NOT NULL,
	"subject" text,
	"template" varchar(64) NOT NULL,
	"provider" varchar(32) NOT NULL,
	"provider_message_id" text,
	"status" "delivery_status" DEFAULT 'pending' NOT NULL,
	"error_message" text,
	"cost" numeric(20, 8),
	"currency" varchar(10),
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_delivery_cost_nonnegative" CHECK ("email_delivery_log"."cost" IS NULL OR "email_delivery_log"."cost" >= 0),
	CONSTRAINT "email_delivery_cost_has_currency" CHECK (("email_delivery_log"."cost" IS NULL) = ("email_delivery_log"."currency" IS NULL)),
	CONSTRAINT "email_delivery_currency_format" CHECK ("email_delivery_log"."currency" IS NULL OR currency ~ '^[A-Za-z]{3,6}$'),
	CONSTRAINT "email_delivery_delivered_has_time" CHECK ("email_delivery_log"."status" <> 'delivered' OR "email_delivery_log"."delivered_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "sms_delivery_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sms_delivery_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" uuid,
	"to_phone" varchar(16) NOT NULL,
	"country_code" varchar(2),
	"template" varchar(64) NOT NULL,
	"provider" varchar(32) NOT NULL,
	"provider_message_id" text,
	"status" "delivery_status" DEFAULT 'pending' NOT NULL,
	"error_message" text,
	"segments" integer DEFAULT 1 NOT NULL,
	"cost" numeric(20, 8),
	"currency" varchar(10),
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_delivery_phone_e164" CHECK ("sms_delivery_log"."to_phone" ~ '^\+[1-9][0-9]{6,14}$'),
	CONSTRAINT "sms_delivery_segments_positive" CHECK ("sms_delivery_log"."segments" > 0),
	CONSTRAINT "sms_delivery_cost_nonnegative" CHECK ("sms_delivery_log"."cost" IS NULL OR "sms_delivery_log"."cost" >= 0),
	CONSTRAINT "sms_delivery_cost_has_currency" CHECK (("sms_delivery_log"."cost" IS NULL) = ("sms_delivery_log"."currency" IS NULL)),
	CONSTRAINT "sms_delivery_currency_format" CHECK ("sms_delivery_log"."currency" IS NULL OR currency ~ '^[A-Za-z]{3,6}$'),
	CONSTRAINT "sms_delivery_delivered_has_time" CHECK ("sms_delivery_log"."status" <> 'delivered' OR "sms_delivery_log"."delivered_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "kyc_compliance_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kyc_record_id" uuid NOT NULL,
	"check_type" "compliance_check_type" NOT NULL,
	"provider" varchar(32) NOT NULL,
	"result" "compliance_check_result" NOT NULL,
	"risk_score" numeric(5, 2),
	"match_details" jsonb,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_note" text,
	CONSTRAINT "kyc_checks_risk_score_range" CHECK ("kyc_compliance_checks"."risk_score" IS NULL OR "kyc_compliance_checks"."risk_score" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "kyc_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kyc_record_id" uuid NOT NULL,
	"document_type" "kyc_document_type" NOT NULL,
	"storage_key_encrypted" text NOT NULL,
	"file_sha256" varchar(64) NOT NULL,
	"mime_type" varchar(64) NOT NULL,
	"file_size" integer NOT NULL,
	"quality_score" numeric(5, 2),
	"status" "kyc_document_status" DEFAULT 'pending' NOT NULL,
	"rejection_reason" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified_at" timestamp with time zone,
	CONSTRAINT "kyc_documents_file_size_positive" CHECK ("kyc_documents"."file_size" > 0),
	CONSTRAINT "kyc_documents_sha256_hex" CHECK ("kyc_documents"."file_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "kyc_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"level" "kyc_level" DEFAULT 'basic' NOT NULL,
	"status" "kyc_status" DEFAULT 'pending' NOT NULL,
	"provider" varchar(32),
	"provider_reference" text,
	"risk_score" numeric(5, 2),
	"risk_level" "risk_level",
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"rejection_reason" text,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kyc_records_risk_score_range" CHECK ("kyc_records"."risk_score" IS NULL OR "kyc_records"."risk_score" BETWEEN 0 AND 100),
	CONSTRAINT "kyc_records_rejection_has_reason" CHECK ("kyc_records"."status" <> 'rejected' OR "kyc_records"."rejection_reason" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "currency_swaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"from_currency" varchar(10) NOT NULL,
	"to_currency" varchar(10) NOT NULL,
	"from_amount" numeric(20, 8) NOT NULL,
	"to_amount" numeric(20, 8) NOT NULL,
	"exchange_rate" numeric(24, 12) NOT NULL,
	"slippage" numeric(7, 6),
	"platform_fee" numeric(20, 8) DEFAULT '0' NOT NULL,
	"provider" varchar(32) NOT NULL,
	"status" "transaction_status" DEFAULT 'pending' NOT NULL,
	"tx_hash" varchar(80),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "currency_swaps_distinct_pair" CHECK ("currency_swaps"."from_currency" <> "currency_swaps"."to_currency"),
	CONSTRAINT "currency_swaps_from_currency_format" CHECK (from_currency ~ '^[A-Za-z]{3,6}$'),
	CONSTRAINT "currency_swaps_to_currency_format" CHECK (to_currency ~ '^[A-Za-z]{3,6}$'),
	CONSTRAINT "currency_swaps_amounts_positive" CHECK ("currency_swaps"."from_amount" > 0 AND "currency_swaps"."to_amount" > 0 AND "currency_swaps"."exchange_rate" > 0 AND "currency_swaps"."platform_fee" >= 0)
);
--> statement-breakpoint
CREATE TABLE "dao_treasuries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dao_id" uuid NOT NULL,
	"currency" varchar(10) NOT NULL,
	"total_balance" numeric(20, 8) DEFAULT '0' NOT NULL,
	"available_balance" numeric(20, 8) DEFAULT '0' NOT NULL,
	"locked_balance" numeric(20, 8) DEFAULT '0' NOT NULL,
	"required_signatures" integer DEFAULT 1 NOT NULL,
	"signers" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"daily_spending_limit" numeric(20, 8),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dao_treasuries_dao_key" UNIQUE("dao_id"),
	CONSTRAINT "dao_treasuries_currency_format" CHECK (currency ~ '^[A-Za-z]{3,6}$'),
	CONSTRAINT "dao_treasuries_required_signatures_positive" CHECK ("dao_treasuries"."required_signatures" >= 1),
	CONSTRAINT "dao_treasuries_balances" CHECK ("dao_treasuries"."available_balance" >= 0 AND "dao_treasuries"."locked_balance" >= 0 AND "dao_treasuries"."total_balance" = "dao_treasuries"."available_balance" + "dao_treasuries"."locked_balance")
);
--> statement-breakpoint
CREATE TABLE "daos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" varchar(64) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daos_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "financial_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dao_id" uuid,
	"report_type" "report_type" NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"report_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary" text,
	"status" "report_status" DEFAULT 'draft' NOT NULL,
	"generated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "financial_reports_period_order" CHECK ("financial_reports"."period_end" > "financial_reports"."period_start")
);
--> statement-breakpoint
CREATE TABLE "gas_price_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gas_price_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"network" varchar(32) NOT NULL,
	"gas_price" numeric(30, 9) NOT NULL,
	"base_fee" numeric(30, 9),
	"priority_fee" numeric(30, 9),
	"network_congestion" "network_congestion" NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gas_price_history_nonnegative" CHECK ("gas_price_history"."gas_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "mpesa_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"dao_id" uuid,
	"transaction_type" "mpesa_transaction_type" NOT NULL,
	"phone_number" varchar(16) NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"currency" varchar(10) DEFAULT 'KES' NOT NULL,
	"merchant_request_id" text,
	"checkout_request_id" text,
	"mpesa_receipt_number" varchar(20),
	"result_code" integer,
	"result_desc" text,
	"status" "mpesa_status" DEFAULT 'pending' NOT NULL,
	"callback_data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "mpesa_transactions_checkout_request_id_unique" UNIQUE("checkout_request_id"),
	CONSTRAINT "mpesa_transactions_mpesa_receipt_number_unique" UNIQUE("mpesa_receipt_number"),
	CONSTRAINT "mpesa_transactions_amount_positive" CHECK ("mpesa_transactions"."amount" > 0),
	CONSTRAINT "mpesa_transactions_phone_e164" CHECK ("mpesa_transactions"."phone_number" ~ '^\+[1-9][0-9]{6,14}$'),
	CONSTRAINT "mpesa_transactions_completed_has_receipt" CHECK ("mpesa_transactions"."status" <> 'completed' OR "mpesa_transactions"."mpesa_receipt_number" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "recurring_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"dao_id" uuid,
	"amount" numeric(20, 8) NOT NULL,
	"currency" varchar(10) NOT NULL,
	"frequency" "payment_frequency" NOT NULL,
	"next_payment_at" timestamp with time zone NOT NULL,
	"last_payment_at" timestamp with time zone,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"status" "recurring_status" DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recurring_payments_amount_positive" CHECK ("recurring_payments"."amount" > 0),
	CONSTRAINT "recurring_payments_currency_format" CHECK (currency ~ '^[A-Za-z]{3,6}$'),
	CONSTRAINT "recurring_payments_failed_nonnegative" CHECK ("recurring_payments"."failed_attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "referral_payouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referrer_id" uuid NOT NULL,
	"referred_user_id" uuid,
	"amount" numeric(20, 8) NOT NULL,
	"currency" varchar(10) NOT NULL,
	"payout_method" "payout_method" NOT NULL,
	"status" "payout_status" DEFAULT 'pending' NOT NULL,
	"reference" text,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "referral_payouts_amount_positive" CHECK ("referral_payouts"."amount" > 0),
	CONSTRAINT "referral_payouts_currency_format" CHECK (currency ~ '^[A-Za-z]{3,6}$'),
	CONSTRAINT "referral_payouts_no_self_referral" CHECK ("referral_payouts"."referred_user_id" IS NULL OR "referral_payouts"."referred_user_id" <> "referral_payouts"."referrer_id")
);
--> statement-breakpoint
CREATE TABLE "transaction_fees" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transaction_fees_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transaction_id" text NOT NULL,
	"transaction_type" varchar(32) NOT NULL,
	"fee_type" varchar(32) NOT NULL,
	"fee_category" "fee_category" NOT NULL,
	"base_amount" numeric(20, 8) NOT NULL,
	"fee_amount" numeric(20, 8) NOT NULL,
	"fee_percentage" numeric(7, 6),
	"currency" varchar(10) NOT NULL,
	"paid_by" uuid,
	"dao_id" uuid,
	"platform_revenue" numeric(20, 8) NOT NULL,
	"dao_revenue" numeric(20, 8) DEFAULT '0' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transaction_fees_currency_format" CHECK (currency ~ '^[A-Za-z]{3,6}$'),
	CONSTRAINT "transaction_fees_amounts_nonnegative" CHECK ("transaction_fees"."base_amount" >= 0 AND "transaction_fees"."fee_amount" >= 0),
	CONSTRAINT "transaction_fees_split" CHECK ("transaction_fees"."platform_revenue" >= 0 AND "transaction_fees"."dao_revenue" >= 0 AND "transaction_fees"."platform_revenue" + "transaction_fees"."dao_revenue" = "transaction_fees"."fee_amount"),
	CONSTRAINT "transaction_fees_percentage_range" CHECK ("transaction_fees"."fee_percentage" IS NULL OR "transaction_fees"."fee_percentage" BETWEEN 0 AND 1)
);
--> statement-breakpoint
CREATE TABLE "user_balances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"dao_id" uuid,
	"currency" varchar(10) NOT NULL,
	"available_balance" numeric(20, 8) DEFAULT '0' NOT NULL,
	"pending_balance" numeric(20, 8) DEFAULT '0' NOT NULL,
	"locked_balance" numeric(20, 8) DEFAULT '0' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_balances_user_dao_currency_key" UNIQUE NULLS NOT DISTINCT("user_id","dao_id","currency"),
	CONSTRAINT "user_balances_currency_format" CHECK (currency ~ '^[A-Za-z]{3,6}$'),
	CONSTRAINT "user_balances_nonnegative" CHECK ("user_balances"."available_balance" >= 0 AND "user_balances"."pending_balance" >= 0 AND "user_balances"."locked_balance" >= 0)
);
--> statement-breakpoint
ALTER TABLE "account_recovery" ADD CONSTRAINT "account_recovery_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_recovery" ADD CONSTRAINT "account_recovery_initiated_by_users_id_fk" FOREIGN KEY ("initiated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_history" ADD CONSTRAINT "password_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_parent_id_refresh_tokens_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."refresh_tokens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_audits" ADD CONSTRAINT "session_audits_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_audits" ADD CONSTRAINT "session_audits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_device_id_user_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."user_devices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_devices" ADD CONSTRAINT "user_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mfa_verification_attempts" ADD CONSTRAINT "mfa_verification_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mfa_verification_attempts" ADD CONSTRAINT "mfa_verification_attempts_two_factor_id_two_factor_auth_id_fk" FOREIGN KEY ("two_factor_id") REFERENCES "public"."two_factor_auth"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "two_factor_auth" ADD CONSTRAINT "two_factor_auth_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_connections" ADD CONSTRAINT "oauth_connections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_attempts" ADD CONSTRAINT "login_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_events" ADD CONSTRAINT "security_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_events" ADD CONSTRAINT "security_events_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_events" ADD CONSTRAINT "security_events_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_events" ADD CONSTRAINT "security_events_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_delivery_log" ADD CONSTRAINT "email_delivery_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_delivery_log" ADD CONSTRAINT "sms_delivery_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyc_compliance_checks" ADD CONSTRAINT "kyc_compliance_checks_kyc_record_id_kyc_records_id_fk" FOREIGN KEY ("kyc_record_id") REFERENCES "public"."kyc_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyc_compliance_checks" ADD CONSTRAINT "kyc_compliance_checks_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyc_documents" ADD CONSTRAINT "kyc_documents_kyc_record_id_kyc_records_id_fk" FOREIGN KEY ("kyc_record_id") REFERENCES "public"."kyc_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyc_records" ADD CONSTRAINT "kyc_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kyc_records" ADD CONSTRAINT "kyc_records_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "currency_swaps" ADD CONSTRAINT "currency_swaps_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dao_treasuries" ADD CONSTRAINT "dao_treasuries_dao_id_daos_id_fk" FOREIGN KEY ("dao_id") REFERENCES "public"."daos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daos" ADD CONSTRAINT "daos_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_reports" ADD CONSTRAINT "financial_reports_dao_id_daos_id_fk" FOREIGN KEY ("dao_id") REFERENCES "public"."daos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_reports" ADD CONSTRAINT "financial_reports_generated_by_users_id_fk" FOREIGN KEY ("generated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mpesa_transactions" ADD CONSTRAINT "mpesa_transactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mpesa_transactions" ADD CONSTRAINT "mpesa_transactions_dao_id_daos_id_fk" FOREIGN KEY ("dao_id") REFERENCES "public"."daos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_payments" ADD CONSTRAINT "recurring_payments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_payments" ADD CONSTRAINT "recurring_payments_dao_id_daos_id_fk" FOREIGN KEY ("dao_id") REFERENCES "public"."daos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_payouts" ADD CONSTRAINT "referral_payouts_referrer_id_users_id_fk" FOREIGN KEY ("referrer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_payouts" ADD CONSTRAINT "referral_payouts_referred_user_id_users_id_fk" FOREIGN KEY ("referred_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_fees" ADD CONSTRAINT "transaction_fees_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_fees" ADD CONSTRAINT "transaction_fees_dao_id_daos_id_fk" FOREIGN KEY ("dao_id") REFERENCES "public"."daos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_balances" ADD CONSTRAINT "user_balances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_balances" ADD CONSTRAINT "user_balances_dao_id_daos_id_fk" FOREIGN KEY ("dao_id") REFERENCES "public"."daos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_recovery_user_created_idx" ON "account_recovery" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "password_history_user_created_idx" ON "password_history" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email")) WHERE "users"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "users_phone_key" ON "users" USING btree ("phone") WHERE "users"."phone" IS NOT NULL AND "users"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "users_locked_until_idx" ON "users" USING btree ("locked_until") WHERE "users"."locked_until" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role") WHERE "users"."role" <> 'user';--> statement-breakpoint
CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens" USING btree ("family_id","created_at");--> statement-breakpoint
CREATE INDEX "refresh_tokens_user_active_idx" ON "refresh_tokens" USING btree ("user_id") WHERE "refresh_tokens"."revoked_at" IS NULL;--> statement-breakpoint
CREATE INDEX "refresh_tokens_session_idx" ON "refresh_tokens" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "session_audits_session_created_idx" ON "session_audits" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "session_audits_user_created_idx" ON "session_audits" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sessions_user_active_idx" ON "sessions" USING btree ("user_id","last_seen_at" DESC NULLS LAST) WHERE "sessions"."revoked_at" IS NULL;--> statement-breakpoint
CREATE INDEX "sessions_active_expires_idx" ON "sessions" USING btree ("expires_at") WHERE "sessions"."revoked_at" IS NULL;--> statement-breakpoint
CREATE INDEX "sessions_device_idx" ON "sessions" USING btree ("device_id") WHERE "sessions"."device_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "sessions_ip_created_idx" ON "sessions" USING btree ("ip_address","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "user_devices_user_fingerprint_key" ON "user_devices" USING btree ("user_id","fingerprint");--> statement-breakpoint
CREATE INDEX "user_devices_user_last_seen_idx" ON "user_devices" USING btree ("user_id","last_seen_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mfa_attempts_user_created_idx" ON "mfa_verification_attempts" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "two_factor_auth_user_method_key" ON "two_factor_auth" USING btree ("user_id","method");--> statement-breakpoint
CREATE INDEX "api_keys_user_idx" ON "api_keys" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "api_keys_prefix_idx" ON "api_keys" USING btree ("key_prefix");--> statement-breakpoint
CREATE UNIQUE INDEX "oauth_connections_provider_user_key" ON "oauth_connections" USING btree ("provider","provider_user_id");--> statement-breakpoint
CREATE INDEX "oauth_connections_user_idx" ON "oauth_connections" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "login_attempts_created_idx" ON "login_attempts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_created_idx" ON "login_attempts" USING btree ("ip_address","created_at");--> statement-breakpoint
CREATE INDEX "login_attempts_user_created_idx" ON "login_attempts" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "login_attempts_identifier_created_idx" ON "login_attempts" USING btree ("identifier","created_at");--> statement-breakpoint
CREATE INDEX "security_events_created_idx" ON "security_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "security_events_severity_status_created_idx" ON "security_events" USING btree ("severity","status","created_at");--> statement-breakpoint
CREATE INDEX "security_events_unresolved_idx" ON "security_events" USING btree ("status","created_at") WHERE "security_events"."status" <> 'resolved';--> statement-breakpoint
CREATE INDEX "security_events_user_created_idx" ON "security_events" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "security_events_ip_created_idx" ON "security_events" USING btree ("ip_address","created_at");--> statement-breakpoint
CREATE INDEX "security_events_type_created_idx" ON "security_events" USING btree ("event_type","created_at");--> statement-breakpoint
CREATE INDEX "audit_logs_created_idx" ON "audit_logs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_logs_actor_created_idx" ON "audit_logs" USING btree ("actor_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_logs_action_created_idx" ON "audit_logs" USING btree ("action","created_at");--> statement-breakpoint
CREATE INDEX "audit_logs_target_idx" ON "audit_logs" USING btree ("target_type","target_id","created_at");--> statement-breakpoint
CREATE INDEX "email_delivery_created_idx" ON "email_delivery_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "email_delivery_provider_created_idx" ON "email_delivery_log" USING btree ("provider","created_at");--> statement-breakpoint
CREATE INDEX "email_delivery_template_created_idx" ON "email_delivery_log" USING btree ("template","created_at");--> statement-breakpoint
CREATE INDEX "email_delivery_user_created_idx" ON "email_delivery_log" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sms_delivery_created_idx" ON "sms_delivery_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "sms_delivery_provider_created_idx" ON "sms_delivery_log" USING btree ("provider","created_at");--> statement-breakpoint
CREATE INDEX "sms_delivery_country_created_idx" ON "sms_delivery_log" USING btree ("country_code","created_at");--> statement-breakpoint
CREATE INDEX "sms_delivery_phone_created_idx" ON "sms_delivery_log" USING btree ("to_phone","created_at");--> statement-breakpoint
CREATE INDEX "sms_delivery_user_created_idx" ON "sms_delivery_log" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "kyc_checks_record_type_idx" ON "kyc_compliance_checks" USING btree ("kyc_record_id","check_type","checked_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "kyc_checks_expiry_idx" ON "kyc_compliance_checks" USING btree ("expires_at") WHERE "kyc_compliance_checks"."expires_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "kyc_documents_record_idx" ON "kyc_documents" USING btree ("kyc_record_id");--> statement-breakpoint
CREATE INDEX "kyc_records_user_created_idx" ON "kyc_records" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "kyc_records_status_idx" ON "kyc_records" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "currency_swaps_status_created_idx" ON "currency_swaps" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "currency_swaps_pair_created_idx" ON "currency_swaps" USING btree ("from_currency","to_currency","created_at");--> statement-breakpoint
CREATE INDEX "currency_swaps_user_idx" ON "currency_swaps" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "financial_reports_dao_period_idx" ON "financial_reports" USING btree ("dao_id","period_start");--> statement-breakpoint
CREATE INDEX "gas_price_history_network_recorded_idx" ON "gas_price_history" USING btree ("network","recorded_at");--> statement-breakpoint
CREATE INDEX "mpesa_transactions_status_created_idx" ON "mpesa_transactions" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "mpesa_transactions_created_idx" ON "mpesa_transactions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "mpesa_transactions_user_idx" ON "mpesa_transactions" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "recurring_payments_due_idx" ON "recurring_payments" USING btree ("next_payment_at") WHERE "recurring_payments"."status" = 'active';--> statement-breakpoint
CREATE INDEX "referral_payouts_referrer_idx" ON "referral_payouts" USING btree ("referrer_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "referral_payouts_status_created_idx" ON "referral_payouts" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "transaction_fees_category_created_idx" ON "transaction_fees" USING btree ("fee_category","created_at");--> statement-breakpoint
CREATE INDEX "transaction_fees_created_idx" ON "transaction_fees" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "transaction_fees_dao_created_idx" ON "transaction_fees" USING btree ("dao_id","created_at");--> statement-breakpoint
CREATE INDEX "user_balances_currency_idx" ON "user_balances" USING btree ("currency");