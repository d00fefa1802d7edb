import ipaddr from "ipaddr.js";
import { z } from "zod";

/** An IPv4 or IPv6 address, normalised (::ffff:1.2.3.4 becomes 1.2.3.4). */
export const ZIp = z
  .string()
  .trim()
  .max(64)
  .refine((value) => ipaddr.isValid(value), "Not an IP address")
  .transform((value) => ipaddr.process(value).toString());

/** Why a destructive action is being taken: it goes into the audit trail verbatim. */
export const ZReason = z
  .string()
  .trim()
  .min(3, "Give a reason (at least 3 characters): it is kept in the audit trail.")
  .max(500, "Keep the reason under 500 characters.");

export const ZUserId = z.string().uuid("Not a valid user id");
