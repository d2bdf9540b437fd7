import type { ColumnType, Generated, Insertable, RawBuilder, Selectable } from "kysely";
import type { AmendmentChange } from "../app/domain/amendments";
import type { AnswerType } from "../app/domain/question-bank";
import type { Answer } from "../app/domain/questionnaire";
import type { CoBuyerStatus, ShareKind } from "../app/domain/co-buyers";
import type { ContractForm } from "../app/domain/contract";
import type { CallOffResponse, ContractType, OptionStatus } from "../app/domain/contracts";
import type {
  DataResidency,
  EffortLevel,
  EventKind,
  EventStatus,
  ExpectationStatus,
  NotProcuredReason,
  Outcome,
} from "../app/domain/events";
import type { DataCategory, DpiaStatus, HostingConstraint } from "../app/domain/data-protection";
import type { ForegroundOwner, InputUse } from "../app/domain/ip-terms";
import type { IdentityAccess, Integration, InterfaceDocs, ScopeItem } from "../app/domain/scope";
import type { AcceptanceCriterion, PilotPlan } from "../app/domain/pilot";
import type { PilotFunding } from "../app/domain/pilot-funding";
import type { CostBenefit } from "../app/domain/cost-benefit";
import type { NationalStatus, Readiness, StandardOrigin } from "../app/domain/standard-readiness";
import type { CriterionJudgement, ExitResponse, PilotDecision, StopReason } from "../app/domain/pilot-exit";
import type { EffortWork } from "../app/domain/predictability";
import type { ContractRisk, OutsideNeed, SourcingAdvice } from "../app/domain/sourcing";
import type { OwnDeliveryActivity } from "../app/domain/own-delivery";
import type {
  BuyerSector,
  CommercialRole,
  MemberRole,
  VendorSize,
  VerificationStatus,
} from "../app/domain/organisations";
import type { Region } from "../app/domain/regions";
import type { ActivityNoticeMode, VendorActivityKind } from "../app/domain/vendor-activity";
import type { MessageAuthor, ReportOutcome, ReportStatus } from "../app/domain/protected-reports";
import type { ConsultationEffortLevel, ConsultationSubject, ResponseStatus, WithholdDecision } from "../app/domain/consultations";
import type { ClarificationTopic, VendorRequestStatus, VendorRequestStepKind, VendorRequestType } from "../app/domain/vendor-requests";
import type { Assessment, ClauseGround, ConcernCategory, InteractionChannel, InteractionResponse } from "../app/domain/conduct";

/** A timestamptz column: read as Date, written as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface OrganisationTable {
  id: Generated<string>;
  slug: string;
  name: string;
  /** Norwegian organisation number, 9 digits, for organisations registered in Norway. */
  orgNumber: string | null;
  /** ISO 3166-1 alpha-2. */
  country: Generated<string>;
  /** Registry id for organisations registered outside Norway. */
  foreignRegistryId: string | null;
  isBuyer: Generated<boolean>;
  isVendor: Generated<boolean>;
  buyerSector: BuyerSector | null;
  region: Region | null;
  vendorSize: VendorSize | null;
  website: string | null;
  description: string | null;
  verificationStatus: Generated<VerificationStatus>;
  verifiedAt: Timestamp | null;
  verificationNote: string | null;
  commercialContactUserId: string | null;
  cpvAreas: Generated<string[]>;
  createdBy: string | null;
  createdAt: CreatedAt;
  /** 0027: who must have a second factor (SecondFactorPolicy in app/domain/two-factor.ts). */
  secondFactorPolicy: Generated<"none" | "admins" | "all">;
  // 0045: own delivery (app/domain/own-delivery.ts)
  ownDeliveryCpv: Generated<string[]>;
  ownDeliveryActivities: Generated<OwnDeliveryActivity[]>;
  ownDeliveryProvider: string | null;
  ownDeliveryStandards: string | null;
  ownDeliveryUpdatedAt: Timestamp | null;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  name: string;
  passwordHash: string | null;
  emailVerifiedAt: Timestamp | null;
  language: Generated<"nb" | "en">;
  isOperator: Generated<boolean>;
  activeOrganisationId: string | null;
  createdAt: CreatedAt;
}

export interface MembershipTable {
  userId: string;
  organisationId: string;
  role: MemberRole;
  commercialRole: CommercialRole | null;
  createdAt: CreatedAt;
  // 0029: how the member hears of vendors' activity (null: the default for the role), and where their next daily digest starts
  activityNotices: ActivityNoticeMode | null;
  activityDigestFrom: Timestamp | null;
}

export interface StandardTable {
  id: Generated<string>;
  code: string;
  name: string;
  category: string;
  descriptionNb: string;
  descriptionEn: string;
  url: string | null;
  // 0048: where the standard comes from and its status in the Directorate's reference catalogue
  origin: ColumnType<StandardOrigin, StandardOrigin | undefined, StandardOrigin>;
  nationalStatus: ColumnType<NationalStatus, NationalStatus | undefined, NationalStatus>;
  createdAt: CreatedAt;
}

export interface EventTable {
  id: Generated<string>;
  buyerId: string;
  kind: EventKind;
  status: Generated<EventStatus>;
  title: string;
  description: string;
  region: Region | null;
  registrationDeadline: Timestamp | null;
  startsAt: Timestamp | null;
  endsAt: Timestamp | null;
  responseDeadline: Timestamp | null;
  location: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  effortLevel: Generated<EffortLevel>;
  effortHoursPerVendor: number | null;
  compensationNok: number | null;
  /** Why compensation is below the hourly floor (COMPENSATION_FLOOR_NOK_PER_HOUR); shown to vendors. */
  compensationReason: string | null;
  expectationStatus: ExpectationStatus | null;
  budgetMinNok: number | null;
  budgetMaxNok: number | null;
  fundingSource: string | null;
  expectedValueNok: number | null;
  expectedQuantity: number | null;
  quantityUnit: string | null;
  /** "2027-Q2" */
  expectedTenderQuarter: string | null;
  /** "YYYY-MM-DD" */
  expectedContractStart: string | null;
  outcome: Outcome | null;
  publishedAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
  // 0005: the rest of the declaration
  kindsOfWork: Generated<EffortWork[]>;
  cpvCodes: Generated<string[]>;
  contractForm: ContractForm | null;
  contractBaseMonths: number | null;
  contractOptionMonths: number | null;
  contractHorizonMonths: number | null;
  contractJustification: string | null;
  // 0059: the contract-choice rule (app/domain/contract.ts)
  /** The vendors' depreciation period for the investment the contract demands. */
  contractDepreciationMonths: number | null;
  /** Published before 0059 and breaking its rule: judged as it was published. */
  contractChoiceGrandfathered: Generated<boolean>;
  sourcingRisk: ContractRisk | null;
  sourcingNeed: OutsideNeed | null;
  sourcingAdvice: SourcingAdvice | null;
  sourcingReason: string | null;
  ipTerms: string | null;
  healthData: boolean | null;
  dataResidency: DataResidency | null;
  cloudAllowed: boolean | null;
  dpiaNeeded: boolean | null;
  pilotPlan: PilotPlan | null;
  /** "2027-Q2" */
  pilotQuarter: string | null;
  pilotBudgetNok: number | null;
  // 0019: acceptance criteria and the purchase path (app/domain/pilot.ts); criteria written with jsonb()
  pilotCriteria: ColumnType<AcceptanceCriterion[], RawBuilder<string> | undefined, RawBuilder<string>>;
  pilotBudgetEarmarked: boolean | null;
  pilotBudgetSource: string | null;
  pilotDeciderRole: string | null;
  pilotDeciderOrganisation: string | null;
  pilotOptionMaxPriceNok: number | null;
  /** "2027-Q3" */
  pilotOptionWindowFrom: string | null;
  pilotOptionWindowTo: string | null;
  // 0044: how the pilot itself is paid for, by source (app/domain/pilot-funding.ts); written with jsonb()
  pilotFunding: ColumnType<PilotFunding[], RawBuilder<string> | undefined, RawBuilder<string>>;
  // 0048: who pays and who benefits (app/domain/cost-benefit.ts); written with jsonb()
  // 0060: the earlier pilots on the same need named at publishing, and why a new pilot is needed (app/domain/pilot-similarity.ts)
  pilotDuplicateOf: Generated<string[]>;
  pilotDuplicateReason: string | null;
  // 0064: what each vendor is expected to invest, stated by the buyer (app/domain/pilot-investment.ts)
  pilotVendorInvestmentHours: number | null;
  pilotVendorInvestmentNok: number | null;
  costBenefit: ColumnType<CostBenefit | null, RawBuilder<string> | null | undefined, RawBuilder<string> | null>;
  /** 0046: "YYYY-MM-DD", the last day other buyers may ask to join (app/domain/co-buyers.ts) */
  openToJoinUntil: string | null;
  closedAt: Timestamp | null;
  outcomeRecordedAt: Timestamp | null;
  outcomeContractValueNok: number | null;
  /** "YYYY-MM-DD" */
  outcomeContractDate: string | null;
  outcomeNoticeReference: string | null;
  outcomeWinnerId: string | null;
  outcomeNotProcuredReason: NotProcuredReason | null;
  outcomeWithdrawnReason: string | null;
  // 0008: participation
  attendeeLimitPerVendor: ColumnType<number | null, number | null | undefined, number | null>;
  // 0007: Norwegian full-text search document (title, buyer name, description), kept by triggers.
  searchDocument: ColumnType<string, never, never>;
  /** Title, buyer name and description in lower case, for compound-word matching (trigram index); kept by a trigger. */
  searchText: ColumnType<string, never, never>;
  // 0042: structured IP terms and the buyer's non-use undertaking (app/domain/ip-terms.ts)
  ipBackgroundStaysWithVendor: boolean | null;
  ipForegroundOwner: ForegroundOwner | null;
  ipLicenceScope: string | null;
  ipExistingProductsNotTransferred: boolean | null;
  ipInputUse: InputUse | null;
  /** Who gave the undertaking (null once the account is deleted; the name stays). */
  nonUseUndertakingBy: string | null;
  nonUseUndertakingName: string | null;
  nonUseUndertakingAt: Timestamp | null;
  /** Published before 0042 without IP terms: the rule does not judge it. */
  ipTermsGrandfathered: Generated<boolean>;
  /** 0045: the advice the table gives now, beside the one vendors were shown (sourcingAdvice), and when it was revised. */
  sourcingRevisedAdvice: SourcingAdvice | null;
  sourcingRevisedAt: Timestamp | null;
  /** 0045: what doing it in-house would cost, where the buyer delivers in the area itself. */
  inHouseCostBasis: string | null;
  // 0047: scope, integration and cost of ownership (app/domain/scope.ts); integrations written with jsonb()
  scopeItems: Generated<ScopeItem[]>;
  scopeIntegrations: ColumnType<Integration[], RawBuilder<string> | undefined, RawBuilder<string>>;
  interfaceDocs: InterfaceDocs | null;
  interfaceDocsUrl: string | null;
  identityAccess: Generated<IdentityAccess[]>;
  identityAccessOther: string | null;
  integrationBudgetIncluded: boolean | null;
  integrationBudgetNok: number | null;
  adaptationNeeds: string | null;
  serviceOwnerRole: string | null;
  tcoHorizonYears: number | null;
  /** Published before 0047: the scope step is not required of it. */
  scopeGrandfathered: Generated<boolean>;
  // 0047: data protection in the new shape (app/domain/data-protection.ts)
  dataCategories: Generated<DataCategory[]>;
  hostingConstraint: HostingConstraint | null;
  dpiaStatus: DpiaStatus | null;
  dataController: string | null;
  privacyOwnerRole: string | null;
  privacyOwnerOrganisation: string | null;
  /** 0067: only registered vendors may respond (app/domain/responses.ts). */
  responsesRequireRegistration: Generated<boolean>;
}

export interface ContractTable {
  id: Generated<string>;
  buyerId: string;
  eventId: string | null;
  type: ContractType;
  title: string;
  /** "YYYY-MM-DD" */
  startDate: string;
  /** "YYYY-MM-DD": the last day of the guaranteed base period. */
  baseEnd: string;
  indicatedAnnualValueNok: number | null;
  indicatedAnnualQuantity: number | null;
  unit: string | null;
  bindingMinimumNok: number | null;
  bindingMinimumQuantity: number | null;
  capacityRequired: Generated<boolean>;
  capacityLeadTimeWeeks: number | null;
  depreciationMonths: number | null;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface ContractVendorTable {
  contractId: string;
  organisationId: string;
}

export interface ContractOptionTable {
  contractId: string;
  number: number;
  months: number;
  /** "YYYY-MM-DD" */
  noticeDeadline: string;
  status: Generated<OptionStatus>;
  reason: string | null;
  decidedAt: Timestamp | null;
  decidedBy: string | null;
}

export interface ContractCallOffTable {
  id: Generated<string>;
  contractId: string;
  /** "2027-Q1" */
  quarter: string;
  valueNok: number | null;
  quantity: number | null;
  note: string | null;
  recordedBy: string | null;
  recordedAt: CreatedAt;
  response: CallOffResponse | null;
  account: string | null;
  respondedBy: string | null;
  respondedAt: Timestamp | null;
}

/** What a vendor did that the buyer hears of (0029, app/domain/vendor-activity.ts). */
export interface VendorActivityTable {
  id: Generated<string>;
  buyerId: string;
  vendorId: string;
  kind: VendorActivityKind;
  eventId: string | null;
  effortRequestId: string | null;
  /** The question as asked, or the reason given for declining. */
  detail: string | null;
  at: Timestamp;
}

/** One reminder of one contract task to one party, per stage (0022). */
export interface ContractReminderTable {
  contractId: string;
  organisationId: string;
  /** "record_call_off:2027-Q1", "answer_call_off:2027-Q1", "decide_option:1" */
  task: string;
  stage: "due" | "overdue";
  sentAt: CreatedAt;
}

/** The decision after a pilot ends (0026, app/domain/pilot-exit.ts); results written with jsonb(). */
export interface PilotExitTable {
  eventId: string;
  results: ColumnType<CriterionJudgement[], RawBuilder<string> | undefined, RawBuilder<string>>;
  /** Every criterion judged and met (generated). */
  criteriaMet: ColumnType<boolean, never, never>;
  decision: PilotDecision;
  stopReason: StopReason | null;
  stopReasonText: string | null;
  followOnEventId: string | null;
  contractId: string | null;
  recordedBy: string | null;
  recordedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A vendor's answer to one judgement (0026). */
export interface PilotExitResponseTable {
  eventId: string;
  organisationId: string;
  criterion: number;
  response: ExitResponse;
  account: string | null;
  respondedBy: string | null;
  respondedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface EventCoBuyerTable {
  eventId: string;
  organisationId: string;
  // 0046: consent and shares (app/domain/co-buyers.ts)
  status: Generated<CoBuyerStatus>;
  shareKind: ShareKind | null;
  shareValue: number | null;
  expectationStatus: ExpectationStatus | null;
  invitedAt: CreatedAt;
  invitedBy: string | null;
  respondedAt: Timestamp | null;
  respondedBy: string | null;
}

export type { AmendmentChange };

export interface EventAmendmentTable {
  id: Generated<string>;
  eventId: string;
  at: CreatedAt;
  byUserId: string | null;
  reason: string;
  changes: ColumnType<AmendmentChange[], string, string>;
}

export interface BlockedPublishAttemptTable {
  id: Generated<number>;
  buyerId: string;
  eventId: string | null;
  byUserId: string | null;
  at: CreatedAt;
  codes: string[];
  /** What was refused: publishing an event, or sending an effort request. */
  subject: Generated<"event" | "effort_request">;
}

export interface EventStandardTable {
  eventId: string;
  standardId: string;
  level: "required" | "recommended" | "planned";
  /** "YYYY-MM-DD" */
  appliesFrom: string | null;
}

export interface VendorStandardTable {
  organisationId: string;
  standardId: string;
  // 0048: supported today, planned for a quarter, or not (app/domain/standard-readiness.ts)
  readiness: ColumnType<Readiness, Readiness | undefined, Readiness>;
  /** "2027-Q2"; set exactly when planned. */
  plannedQuarter: string | null;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

export interface SessionTable {
  id: string;
  userId: string;
  expiresAt: Timestamp;
  createdAt: CreatedAt;
  userAgent: string | null;
  ip: string | null;
  /** 0027: past the password, waiting for the second factor. */
  awaitingSecondFactor: Generated<boolean>;
  /** 0043: what pages name the session by; the id is the cookie's secret and stays on the server. */
  handle: Generated<string>;
  /** 0043: the last request made with it, written at most once a minute. */
  lastUsedAt: Generated<Date>;
  /** 0070: when the person last re-authenticated in this session (a fresh sign-in at their provider). */
  reauthenticatedAt: Timestamp | null;
}

/** 0027: one RFC 6238 key per person; unconfirmed until a code from it has been typed. */
export interface TotpFactorTable {
  userId: string;
  /**
   * Base32, 32 characters (160 bits), in the clear: rows from before migration 0065 and the demo
   * operator's published key, until the app seals them (ADR 0035). Null once sealed.
   */
  key: string | null;
  /** The key as an AES-256-GCM box under SECRET_ENCRYPTION_KEY (app/auth/secret-box.server.ts). */
  keyBox: ColumnType<string | null, string | null | undefined, string | null>;
  confirmedAt: Timestamp | null;
  /** The last 30-second step whose code was accepted; a code is never accepted twice. */
  lastUsedStep: ColumnType<number | null, number | null | undefined, number | null>;
  createdAt: CreatedAt;
}

/** 0051: a WebAuthn credential (passkey); the public key and counter, never a secret. */
export interface PasskeyTable {
  id: Generated<string>;
  userId: string;
  /** Base64url, as the browser reports it. */
  credentialId: string;
  publicKey: Uint8Array;
  counter: ColumnType<string | number, number | undefined, number>;
  transports: ColumnType<string[], string[] | undefined, string[]>;
  backedUp: ColumnType<boolean, boolean | undefined, boolean>;
  name: string;
  createdAt: CreatedAt;
  lastUsedAt: Timestamp | null;
}

/** 0051: a challenge handed out for a WebAuthn ceremony; deleted when its answer arrives. */
export interface WebauthnChallengeTable {
  id: Generated<string>;
  challenge: string;
  purpose: "register" | "authenticate" | "second_factor";
  userId: string | null;
  expiresAt: Timestamp;
  createdAt: CreatedAt;
}

/** 0058: an organisation's OpenID Connect provider; the client secret only as an AES-256-GCM box. */
export interface IdentityProviderTable {
  id: Generated<string>;
  organisationId: string;
  issuer: string;
  clientId: string;
  /** encryptSecret() in app/auth/secret-box.server.ts; never sent to a browser. */
  clientSecretBox: string;
  autoJoin: Generated<boolean>;
  joinRole: Generated<"admin" | "member">;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Generated<Date>;
}

/** 0058: an e-mail domain one provider vouches for (one provider per domain). */
export interface IdentityProviderDomainTable {
  domain: string;
  providerId: string;
}

/** 0058: an account's subject at an issuer; the person is found by this pair after the first sign-in. */
export interface SsoLinkTable {
  issuer: string;
  subject: string;
  userId: string;
  createdAt: CreatedAt;
  lastUsedAt: Generated<Date>;
}

/** 0058: a sign-in sent to a provider and not yet back, keyed by the hash of the browser's cookie. */
export interface SsoAttemptTable {
  tokenHash: string;
  providerId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectTo: string | null;
  expiresAt: Timestamp;
  createdAt: CreatedAt;
  /** 0070: a sign-in, a re-authentication of the session, or linking a subject to the signed-in account. */
  purpose: Generated<SsoPurpose>;
  /** 0070: the session that started a re-authentication or a link (null for a sign-in). */
  sessionId: string | null;
}

export type SsoPurpose = "sign_in" | "reauthenticate" | "link";

export interface RecoveryCodeTable {
  userId: string;
  codeHash: string;
  usedAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface EmailTokenTable {
  tokenHash: string;
  purpose: "verify_email" | "reset_password";
  userId: string;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface InvitationTable {
  id: Generated<string>;
  tokenHash: string;
  organisationId: string;
  email: string;
  role: MemberRole;
  invitedBy: string | null;
  expiresAt: Timestamp;
  acceptedAt: Timestamp | null;
  acceptedBy: string | null;
  revokedAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface ApiTokenTable {
  id: Generated<string>;
  userId: string;
  name: string;
  tokenHash: string;
  /** The first characters of the token, shown so people can tell tokens apart. */
  prefix: string;
  createdAt: CreatedAt;
  lastUsedAt: Timestamp | null;
  revokedAt: Timestamp | null;
}

export interface RateLimitTable {
  key: string;
  windowStart: Timestamp;
  count: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actorUserId: string | null;
  organisationId: string | null;
  action: string;
  subject: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface OutboxAttachment {
  filename: string;
  contentType: string;
  /** base64 */
  content: string;
}

export interface OutboxTable {
  id: Generated<string>;
  createdAt: CreatedAt;
  template: string;
  toAddress: string;
  language: "nb" | "en";
  subject: string;
  html: string;
  text: string;
  attachments: ColumnType<OutboxAttachment[], string | undefined, string>;
  /** Extra headers for this message (e.g. List-Unsubscribe), name → value. */
  headers: ColumnType<Record<string, string>, string | undefined, string>;
  status: Generated<"pending" | "sending" | "sent" | "failed">;
  attempts: Generated<number>;
  // Not Generated<Timestamp>: nesting ColumnType in Generated makes selects return the ColumnType.
  nextAttemptAt: ColumnType<Date, Date | string | undefined, Date | string>;
  lockedUntil: Timestamp | null;
  lastError: string | null;
  sentAt: Timestamp | null;
}

export interface ConductVersionTable {
  number: number;
  /** null while the version is a draft. */
  publishedAt: Timestamp | null;
  publishedBy: string | null;
  summaryNb: Generated<string>;
  summaryEn: Generated<string>;
  createdAt: CreatedAt;
}

export interface ConductClauseTable {
  versionNumber: number;
  number: number;
  principle: ClauseGround;
  titleNb: string;
  titleEn: string;
  textNb: string;
  textEn: string;
}

export interface ConductAdoptionTable {
  organisationId: string;
  versionNumber: number;
  adoptedBy: string | null;
  adoptedAt: CreatedAt;
}

export interface InteractionChainHeadTable {
  organisationId: string;
  length: Generated<number>;
  headHash: Generated<string>;
}

export interface InteractionParticipant {
  side: "own" | "counterpart";
  userId: string | null;
  name: string;
}

/** Append-only: the database refuses UPDATE and DELETE. */
export interface InteractionEntryTable {
  id: string;
  organisationId: string;
  counterpartId: string;
  loggedBy: string;
  occurredAt: ColumnType<Date, Date | string, never>;
  channel: InteractionChannel;
  participants: ColumnType<InteractionParticipant[], string, never>;
  eventId: string | null;
  subject: string;
  summary: string;
  conductVersion: number | null;
  clauses: ColumnType<number[], number[], never>;
  assessment: Assessment;
  concernCategory: ConcernCategory | null;
  concernDescription: string | null;
  supersedesId: string | null;
  quietPeriodContact: ColumnType<boolean, boolean | undefined, never>;
  recordedAt: ColumnType<Date, Date | string, never>;
  chainSeq: number;
  prevHash: string;
  hash: string;
  /** How the row was hashed: 1 before migration 0025 (chosen fields), 2 since (the whole row). */
  hashVersion: ColumnType<number, number | undefined, never>;
}

/** Append-only: the database refuses UPDATE and DELETE. */
/** The view interaction_answers (migration 0039): each entry's first answer, the one that counts. Read only. */
export type InteractionAnswerView = Pick<InteractionResponseTable, "id" | "entryId" | "organisationId" | "respondedBy" | "response" | "account" | "recordedAt">;

export interface InteractionResponseTable {
  id: string;
  entryId: string;
  organisationId: string;
  respondedBy: string;
  response: InteractionResponse;
  account: string | null;
  recordedAt: ColumnType<Date, Date | string, never>;
  chainSeq: number;
  prevHash: string;
  hash: string;
  /** How the row was hashed: 1 before migration 0025 (chosen fields), 2 since (the whole row). */
  hashVersion: ColumnType<number, number | undefined, never>;
}

export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  memberships: MembershipTable;
  standards: StandardTable;
  events: EventTable;
  eventStandards: EventStandardTable;
  eventCoBuyers: EventCoBuyerTable;
  contracts: ContractTable;
  contractVendors: ContractVendorTable;
  contractOptions: ContractOptionTable;
  contractCallOffs: ContractCallOffTable;
  contractReminders: ContractReminderTable;
  vendorActivity: VendorActivityTable;
  pilotExits: PilotExitTable;
  pilotExitResponses: PilotExitResponseTable;
  eventAmendments: EventAmendmentTable;
  blockedPublishAttempts: BlockedPublishAttemptTable;
  vendorStandards: VendorStandardTable;
  sessions: SessionTable;
  totpFactors: TotpFactorTable;
  recoveryCodes: RecoveryCodeTable;
  passkeys: PasskeyTable;
  webauthnChallenges: WebauthnChallengeTable;
  // 0058: single sign-on
  identityProviders: IdentityProviderTable;
  identityProviderDomains: IdentityProviderDomainTable;
  ssoLinks: SsoLinkTable;
  ssoAttempts: SsoAttemptTable;
  emailTokens: EmailTokenTable;
  invitations: InvitationTable;
  apiTokens: ApiTokenTable;
  rateLimits: RateLimitTable;
  auditLog: AuditLogTable;
  outbox: OutboxTable;
  conductVersions: ConductVersionTable;
  conductClauses: ConductClauseTable;
  conductAdoptions: ConductAdoptionTable;
  interactionChainHeads: InteractionChainHeadTable;
  interactionEntries: InteractionEntryTable;
  interactionResponses: InteractionResponseTable;
  interactionAnswers: InteractionAnswerView;
  // 0008: participation
  registrations: RegistrationTable;
  registrationAttendees: RegistrationAttendeeTable;
  eventQuestions: EventQuestionTable;
  effortRequests: EffortRequestTable;
  effortRequestRecipients: EffortRequestRecipientTable;
  effortReports: EffortReportTable;
  effortReportCorrections: EffortReportCorrectionTable;
  // 0064: each vendor's correction of the investment a pilot expects of it
  pilotInvestmentCorrections: PilotInvestmentCorrectionTable;
  // 0011: relationships
  relationshipNotes: RelationshipNoteTable;
  relationshipFollowUps: RelationshipFollowUpTable;
  relationshipContacts: RelationshipContactTable;
  // 0010: watches and buyers' standards roadmaps
  watches: WatchTable;
  watchDeliveries: WatchDeliveryTable;
  watchUnsubscribeTokens: WatchUnsubscribeTokenTable;
  buyerRoadmapEntries: BuyerRoadmapEntryTable;
  buyerRoadmapChanges: BuyerRoadmapChangeTable;
  // 0040: consultations (høring)
  consultations: ConsultationTable;
  consultationInvitees: ConsultationInviteeTable;
  consultationResponses: ConsultationResponseTable;
  consultationResponseParts: ConsultationResponsePartTable;
  // 0041: requests from vendors
  vendorRequests: VendorRequestTable;
  vendorRequestSteps: VendorRequestStepTable;
  // 0057: protected reports
  protectedReports: ProtectedReportTable;
  protectedReportReporters: ProtectedReportReporterTable;
  protectedReportMessages: ProtectedReportMessageTable;
  storedFiles: StoredFileTable;
  fileContents: FileContentTable;
  eventDocuments: EventDocumentTable;
  effortRequestDocuments: EffortRequestDocumentTable;
  // 0066: questionnaires and answer profiles (app/domain/questionnaire.ts)
  questionnaireItems: QuestionnaireItemTable;
  answerProfileEntries: AnswerProfileEntryTable;
  // 0067: responses to RFIs and RFPs, the event's team and the read log of confidential parts
  eventResponses: EventResponseTable;
  eventResponseVersions: EventResponseVersionTable;
  eventResponseDocuments: EventResponseDocumentTable;
  eventTeamMembers: EventTeamMemberTable;
  eventResponseReads: EventResponseReadTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type User = Selectable<UserTable>;
export type Standard = Selectable<StandardTable>;
export type Event = Selectable<EventTable>;
export type NewEvent = Insertable<EventTable>;

// --- 0008: participation -------------------------------------------------------------

export type RegistrationStatus = "registered" | "waitlisted" | "withdrawn" | "declined";

export interface RegistrationTable {
  id: Generated<string>;
  eventId: string;
  organisationId: string;
  status: RegistrationStatus;
  note: string | null;
  shareAttendees: Generated<boolean>;
  declineReason: string | null;
  registeredBy: string | null;
  queuedAt: ColumnType<Date, Date | string | undefined, Date | string>;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
  /** When the vendor was reminded to report the effort the event took (sent once). */
  effortReminderSentAt: Timestamp | null;
}

export interface RegistrationAttendeeTable {
  registrationId: string;
  userId: string;
}

export interface EventQuestionTable {
  id: Generated<string>;
  eventId: string;
  organisationId: string;
  askedBy: string | null;
  askedAt: ColumnType<Date, Date | string | undefined, never>;
  originalText: ColumnType<string, string, never>;
  publishedText: string | null;
  answer: string | null;
  answeredAt: Timestamp | null;
  answeredBy: string | null;
}

export type EffortRequestWork = "demo" | "short_written_input" | "written_response" | "workshop_series" | "prototype" | "pilot";

export interface EffortRequestTable {
  id: Generated<string>;
  buyerId: string;
  eventId: string | null;
  requestedBy: string | null;
  title: string;
  description: Generated<string>;
  kindsOfWork: EffortRequestWork[];
  hoursPerVendor: number;
  deadline: Timestamp;
  compensationNok: number | null;
  /** Why compensation is below the hourly floor (COMPENSATION_FLOOR_NOK_PER_HOUR); shown to vendors. */
  compensationReason: string | null;
  expectationStatus: ExpectationStatus | null;
  budgetMinNok: number | null;
  budgetMaxNok: number | null;
  fundingSource: string | null;
  expectedValueNok: number | null;
  expectedQuantity: number | null;
  quantityUnit: string | null;
  expectedTenderQuarter: string | null;
  /** "YYYY-MM-DD" */
  expectedContractStart: string | null;
  createdAt: CreatedAt;
}

export interface EffortRequestRecipientTable {
  requestId: string;
  organisationId: string;
  status: Generated<"open" | "accepted" | "declined">;
  respondedAt: Timestamp | null;
  respondedBy: string | null;
  declineReason: string | null;
  /** When the vendor was reminded to report the effort the request took (sent once). */
  effortReminderSentAt: Timestamp | null;
}

export interface EffortReportTable {
  id: Generated<string>;
  vendorId: string;
  buyerId: string;
  eventId: string | null;
  requestId: string | null;
  hours: number;
  people: number;
  note: string | null;
  reportedBy: string | null;
  reportedAt: ColumnType<Date, Date | string | undefined, never>;
  correctedAt: Date | null;
}

/** The figures a correction replaced (issue 14). */
export interface EffortReportCorrectionTable {
  id: Generated<string>;
  reportId: string;
  hours: number;
  people: number;
  note: string | null;
  correctedBy: string | null;
  correctedAt: ColumnType<Date, Date | string | undefined, never>;
}

// --- 0064: a vendor's correction of a pilot's expected investment (app/domain/pilot-investment.ts)

export interface PilotInvestmentCorrectionTable {
  eventId: string;
  organisationId: string;
  hours: number | null;
  nok: number | null;
  note: string | null;
  correctedBy: string | null;
  correctedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

// --- 0011: relationships ---------------------------------------------------------------

export interface RelationshipNoteTable {
  id: Generated<string>;
  organisationId: string;
  counterpartId: string;
  authorId: string | null;
  body: string;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface RelationshipFollowUpTable {
  id: Generated<string>;
  organisationId: string;
  counterpartId: string;
  title: string;
  /** "YYYY-MM-DD", a date in Oslo */
  dueOn: string;
  ownerId: string | null;
  doneAt: Timestamp | null;
  remindedAt: Timestamp | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface RelationshipContactTable {
  id: Generated<string>;
  organisationId: string;
  counterpartId: string;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

// --- 0010: watches and buyers' standards roadmaps -------------------------------------

export type WatchFrequency = "immediate" | "daily";

export interface WatchTable {
  id: Generated<string>;
  userId: string;
  name: string;
  /** /demand's query string for the filter, normalised. */
  query: string;
  frequency: WatchFrequency;
  feedTokenHash: string;
  feedTokenCreatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
  createdAt: ColumnType<Date, Date | string | undefined, never>;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
  lastDigestAt: Timestamp | null;
}

/** A digest's secret unsubscribe link (only its hash), one per digest sent. */
export interface WatchUnsubscribeTokenTable {
  tokenHash: string;
  watchId: string;
  createdAt: CreatedAt;
}

export interface WatchDeliveryTable {
  id: Generated<number>;
  watchId: string;
  /** One of eventId and consultationId (0068); a consultation is told about once, as published. */
  eventId: string | null;
  consultationId: string | null;
  change: "published" | "amended";
  amendmentId: string | null;
  outboxId: string | null;
  deliveredAt: Timestamp;
}

export type RoadmapStatus = "implemented" | "required" | "planned";

export interface BuyerRoadmapEntryTable {
  organisationId: string;
  standardId: string;
  status: RoadmapStatus;
  /** "YYYY-MM-DD" */
  date: string | null;
  note: Generated<string>;
  changedAt: Timestamp;
  changedBy: string | null;
}

export interface BuyerRoadmapChangeTable {
  id: Generated<number>;
  organisationId: string;
  standardId: string;
  /** null: taken off the roadmap. */
  status: RoadmapStatus | null;
  date: string | null;
  note: Generated<string>;
  changedAt: Timestamp;
  changedBy: string | null;
}

// --- 0040: consultations (høring) ------------------------------------------------------

export interface ConsultationTable {
  id: Generated<string>;
  /** null: the operators (the portal's own code of conduct). */
  organiserId: string | null;
  createdBy: string | null;
  caseNumber: string;
  title: string;
  summary: string;
  subject: ConsultationSubject;
  conductVersion: number | null;
  questions: string[];
  documentLinks: Generated<string[]>;
  deadline: Timestamp;
  effortLevel: ConsultationEffortLevel;
  hoursPerResponder: number | null;
  targetSectors: Generated<BuyerSector[]>;
  targetVendorSizes: Generated<VendorSize[]>;
  /** "Slik brukte vi innspillene", published after the deadline. */
  usageSummary: string | null;
  usageSummaryAt: Timestamp | null;
  createdAt: CreatedAt;
  /** 0068: kept by a trigger, as on events (title, organiser, case number, summary, questions; never a response). */
  searchDocument: ColumnType<string, never, never>;
  searchText: ColumnType<string, never, never>;
}

export interface ConsultationInviteeTable {
  consultationId: string;
  organisationId: string;
}

export interface ConsultationResponseTable {
  id: Generated<string>;
  consultationId: string;
  organisationId: string;
  status: Generated<ResponseStatus>;
  createdBy: string | null;
  submittedAt: Timestamp | null;
  submittedBy: string | null;
  withdrawnAt: Timestamp | null;
  /** The responder accepted a refused withholding: the part is published at once. */
  publicationConfirmedAt: Timestamp | null;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
  createdAt: CreatedAt;
}

export interface ConsultationResponsePartTable {
  responseId: string;
  /** The question's index. */
  position: number;
  text: string;
  withholdRequested: Generated<boolean>;
  withholdReason: string | null;
  withholdDecision: WithholdDecision | null;
  decidedAt: Timestamp | null;
  decidedBy: string | null;
}

// --- 0041: requests from vendors -------------------------------------------------------

export interface VendorRequestTable {
  id: Generated<string>;
  vendorId: string;
  /** The buyer organisation the vendor chose. */
  addressedTo: string;
  /** The buyer organisation holding the request now (a referral to another organisation moves it). */
  buyerId: string;
  sentBy: string | null;
  type: VendorRequestType;
  topic: ClarificationTopic | null;
  subject: string;
  body: string;
  eventId: string | null;
  contractId: string | null;
  status: Generated<VendorRequestStatus>;
  ownerId: string | null;
  decisionMakerRole: string | null;
  decisionMandate: string | null;
  /** "YYYY-MM-DD", a date in Oslo */
  dueOn: string | null;
  answer: string | null;
  declineReason: string | null;
  closedBy: string | null;
  closedAt: Timestamp | null;
  referrals: Generated<number>;
  remindedAt: Timestamp | null;
  escalatedAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface VendorRequestStepTable {
  id: Generated<string>;
  requestId: string;
  kind: VendorRequestStepKind;
  at: ColumnType<Date, Date | string | undefined, never>;
  byUserId: string | null;
  /** The buyer organisation the step happened in. */
  organisationId: string | null;
  toOrganisationId: string | null;
  toUserId: string | null;
  reason: string | null;
}

// --- 0057: protected reports -----------------------------------------------------------

export interface ProtectedReportTable {
  id: Generated<string>;
  counterpartId: string;
  conductVersion: number;
  clauses: number[];
  account: string;
  status: Generated<ReportStatus>;
  outcome: ReportOutcome | null;
  outcomeNote: string | null;
  outcomeAt: Timestamp | null;
  outcomeBy: string | null;
  createdAt: CreatedAt;
}

/** Who reported: read by operators only, each read logged. */
export interface ProtectedReportReporterTable {
  reportId: string;
  userId: string | null;
  organisationId: string;
}

export interface ProtectedReportMessageTable {
  id: Generated<string>;
  reportId: string;
  author: MessageAuthor;
  operatorUserId: string | null;
  text: string;
  createdAt: CreatedAt;
}

// --- 0061: document storage ------------------------------------------------------------

export type StoredFileKind = "pdf" | "docx" | "xlsx" | "odt" | "ods" | "png" | "jpeg" | "csv" | "txt";

/** What a file is; its bytes are in file_contents (app/models/file-store.server.ts). */
export interface StoredFileTable {
  id: Generated<string>;
  organisationId: string;
  uploadedBy: string | null;
  name: string;
  kind: StoredFileKind;
  mediaType: string;
  sizeBytes: number;
  /** SHA-256 of the bytes, lower-case hex */
  sha256: string;
  createdAt: CreatedAt;
}

export interface FileContentTable {
  fileId: string;
  bytes: Uint8Array;
}

export type EventDocumentType = "questionnaire" | "needs_description" | "draft_tender_documents" | "presentation" | "minutes";

export interface EventDocumentTable {
  id: string;
  eventId: string;
  /** The first version's id: the versions of one document share it. */
  seriesId: string;
  version: number;
  documentType: EventDocumentType;
  title: string;
  changeNote: string | null;
  fileId: string;
  uploadedBy: string | null;
  amendmentId: string | null;
  createdAt: CreatedAt;
}

// --- 0066: questionnaires and answer profiles ---------------------------------------------

/** A question of an event's questionnaire: a bank question (bankKey) or the buyer's own (questionText, answerType, options). */
export interface QuestionnaireItemTable {
  id: Generated<string>;
  eventId: string;
  position: number;
  bankKey: string | null;
  questionText: string | null;
  answerType: AnswerType | null;
  /** An own choice question's options; written with jsonb() */
  options: ColumnType<string[] | null, RawBuilder<string> | null | undefined, RawBuilder<string> | null>;
  multiple: Generated<boolean>;
  required: Generated<boolean>;
  createdAt: CreatedAt;
}

/** A vendor organisation's stored answer to a bank question; written with jsonb(). */
export interface AnswerProfileEntryTable {
  organisationId: string;
  bankKey: string;
  answer: ColumnType<Answer, RawBuilder<string>, RawBuilder<string>>;
  updatedBy: string | null;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

// --- 0067: responses to RFIs and RFPs (app/domain/responses.ts) ----------------------

/** What is answered: an event (RFI, RFP) or an effort request (0071); exactly one is set. */
export interface EventResponseTable {
  id: Generated<string>;
  eventId: string | null;
  effortRequestId: Generated<string | null>;
  organisationId: string;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface EventResponseVersionTable {
  id: Generated<string>;
  responseId: string;
  version: number;
  status: "draft" | "submitted";
  text: Generated<string>;
  /** Set: the free text is a business secret, for this reason. */
  textConfidentialReason: string | null;
  /** Set: the whole version is a business secret, for this reason. */
  confidentialReason: string | null;
  /** Structured answers (later: the questionnaire's); written with jsonb(). */
  answers: ColumnType<unknown[], RawBuilder<string> | undefined, RawBuilder<string>>;
  savedBy: string | null;
  savedAt: ColumnType<Date, Date | string | undefined, Date | string>;
  submittedAt: Timestamp | null;
}

export interface EventResponseDocumentTable {
  id: Generated<string>;
  versionId: string;
  fileId: string;
  confidentialReason: string | null;
  addedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface EventTeamMemberTable {
  eventId: string;
  userId: string;
  addedBy: string | null;
  addedAt: CreatedAt;
}

export type ResponsePart = "response" | "text" | "document" | "answer";

export interface EventResponseReadTable {
  id: Generated<string>;
  responseId: string;
  version: number;
  part: ResponsePart;
  documentId: string | null;
  /** What was read, as the vendor knows it (a document's file name). */
  partLabel: Generated<string>;
  readerId: string | null;
  /** The reader's name when it read (kept if the account goes). */
  readerName: string;
  outcome: "read" | "refused";
  at: ColumnType<Date, Date | string | undefined, Date | string>;
}

// --- 0071: responses to effort requests, documents on them ---------------------------------

/** A document a buyer attached to an effort request, in versions: an event document's shape, without amendments. */
export type EffortRequestDocumentTable = Omit<EventDocumentTable, "eventId" | "amendmentId"> & { requestId: string };
