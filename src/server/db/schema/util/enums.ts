import { pgEnum } from "drizzle-orm/pg-core";

// Enums are the database's own check on every status and severity column:
// a row with an unknown value is refused at insert time, whatever wrote it.

export const userRole = pgEnum("user_role", ["admin", "operator", "compliance", "user"]);
export const userStatus = pgEnum("user_status", ["active", "suspended", "deactivated"]);

export const sessionSource = pgEnum("session_source", ["app", "console"]);
export const sessionAuditAction = pgEnum("session_audit_action", [
  "created",
  "refreshed",
  "mfa_verified",
  "ip_changed",
  "revoked",
  "expired",
  "signed_out",
]);

export const attemptResult = pgEnum("attempt_result", [
  "success",
  "failed_password",
  "unknown_user",
  "locked",
  "disabled",
  "mfa_failed",
  "throttled",
  "invalid_input",
]);

export const severity = pgEnum("severity", ["low", "medium", "high", "critical"]);
export const eventStatus = pgEnum("event_status", ["open", "acknowledged", "resolved"]);

export const recoveryType = pgEnum("recovery_type", ["password_reset", "email_verification", "email_change"]);
export const recoveryStatus = pgEnum("recovery_status", ["pending", "used", "expired", "revoked"]);

export const mfaMethod = pgEnum("mfa_method", ["totp", "sms", "email"]);
export const mfaContext = pgEnum("mfa_context", ["sign_in", "enrol", "disable", "backup_regenerate"]);

export const alertType = pgEnum("alert_type", [
  "new_device",
  "lockout",
  "password_change",
  "mfa_change",
  "suspicious_activity",
]);
export const notificationChannel = pgEnum("notification_channel", ["email", "sms"]);

export const deliveryStatus = pgEnum("delivery_status", ["pending", "sent", "delivered", "failed", "bounced"]);

export const kycStatus = pgEnum("kyc_status", ["pending", "in_review", "approved", "rejected", "expired"]);
export const kycLevel = pgEnum("kyc_level", ["basic", "enhanced"]);
export const riskLevel = pgEnum("risk_level", ["low", "medium", "high"]);
export const kycDocumentType = pgEnum("kyc_document_type", [
  "passport",
  "national_id",
  "drivers_license",
  "proof_of_address",
  "selfie",
]);
export const kycDocumentStatus = pgEnum("kyc_document_status", ["pending", "accepted", "rejected"]);
export const complianceCheckType = pgEnum("compliance_check_type", ["pep", "sanctions", "adverse_media"]);
export const complianceCheckResult = pgEnum("compliance_check_result", ["clear", "possible_match", "match", "error"]);

export const feeCategory = pgEnum("fee_category", [
  "mpesa_deposit",
  "mpesa_withdrawal",
  "currency_swap",
  "dao_contribution",
  "vault_management",
  "p2p_transfer",
  "subscription",
]);
export const transactionStatus = pgEnum("transaction_status", ["pending", "completed", "failed", "reversed"]);
export const mpesaTransactionType = pgEnum("mpesa_transaction_type", ["stk_push", "c2b", "b2c"]);
export const mpesaStatus = pgEnum("mpesa_status", ["pending", "completed", "failed", "cancelled", "timeout"]);
export const networkCongestion = pgEnum("network_congestion", ["low", "medium", "high"]);
export const payoutMethod = pgEnum("payout_method", ["mpesa", "wallet", "bank"]);
export const payoutStatus = pgEnum("payout_status", ["pending", "processing", "completed", "failed"]);
export const paymentFrequency = pgEnum("payment_frequency", ["daily", "weekly", "monthly"]);
export const recurringStatus = pgEnum("recurring_status", ["active", "paused", "cancelled"]);
export const reportType = pgEnum("report_type", ["daily", "weekly", "monthly", "quarterly", "annual", "custom"]);
export const reportStatus = pgEnum("report_status", ["draft", "generating", "ready", "failed"]);
