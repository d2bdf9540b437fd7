// The code of conduct for market dialogue (samspillsnormer): what a clause is
// about, and the words of the interaction log that refer to it.

/** The five principles for use of the market (case 22/219). */
export const PRINCIPLES = ["predictability", "contract_choice", "industry_development", "interaction_norms", "sourcing"] as const;
/** Topics of market dialogue the code also covers. */
export const CONDUCT_TOPICS = [
  "equal_treatment",
  "impartiality",
  "confidentiality",
  "no_unpaid_advisory_work",
  "gifts_hospitality",
  "quiet_period",
] as const;
export const CLAUSE_GROUNDS = [...PRINCIPLES, ...CONDUCT_TOPICS] as const;
export type ClauseGround = (typeof CLAUSE_GROUNDS)[number];

export interface Clause {
  number: number;
  principle: ClauseGround;
  titleNb: string;
  titleEn: string;
  textNb: string;
  textEn: string;
}

export const INTERACTION_CHANNELS = [
  "meeting",
  "call",
  "email",
  "conference",
  "site_visit",
  "demo",
  "informal_conversation",
  "hospitality_gift",
] as const;
export type InteractionChannel = (typeof INTERACTION_CHANNELS)[number];

export const ASSESSMENTS = ["in_line", "concern"] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const CONCERN_CATEGORIES = [
  "unpaid_advisory_work",
  "effort_without_expectation",
  "unequal_treatment",
  "disrespect",
  "impartiality_risk",
  "confidentiality",
  "quiet_period_contact",
  "gifts",
] as const;
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];

export const RESPONSES = ["confirm", "dispute"] as const;
export type InteractionResponse = (typeof RESPONSES)[number];

export interface AssessmentInput {
  assessment: Assessment;
  concernCategory?: string | null;
  concernDescription?: string | null;
}

/**
 * Samspillsnormer: a concern is only useful to the other side when it says what
 * kind of concern it is and what happened. Returns field-keyed problem codes.
 */
export function checkAssessment(input: AssessmentInput): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (input.assessment === "concern") {
    if (!input.concernCategory) errors.concernCategory = ["conduct_concern_needs_category"];
    else if (!(CONCERN_CATEGORIES as readonly string[]).includes(input.concernCategory)) errors.concernCategory = ["invalid_choice"];
    if (!input.concernDescription?.trim()) errors.concernDescription = ["conduct_concern_needs_description"];
  }
  return errors;
}

/** A dispute must say what the other side remembers differently; a confirmation may be bare. */
export function checkResponse(response: InteractionResponse, account: string | null | undefined): Record<string, string[]> {
  return response === "dispute" && !account?.trim() ? { account: ["conduct_dispute_needs_account"] } : {};
}

/**
 * An entry is answered once: the counterpart's first answer is final, so the public counts
 * cannot be flipped back and forth (each flip once mailed the other side). Someone who
 * remembers it differently later logs an entry of its own.
 */
export function checkAnswerOpen(earlierAnswers: number): Record<string, string[]> {
  return earlierAnswers > 0 ? { response: ["conduct_already_answered"] } : {};
}

/** The version an organisation should adopt, given the one it has (null: none). */
export function needsReadoption(adoptedVersion: number | null, currentVersion: number | null): boolean {
  return currentVersion !== null && (adoptedVersion === null || adoptedVersion < currentVersion);
}

/** Channels where the buyer meets one vendor alone; a conference is open to all. */
export const ONE_TO_ONE_CHANNELS: readonly InteractionChannel[] = INTERACTION_CHANNELS.filter((c) => c !== "conference");

export interface QuietPeriodFacts {
  event: { kind: string; status: string; outcome: string | null; buyerId: string; publishedAt: Date | null } | null;
  channel: InteractionChannel;
  organisationId: string;
  counterpartId: string;
  occurredAt: Date;
}

/**
 * Quiet period (karenstid): from an RFP's publication until its outcome is
 * recorded, one-to-one contact between its buyer and a vendor about it is
 * flagged, and the buyer is asked to share what was said with every
 * participant (equal treatment).
 */
export function isQuietPeriodContact({ event, channel, organisationId, counterpartId, occurredAt }: QuietPeriodFacts): boolean {
  if (!event || event.kind !== "rfp") return false;
  const inTenderPhase = event.status !== "draft" && event.outcome === null && event.publishedAt !== null && occurredAt >= event.publishedAt;
  if (!inTenderPhase) return false;
  if (!ONE_TO_ONE_CHANNELS.includes(channel)) return false;
  return event.buyerId === organisationId || event.buyerId === counterpartId;
}
