import { z } from "zod";
import { confirmation } from "./input-fields";
import { checkOrgNumber } from "./org-number";
import { BUYER_SECTORS, COMMERCIAL_ROLES, MEMBER_ROLES, VENDOR_COUNTRIES, VENDOR_SIZES } from "./organisations";
import { REGIONS } from "./regions";
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "./slug";

// One schema per form, shared by the browser (Conform's client validation) and
// the action. Messages are keys under `organisations:formErrors`, translated
// where they are shown.

export const FOREIGN_VENDOR_COUNTRIES = VENDOR_COUNTRIES.filter((c) => c !== "NO") as Exclude<(typeof VENDOR_COUNTRIES)[number], "NO">[];
export const ORGANISATION_KINDS = ["buyer", "vendor"] as const;
export const REGISTRATIONS = ["norwegian", "foreign"] as const;
export const CPV_PATTERN = /^\d{8}-\d$/;
export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const WEBSITE_MAX = 300;
export const REGISTRY_ID_MAX = 40;
export const REASON_MAX = 1000;
export const MAX_CPV_AREAS = 50;

const requiredText = (max: number, min = 1) =>
  z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .refine((v) => v.length === 0 || v.length >= min, "tooShort")
    .max(max, "tooLong");

const optionalText = (max: number) => z.string().trim().max(max, "tooLong").optional();

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => (issue.input === undefined ? "required" : "invalidChoice") });

const website = z
  .string()
  .trim()
  .max(WEBSITE_MAX, "tooLong")
  .regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i, "websiteFormat")
  .optional();

/** CPV codes typed as a free list: "48180000-3, 72000000-5" or one per line. */
const cpvAreas = z
  .string()
  .optional()
  .transform((text) => [...new Set((text ?? "").split(/[\s,;]+/).filter(Boolean))])
  .pipe(z.array(z.string().regex(CPV_PATTERN, "cpvFormat")).max(MAX_CPV_AREAS, "cpvTooMany"));

const standardIds = z.array(z.uuid({ error: "invalidChoice" })).optional();

const profileFields = {
  name: requiredText(NAME_MAX, 2),
  website,
  description: optionalText(DESCRIPTION_MAX),
  buyerSector: choice(BUYER_SECTORS).optional(),
  region: choice(REGIONS).optional(),
  vendorSize: choice(VENDOR_SIZES).optional(),
  cpvAreas,
};

interface ProfileDraft {
  buyerSector?: unknown;
  region?: unknown;
  vendorSize?: unknown;
}

/** What a buyer or a vendor must say about itself. */
function requireProfile(value: ProfileDraft, kinds: { isBuyer: boolean; isVendor: boolean }, ctx: z.RefinementCtx) {
  if (kinds.isBuyer && value.buyerSector === undefined) ctx.addIssue({ code: "custom", path: ["buyerSector"], message: "required" });
  if (kinds.isBuyer && value.region === undefined) ctx.addIssue({ code: "custom", path: ["region"], message: "required" });
  if (kinds.isVendor && value.vendorSize === undefined) ctx.addIssue({ code: "custom", path: ["vendorSize"], message: "required" });
}

// Cross-field rules run even when a single field already failed (`when`), so a
// person sees every problem in one round trip. Values may then be partial.
const always = { when: () => true };

export const CreateOrganisationSchema = z
  .object({
    ...profileFields,
    /** Standards supported today, ticked at registration; readiness in full is kept at /organisation/standards. */
    standards: standardIds,
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .max(SLUG_MAX_LENGTH, "tooLong")
      .regex(SLUG_PATTERN, "slugFormat")
      .optional(),
    kinds: z.array(choice(ORGANISATION_KINDS)).min(1, "kindsRequired"),
    registration: choice(REGISTRATIONS),
    orgNumber: z.string().optional(),
    country: choice(FOREIGN_VENDOR_COUNTRIES as unknown as readonly [string, ...string[]]).optional(),
    foreignRegistryId: z.string().trim().max(REGISTRY_ID_MAX, "tooLong").optional(),
  })
  .superRefine((value, ctx) => {
    const kinds = Array.isArray(value.kinds) ? value.kinds : [];
    const isBuyer = kinds.includes("buyer");
    requireProfile(value, { isBuyer, isVendor: kinds.includes("vendor") }, ctx);
    if (value.registration === "norwegian") {
      if (!value.orgNumber?.trim()) {
        ctx.addIssue({ code: "custom", path: ["orgNumber"], message: "required" });
      } else {
        const check = checkOrgNumber(value.orgNumber);
        if (!check.ok) {
          ctx.addIssue({ code: "custom", path: ["orgNumber"], message: check.problem === "format" ? "orgNumberFormat" : "orgNumberCheckDigit" });
        }
      }
    } else if (value.registration === "foreign") {
      // Buyers are Norwegian public bodies and are identified by their organisation number.
      if (isBuyer) ctx.addIssue({ code: "custom", path: ["registration"], message: "buyerMustBeNorwegian" });
      if (value.country === undefined) ctx.addIssue({ code: "custom", path: ["country"], message: "required" });
      if (!value.foreignRegistryId) ctx.addIssue({ code: "custom", path: ["foreignRegistryId"], message: "required" });
      else if (value.foreignRegistryId.length < 2) ctx.addIssue({ code: "custom", path: ["foreignRegistryId"], message: "tooShort" });
    }
  }, always)
  .transform((value) => {
    const norwegian = value.registration === "norwegian";
    const isBuyer = value.kinds.includes("buyer");
    const isVendor = value.kinds.includes("vendor");
    const orgNumber = norwegian ? checkOrgNumber(value.orgNumber ?? "") : null;
    return {
      name: value.name,
      slug: value.slug ?? null,
      isBuyer,
      isVendor,
      country: norwegian ? "NO" : (value.country as string),
      orgNumber: orgNumber?.ok ? orgNumber.value : null,
      foreignRegistryId: norwegian ? null : (value.foreignRegistryId ?? null),
      buyerSector: isBuyer ? (value.buyerSector ?? null) : null,
      region: isBuyer ? (value.region ?? null) : null,
      vendorSize: isVendor ? (value.vendorSize ?? null) : null,
      cpvAreas: isVendor ? value.cpvAreas : [],
      standardIds: isVendor ? (value.standards ?? []) : [],
      website: value.website ?? null,
      description: value.description ?? null,
    };
  });
export type CreateOrganisationInput = z.output<typeof CreateOrganisationSchema>;

/** The profile an admin edits later; identity (number, country) and roles stay as registered. */
export function organisationProfileSchema(kinds: { isBuyer: boolean; isVendor: boolean }) {
  return z
    .object(profileFields)
    .superRefine((value, ctx) => requireProfile(value, kinds, ctx), always)
    .transform((value) => ({
      name: value.name,
      website: value.website ?? null,
      description: value.description ?? null,
      buyerSector: kinds.isBuyer ? (value.buyerSector ?? null) : null,
      region: kinds.isBuyer ? (value.region ?? null) : null,
      vendorSize: kinds.isVendor ? (value.vendorSize ?? null) : null,
      cpvAreas: kinds.isVendor ? value.cpvAreas : [],
    }));
}
export type OrganisationProfileInput = z.output<ReturnType<typeof organisationProfileSchema>>;

const userId = z.uuid({ error: (issue) => (issue.input === undefined ? "required" : "invalidChoice") });

export const InviteMemberSchema = z.object({
  email: z
    .string({ error: "required" })
    .trim()
    .toLowerCase()
    .min(1, "required")
    .max(254, "tooLong")
    .pipe(z.email({ error: "emailFormat" })),
  role: choice(MEMBER_ROLES),
});

export const ChangeMemberSchema = z.object({
  userId,
  role: choice(MEMBER_ROLES),
  commercialRole: choice(COMMERCIAL_ROLES).optional(),
});

/** Removing a member and leaving are final: the box must be ticked. */
export const RemoveMemberSchema = z.object({ userId, confirm: confirmation });

export const RevokeInvitationSchema = z.object({ invitationId: userId });

export const CommercialContactSchema = z.object({ userId: userId.optional() });

export const SwitchOrganisationSchema = z.object({
  organisationId: userId,
  redirectTo: z.string().optional(),
});

export const VerifyOrganisationSchema = z.object({ organisationId: userId, confirm: confirmation });

/** A rejected buyer's request for a new review: what it has corrected since. */
export const RequestReviewSchema = z.object({
  intent: z.literal("request-review"),
  changes: requiredText(REASON_MAX),
});

export const RejectOrganisationSchema = z.object({
  organisationId: userId,
  reason: requiredText(REASON_MAX),
  confirm: confirmation,
});
