import type { Db } from "@db/client";
import { isUuid } from "~/domain/ids";
import { effortResponseRefusal, responseReader, type ResponseReader } from "~/domain/responses";
import { fail, ok, type Result } from "~/domain/result";
import type { ActingUser } from "./event-access.server";
import { apiResponsesOf, ownResponse, requestTeamOf, responseForBuyer, responsesWithoutSecrets, type ApiResponses, type BuyerResponseView, type OwnResponse, type ResponseSubject } from "./event-responses.server";

// Vendors' responses to an effort request (issue 17, ADR 0036): the same responses as to an RFI
// (versions, documents, secret marks, the read log, app/models/event-responses.server.ts), with
// the effort request as what is answered. The vendors it was sent to respond; the buyer's members
// read them, its team (the sender with the event's team or the admins) the secret parts; anyone
// else does not learn that the request exists (404).

/** The effort request as the response pages show it. */
export interface ResponseRequest {
  id: string;
  title: string;
  buyerId: string;
  buyerName: string;
  deadline: Date;
  eventId: string | null;
  requestedBy: string | null;
}

const subjectOf = (requestId: string): ResponseSubject => ({ kind: "effort_request", id: requestId });

async function requestOf(db: Db, requestId: string): Promise<ResponseRequest | undefined> {
  if (!isUuid(requestId)) return undefined;
  return db
    .selectFrom("effortRequests as q")
    .innerJoin("organisations as o", "o.id", "q.buyerId")
    .select(["q.id", "q.title", "q.buyerId", "o.name as buyerName", "q.deadline", "q.eventId", "q.requestedBy"])
    .where("q.id", "=", requestId)
    .executeTakeFirst();
}

export interface VendorRequestResponsePage {
  request: ResponseRequest;
  /** Why a response cannot be saved now (`response_deadline_passed`, `request_declined`), or null. */
  refusal: string | null;
  response: OwnResponse | null;
}

/** The vendor organisation's response to an effort request sent to it; undefined (404) for a request it was not sent. */
export async function vendorRequestResponsePage(db: Db, organisationId: string, requestId: string, now = new Date()): Promise<VendorRequestResponsePage | undefined> {
  const request = await requestOf(db, requestId);
  if (!request) return undefined;
  const recipient = await db.selectFrom("effortRequestRecipients").select("status").where("requestId", "=", request.id).where("organisationId", "=", organisationId).executeTakeFirst();
  if (!recipient) return undefined;
  return { request, refusal: effortResponseRefusal(request, recipient, now)?.problem.code ?? null, response: await ownResponse(db, subjectOf(request.id), organisationId) };
}

/** How a member of the request's buyer reads its responses (the team or not); not found for anyone else. */
async function buyerReaderOf(db: Db, user: ActingUser, requestId: string): Promise<Result<{ request: ResponseRequest; reader: ResponseReader }>> {
  const request = await requestOf(db, requestId);
  if (!request) return fail("not_found");
  const member = await db.selectFrom("memberships").select("role").where("userId", "=", user.id).where("organisationId", "=", request.buyerId).executeTakeFirst();
  // The request is not public: outside the buyer it does not exist (404).
  if (!member) return fail("not_found");
  const team = (await requestTeamOf(db, request)).includes(user.id);
  return ok({ request, reader: responseReader({ vendorMember: false, buyerMember: true, teamMember: team }) });
}

/** The submitted responses to the request for a member of its buyer: the latest of each vendor, secret parts left out (read one at a time). */
export async function buyerRequestResponses(db: Db, user: ActingUser, requestId: string): Promise<Result<{ request: ResponseRequest; isTeam: boolean; responses: BuyerResponseView[] }>> {
  const member = await buyerReaderOf(db, user, requestId);
  if (!member.ok) return member;
  const { request, reader } = member.value;
  return ok({ request, isTeam: reader === "team", responses: await responsesWithoutSecrets(db, subjectOf(request.id)) });
}

/** One vendor's response to the request for a member of its buyer: the team reads secrets (logged), another member is refused a wholly secret one (403, logged). */
export async function buyerRequestResponse(db: Db, user: ActingUser, requestId: string, responseId: string): Promise<Result<{ request: ResponseRequest; isTeam: boolean; response: BuyerResponseView }>> {
  if (!isUuid(responseId)) return fail("not_found");
  const member = await buyerReaderOf(db, user, requestId);
  if (!member.ok) return member;
  const { request, reader } = member.value;
  const read = await responseForBuyer(db, user, subjectOf(request.id), reader, responseId);
  return read.ok ? ok({ request, isTeam: reader === "team", response: read.value }) : read;
}

/**
 * Responses to the request over the API: a member of its buyer gets every submitted response (secrets
 * for the request's team, each read logged); a member of a vendor it was sent to, its own (drafts too);
 * anyone else does not learn that the request exists (404).
 */
export async function apiRequestResponses(db: Db, user: ActingUser, requestId: string): Promise<Result<ApiResponses>> {
  const request = await requestOf(db, requestId);
  if (!request) return fail("not_found");
  return apiResponsesOf(db, user, subjectOf(request.id), {
    buyerId: request.buyerId,
    team: () => requestTeamOf(db, request),
    seenByVendors: async () =>
      (await db
        .selectFrom("effortRequestRecipients as r")
        .innerJoin("memberships as m", "m.organisationId", "r.organisationId")
        .select("r.organisationId")
        .where("r.requestId", "=", request.id)
        .where("m.userId", "=", user.id)
        .executeTakeFirst()) !== undefined,
  });
}

/** How many vendors have submitted a response to the request (the request page's link to them). */
export async function submittedResponseCount(db: Db, requestId: string): Promise<number> {
  if (!isUuid(requestId)) return 0;
  const row = await db
    .selectFrom("eventResponses as r")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("r.effortRequestId", "=", requestId)
    .where((eb) => eb.exists(eb.selectFrom("eventResponseVersions as v").select("v.id").whereRef("v.responseId", "=", "r.id").where("v.status", "=", "submitted")))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
