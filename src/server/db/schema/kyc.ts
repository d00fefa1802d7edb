import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, numeric, pgTable, text, uuid, varchar } from "drizzle-orm/pg-core";
import { users } from "./identity";
import { createdAt, timestamptz, updatedAt } from "./util/columns";
import {
  complianceCheckResult,
  complianceCheckType,
  kycDocumentStatus,
  kycDocumentType,
  kycLevel,
  kycStatus,
  riskLevel,
} from "./util/enums";

const riskScore = (name = "risk_score") => numeric(name, { precision: 5, scale: 2 });

export const kycRecords = pgTable(
  "kyc_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    level: kycLevel("level").notNull().default("basic"),
    status: kycStatus("status").notNull().default("pending"),
    provider: varchar("provider", { length: 32 }),
    providerReference: text("provider_reference"),
    riskScore: riskScore(),
    riskLevel: riskLevel("risk_level"),
    submittedAt: timestamptz("submitted_at"),
    reviewedAt: timestamptz("reviewed_at"),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    rejectionReason: text("rejection_reason"),
    expiresAt: timestamptz("expires_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("kyc_records_user_created_idx").on(t.userId, t.createdAt.desc()),
    index("kyc_records_status_idx").on(t.status, t.createdAt),
    check("kyc_records_risk_score_range", sql`${t.riskScore} IS NULL OR ${t.riskScore} BETWEEN 0 AND 100`),
    check("kyc_records_rejection_has_reason", sql`${t.status} <> 'rejected' OR ${t.rejectionReason} IS NOT NULL`),
  ],
);

export const kycDocuments = pgTable(
  "kyc_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kycRecordId: uuid("kyc_record_id")
      .notNull()
      .references(() => kycRecords.id, { onDelete: "cascade" }),
    documentType: kycDocumentType("document_type").notNull(),
    /** Where the file lives, encrypted like every other secret Warden keeps. */
    storageKeyEncrypted: text("storage_key_encrypted").notNull(),
    fileSha256: varchar("file_sha256", { length: 64 }).notNull(),
    mimeType: varchar("mime_type", { length: 64 }).notNull(),
    fileSize: integer("file_size").notNull(),
    qualityScore: riskScore("quality_score"),
    status: kycDocumentStatus("status").notNull().default("pending"),
    rejectionReason: text("rejection_reason"),
    uploadedAt: timestamptz("uploaded_at").notNull().defaultNow(),
    verifiedAt: timestamptz("verified_at"),
  },
  (t) => [
    index("kyc_documents_record_idx").on(t.kycRecordId),
    check("kyc_documents_file_size_positive", sql`${t.fileSize} > 0`),
    check("kyc_documents_sha256_hex", sql`${t.fileSha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

export const kycComplianceChecks = pgTable(
  "kyc_compliance_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kycRecordId: uuid("kyc_record_id")
      .notNull()
      .references(() => kycRecords.id, { onDelete: "cascade" }),
    checkType: complianceCheckType("check_type").notNull(),
    provider: varchar("provider", { length: 32 }).notNull(),
    result: complianceCheckResult("result").notNull(),
    riskScore: riskScore(),
    matchDetails: jsonb("match_details").$type<Record<string, unknown>>(),
    checkedAt: timestamptz("checked_at").notNull().defaultNow(),
    expiresAt: timestamptz("expires_at"),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    reviewNote: text("review_note"),
  },
  (t) => [
    index("kyc_checks_record_type_idx").on(t.kycRecordId, t.checkType, t.checkedAt.desc()),
    index("kyc_checks_expiry_idx").on(t.expiresAt).where(sql`${t.expiresAt} IS NOT NULL`),
    check("kyc_checks_risk_score_range", sql`${t.riskScore} IS NULL OR ${t.riskScore} BETWEEN 0 AND 100`),
  ],
);
