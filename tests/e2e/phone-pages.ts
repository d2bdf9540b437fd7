// Every page of the portal, as the visitor who uses it, for the 390 px sweep
// (tests/e2e/phone-width.test.ts). tests/integration/phone-sweep-coverage.test.ts fails when a
// route module with a page is neither swept here nor excused in NOT_SWEPT.

/**
 * Where a page is: a path, or the first link on another page whose address matches (for rows
 * the demo data creates with random ids). `status` is the answer the page is expected to give.
 */
export interface SweptPage {
  route: string;
  path: string | { from: string; link: RegExp };
  status?: number;
}

export interface SweptVisitor {
  who: string;
  email: string | null;
  pages: SweptPage[];
}

const RFI = "/events/00000000-0000-4000-8000-000000000101";
const PILOT_ENDED = "/events/00000000-0000-4000-8000-000000000815";
const ID = "[0-9a-f-]{36}";
const linkTo = (pattern: string) => new RegExp(`^${pattern}$`);

export const PHONE_SWEEP: SweptVisitor[] = [
  {
    who: "an anonymous visitor",
    email: null,
    pages: [
      { route: "_index", path: "/" },
      { route: "demand._index", path: "/demand" },
      { route: "demand.pipeline", path: "/demand/pipeline" },
      { route: "pilots._index", path: "/pilots" },
      { route: "events.$eventId_.pilot-exit", path: `${PILOT_ENDED}/pilot-exit` },
      { route: "insights", path: "/insights" },
      { route: "standards._index", path: "/standards" },
      { route: "standards.roadmaps.$slug", path: "/standards/roadmaps/bergvik-kommune" },
      { route: "conduct._index", path: "/conduct" },
      { route: "conduct.versions.$number", path: "/conduct/versions/1" },
      { route: "accessibility", path: "/accessibility" },
      { route: "organisations._index", path: "/organisations" },
      { route: "organisations.$slug", path: "/organisations/bergvik-kommune" },
      { route: "organisations.$slug", path: "/organisations/nordlys-helse-as" },
      { route: "buyers.$id", path: "/buyers/bergvik-kommune" },
      { route: "consultations._index", path: "/consultations" },
      { route: "consultations.$id", path: { from: "/consultations", link: linkTo(`/consultations/${ID}`) } },
      { route: "events.$eventId", path: RFI },
      { route: "signup", path: "/signup" },
      { route: "login", path: "/login" },
      { route: "login_.sso", path: "/login/sso" },
      { route: "login_.sso_.organisations", path: "/login/sso/organisations" },
      // Without a sign-in under way the provider's return address is an error page; it must fit too.
      { route: "login_.sso_.callback", path: "/login/sso/callback", status: 400 },
      { route: "forgot-password", path: "/forgot-password" },
      { route: "reset-password", path: "/reset-password" },
      { route: "$", path: "/no-such-page", status: 404 },
    ],
  },
  {
    who: "a buyer",
    email: "buyer@demo.test",
    pages: [
      { route: "workspace.events", path: "/workspace/events" },
      { route: "workspace.questions", path: "/workspace/questions" },
      { route: "workspace.contracts", path: "/workspace/contracts" },
      { route: "workspace.activity", path: "/workspace/activity" },
      { route: "events.new", path: "/events/new" },
      { route: "events.$eventId_.edit", path: `${RFI}/edit` },
      { route: "events.$eventId_.co-buyers", path: `${RFI}/co-buyers` },
      { route: "events.$eventId_.documents", path: `${RFI}/documents` },
      { route: "events.$eventId_.questionnaire", path: `${RFI}/questionnaire` },
      { route: "events.$eventId_.team", path: `${RFI}/team` },
      { route: "events.$eventId_.responses", path: `${RFI}/responses` },
      { route: "events.$eventId_.responses_.$responseId", path: { from: `${RFI}/responses`, link: linkTo(`${RFI}/responses/${ID}`) } },
      { route: "events.$eventId_.responses_.compare", path: `${RFI}/responses/compare` },
      { route: "effort-requests.new", path: "/effort-requests/new" },
      { route: "contracts.new", path: "/contracts/new" },
      { route: "contracts.$contractId", path: { from: "/workspace/contracts", link: linkTo(`/contracts/${ID}`) } },
      { route: "consultations.new", path: "/consultations/new" },
      { route: "requests._index", path: "/requests" },
      { route: "requests.$id", path: { from: "/requests", link: linkTo(`/requests/${ID}`) } },
      { route: "interactions._index", path: "/interactions" },
      { route: "interactions.new", path: "/interactions/new" },
      { route: "interactions.$id", path: { from: "/interactions", link: linkTo(`/interactions/${ID}`) } },
      { route: "follow-ups", path: "/follow-ups" },
      { route: "organisation._index", path: "/organisation" },
      { route: "organisation.members", path: "/organisation/members" },
      { route: "organisation.audit", path: "/organisation/audit" },
      { route: "organisation.security", path: "/organisation/security" },
      { route: "organisation.sessions", path: "/organisation/sessions" },
      { route: "organisation.single-sign-on", path: "/organisation/single-sign-on" },
      { route: "settings", path: "/settings" },
      { route: "settings_.single-sign-on", path: "/settings/single-sign-on" },
      { route: "settings_.two-factor", path: "/settings/two-factor" },
    ],
  },
  {
    who: "a vendor",
    email: "vendor@demo.test",
    pages: [
      { route: "workspace.participation", path: "/workspace/participation" },
      { route: "watches._index", path: "/watches" },
      { route: "relationships._index", path: "/relationships" },
      { route: "relationships.$counterpart", path: "/relationships/bergvik-kommune" },
      { route: "events.$eventId_.response", path: `${RFI}/response` },
      { route: "events.$eventId_.investment", path: `${PILOT_ENDED}/investment` },
      { route: "organisation.answer-profile", path: "/organisation/answer-profile" },
      { route: "organisation.standards", path: "/organisation/standards" },
      { route: "organisations.new", path: "/organisations/new" },
      { route: "requests.new", path: "/requests/new" },
      { route: "reports._index", path: "/reports" },
      { route: "reports.new", path: "/reports/new" },
    ],
  },
  {
    who: "an operator",
    email: "admin@demo.test",
    pages: [
      { route: "admin.organisations", path: "/admin/organisations" },
      { route: "admin.audit", path: "/admin/audit" },
      { route: "admin.outbox", path: "/admin/outbox" },
      { route: "admin.outbox_.$id", path: { from: "/admin/outbox", link: linkTo(`/admin/outbox/${ID}`) } },
      { route: "admin.conduct", path: "/admin/conduct" },
      { route: "admin.interaction-chains", path: "/admin/interaction-chains" },
      { route: "admin.reports", path: "/admin/reports" },
    ],
  },
];

/**
 * Pages the sweep reaches by doing what a person does first (tests/e2e/phone-width.test.ts,
 * "pages reached by a flow"), each with what that is.
 */
export const SWEPT_BY_FLOW: Record<string, string> = {
  "login_.code": "the second step of the demo operator's sign-in (authenticator code)",
  "reports.$id": "a protected report the demo vendor files, as the vendor",
  "admin.reports_.$id": "the same report, as the operator",
  "effort-requests.$id": "an effort request the demo buyer sends and the vendor answers (tests/e2e/effort-request.test.ts; the demo data has none)",
  "effort-requests.$id_.documents": "the same request's documents, as the buyer",
  "effort-requests.$id_.response": "the vendor's written response to that request",
  "effort-requests.$id_.responses": "the responses to that request, as the buyer",
  "effort-requests.$id_.responses_.$responseId": "the vendor's response, as the buyer",
};

/** Page routes the sweep cannot open as a plain page, and why. */
export const NOT_SWEPT: Record<string, string> = {
  "invitations.$token": "needs the token from an invitation e-mail (the onboarding test opens one)",
  "unsubscribe.$token": "needs the token from a digest e-mail (tests/integration/watches.test.ts opens one)",
  "verify-email": "needs the token from a verification e-mail; without one it redirects (the accounts test opens one)",
};
