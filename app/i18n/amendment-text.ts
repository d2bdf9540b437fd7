import { formatDate, formatDateTime, formatNok, formatNumber, formatQuarter } from "./format";
import type { Language } from "./resources";

// An amendment's field and values as people read them: the event page's change log and the
// amendment e-mail show the same words (forutsigbarhet: vendors see exactly what moved).

/** A translate function whose default namespace is `eventPage` (the hook's or fixedT's). */
type Translate = (key: string, options?: Record<string, unknown>) => string;

const DATE_TIME_FIELDS = new Set(["registrationDeadline", "startsAt", "endsAt", "responseDeadline"]);
const DATE_FIELDS = new Set(["expectation.expectedContractStart"]);
const QUARTER_FIELDS = new Set(["expectation.expectedTenderQuarter", "pilotPath.quarter", "pilotPath.optionWindowFrom", "pilotPath.optionWindowTo"]);
const CHOICE_FIELDS: Record<string, string> = {
  kind: "common:kinds",
  region: "common:regions",
  "effort.level": "common:effort",
  "effort.kindsOfWork": "eventPage:effort.work",
  "expectation.status": "eventPage:expectation.statuses",
  "contract.form": "eventPage:contract.forms",
  "sourcing.risk": "eventPage:sourcing.risks",
  "sourcing.need": "eventPage:sourcing.needs",
  "sourcing.advice": "eventPage:sourcing.advices",
  "dataProtection.dataResidency": "eventPage:dataProtection.residencies",
  "pilotPath.plan": "eventPage:pilotPath.plans",
  "intellectualProperty.foregroundOwner": "eventPage:ip.owners",
  "intellectualProperty.inputUse": "eventPage:ip.uses",
  "scope.items": "eventPage:scope.itemNames",
  "scope.interfaceDocs": "eventPage:scope.interfaceDocsOptions",
  "scope.identityAccess": "eventPage:scope.identityOptions",
  "dataProtection.dataCategories": "eventPage:dataProtection.categories",
  "dataProtection.hostingConstraint": "eventPage:dataProtection.hosting",
  "dataProtection.dpiaStatus": "eventPage:dataProtection.dpia",
};

export function amendmentFieldLabel(t: Translate, field: string): string {
  return String(t(`changeLog.fields.${field}`, { defaultValue: field }));
}

/** One value of a changed field, "–" for none. */
export function amendmentValueText(t: Translate, language: Language, field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return String(t(value ? "yes" : "no"));
  if (typeof value === "string" && DATE_TIME_FIELDS.has(field)) return formatDateTime(value, language);
  if (typeof value === "string" && DATE_FIELDS.has(field)) return formatDate(value, language);
  if (typeof value === "string" && QUARTER_FIELDS.has(field)) return formatQuarter(value, language);
  if (typeof value === "number" && field.endsWith("Nok")) return formatNok(value, language);
  if (typeof value === "number") return formatNumber(value, language);
  const choices = CHOICE_FIELDS[field];
  if (Array.isArray(value)) {
    if (field === "standards") {
      return value
        .map((s: { code?: string; level?: string }) => `${s.code ?? ""}${s.level ? ` (${String(t(`standards.levels.${s.level}`)).toLowerCase()})` : ""}`)
        .join(", ");
    }
    if (field === "coBuyers") return formatNumber(value.length, language);
    if (field === "costBenefit.costOwners" || field === "costBenefit.benefitOwners") {
      // The organisations are named on the event page; the change log names sectors and shares.
      return (
        value
          .map((p: { sector?: string | null; sharePercent?: number | null }) => {
            const who = p.sector ? String(t(`organisations:sectors.${p.sector}`)) : String(t("costBenefit.anOrganisation"));
            return typeof p.sharePercent === "number" ? `${who} (${p.sharePercent} %)` : who;
          })
          .join(", ") || "–"
      );
    }
    if (field === "pilotPath.funding") {
      return (
        value
          .map((f: { source?: string; amountNok?: number | null; otherText?: string | null }) => {
            const name = f.source === "other" && f.otherText ? f.otherText : String(t(`pilotPath.fundingSources.${f.source ?? ""}`));
            return typeof f.amountNok === "number" ? `${name} (${formatNok(f.amountNok, language)})` : name;
          })
          .join(", ") || "–"
      );
    }
    if (field === "scope.integrations") {
      return value.map((i: { system?: string; standard?: string | null }) => (i.standard ? `${i.system ?? ""} (${i.standard})` : (i.system ?? ""))).join(", ") || "–";
    }
    if (field.startsWith("questionnaire.")) {
      // A bank question by its words in the reader's language, an own question as the buyer wrote it.
      const required = String(t("questionnaire:requiredShort"));
      return value.map((q: { bankKey?: string; text?: string; required?: boolean }) => `${q.bankKey ? String(t(`questionnaire:bank.${q.bankKey}.question`)) : (q.text ?? "")}${q.required ? ` (${required})` : ""}`).join("; ") || "–";
    }
    if (field === "pilotPath.acceptanceCriteria") return value.map((c: { measure?: string; threshold?: string }) => `${c.measure ?? ""}: ${c.threshold ?? ""}`).join("; ") || "–";
    return value.map((v) => (choices ? String(t(`${choices}.${String(v)}`)) : String(v))).join(", ") || "–";
  }
  if (typeof value === "string") return choices ? String(t(`${choices}.${value}`)) : value;
  return JSON.stringify(value);
}
