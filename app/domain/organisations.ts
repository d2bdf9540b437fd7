export const BUYER_SECTORS = [
  "municipality",
  "county",
  "health_trust",
  "regional_health_authority",
  "state_agency",
  "state_enterprise",
  "other",
] as const;
export type BuyerSector = (typeof BUYER_SECTORS)[number];

export const VENDOR_SIZES = ["sole", "micro", "small", "medium", "large"] as const;
export type VendorSize = (typeof VENDOR_SIZES)[number];

export const VERIFICATION_STATUSES = ["unverified", "verified", "rejected"] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const MEMBER_ROLES = ["admin", "member"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const COMMERCIAL_ROLES = ["business_development_manager", "key_account_manager", "commercial_lead"] as const;
export type CommercialRole = (typeof COMMERCIAL_ROLES)[number];

/** Nordic and EU/EEA countries whose vendors register by their own registry id. */
export const VENDOR_COUNTRIES = [
  "NO", "SE", "DK", "FI", "IS", "DE", "NL", "BE", "FR", "IE", "EE", "LV", "LT", "PL", "AT", "ES", "IT", "PT", "CZ", "LU",
] as const;
