import { text, type Entries } from "./form-entries";
import type { CostBenefit } from "./cost-benefit";

// The event form's "cost and benefit" step: a few rows per side, each one choice that names
// either a sector ("sector:municipality") or a buyer organisation ("organisation:<id>"), and
// a share for each payer. Works without JavaScript; empty rows are not declared.

/** Rows the form offers per side (the rule allows MAX_PARTIES; the API takes them all). */
export const FORM_ROWS = 3;
export const SIDES = ["costOwners", "benefitOwners"] as const;
export type Side = (typeof SIDES)[number];

export const partyField = (side: Side, i: number) => `costBenefit.${side}.${i}.party`;
export const shareField = (i: number) => `costBenefit.costOwners.${i}.sharePercent`;

/** A row's choice as the API's party: an unknown choice is passed on as an organisation id for the schema to refuse. */
function party(choice: string): {
  organisationId?: string | null;
  sector?: string | null;
} {
  if (choice.startsWith("sector:")) return { organisationId: null, sector: choice.slice("sector:".length) };
  if (choice.startsWith("organisation:"))
    return {
      organisationId: choice.slice("organisation:".length),
      sector: null,
    };
  return { organisationId: choice, sector: null };
}

/** The step's rows as the API's `costBenefit`, or null when nothing is chosen on either side. */
export function costBenefitFromForm(form: Entries) {
  const rows = (side: Side) =>
    Array.from({ length: FORM_ROWS }, (_, i) => ({
      choice: text(form, partyField(side, i)),
      share: side === "costOwners" ? text(form, shareField(i)) : "",
    }))
      .filter((r) => r.choice !== "" || r.share !== "")
      .map((r) => ({
        ...(r.choice === "" ? { organisationId: null, sector: null } : party(r.choice)),
        ...(side === "costOwners"
          ? {
              sharePercent: r.share === "" ? null : /^\d+$/.test(r.share) ? Number(r.share) : r.share,
            }
          : {}),
      }));
  const costOwners = rows("costOwners");
  const benefitOwners = rows("benefitOwners");
  return costOwners.length === 0 && benefitOwners.length === 0 ? null : { costOwners, benefitOwners };
}

/** The stored declaration as the form's values. */
export function costBenefitToFormValues(cb: CostBenefit | null): Record<string, string> {
  const values: Record<string, string> = {};
  if (!cb) return values;
  for (const side of SIDES) {
    cb[side].forEach((p, i) => {
      values[partyField(side, i)] = p.organisationId ? `organisation:${p.organisationId}` : `sector:${p.sector ?? ""}`;
    });
  }
  cb.costOwners.forEach((p, i) => {
    if (p.sharePercent !== null) values[shareField(i)] = String(p.sharePercent);
  });
  return values;
}

/** A problem's path as the step names its field: a party's organisation or sector is its row's one choice. */
export function costBenefitFieldName(path: string): string | null {
  const parts = path.split(".");
  if (parts[0] !== "costBenefit") return null;
  const side = parts[1] as Side | undefined;
  if (!side || !(SIDES as readonly string[]).includes(side) || parts[2] === undefined) return parts.slice(0, 2).join(".");
  const i = Number(parts[2]);
  if (parts[3] === "sharePercent") return shareField(i);
  return partyField(side, i);
}
