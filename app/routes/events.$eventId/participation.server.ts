import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect } from "@remix-run/node";
import { db } from "@db/db.server";
import type { CurrentUser } from "~/auth/context.server";
import { forbidden, requireMemberForForm, requireVerifiedUser, type GuardArgs } from "~/auth/guards.server";
import { CONFIRM_REQUIRED, isConfirmed } from "~/domain/confirmation";
import { registrationOpen } from "~/domain/participation";
import { AnswerSchema, DeclineSchema, QuestionSchema, RegistrationSchema, RemoveRegistrationSchema } from "~/domain/participation-input";
import { actingMembership, getMembership } from "~/models/memberships.server";
import { answerQuestion, askQuestion, listAnswers, listOwnQuestions, listUnanswered } from "~/models/questions.server";
import { attendeeChoices, listParticipants, ownRegistration, participationCounts, participationFacts, sharedParticipants } from "~/models/registration-reads.server";
import { leaveEvent, registerForEvent } from "~/models/registrations.server";
import type { Failure } from "~/domain/result";
import { FAILURE_STATUS } from "~/http/failure-status";
import { publicBaseUrl } from "~/http/public-url.server";
import { invariantResponse, notFound } from "~/http/responses.server";

// The event page's participation part: what its loader adds, and the intents its action
// hands over (register, withdraw, decline, ask, answer, remove). Permissions live in the
// models; this file turns their answers into page data, form replies and redirects.

export const PARTICIPATION_INTENTS = ["register", "withdraw", "decline", "ask", "answer", "remove"] as const;
export type ParticipationIntent = (typeof PARTICIPATION_INTENTS)[number];
export const isParticipationIntent = (value: unknown): value is ParticipationIntent =>
  typeof value === "string" && (PARTICIPATION_INTENTS as readonly string[]).includes(value);

export const DONE = ["registered", "waitlisted", "withdrawn", "declined", "removed", "asked", "answered"] as const;

/** The person's active organisation (as the header shows it) when it sells. */
async function vendorOrganisation(user: CurrentUser) {
  const active = await actingMembership(db(), user);
  return active?.organisation.isVendor ? active.organisation : null;
}

export async function participationData(eventId: string, user: CurrentUser | null, now = new Date()) {
  const facts = await participationFacts(db(), eventId);
  if (!facts || facts.status === "draft") return null;
  const [counts, answers] = await Promise.all([participationCounts(db(), eventId), listAnswers(db(), eventId)]);
  const open = facts.status === "published" && registrationOpen(facts.registrationDeadline, now);
  const isBuyer = user ? (await getMembership(db(), user.id, facts.buyerId)) !== null : false;
  const vendorOrg = user && !isBuyer ? await vendorOrganisation(user) : null;
  let vendor = null;
  if (vendorOrg) {
    const [registration, members, questions] = await Promise.all([
      ownRegistration(db(), eventId, vendorOrg.id),
      attendeeChoices(db(), vendorOrg.id),
      listOwnQuestions(db(), vendorOrg.id, eventId),
    ]);
    const takesPart = registration?.status === "registered" || registration?.status === "waitlisted";
    vendor = {
      organisation: { id: vendorOrg.id, name: vendorOrg.name },
      registration,
      takesPart,
      members: members.map((m) => ({ id: m.id, name: m.name })),
      questions: questions.map((q) => ({ id: q.id, text: q.text, askedAt: q.askedAt, answered: q.answeredAt !== null })),
      others: registration?.status === "registered" ? await sharedParticipants(db(), eventId, vendorOrg.id) : null,
    };
  }
  const buyer = isBuyer
    ? {
        participants: (await listParticipants(db(), eventId)).map((p) => ({ ...p, attendees: p.attendees.map((a) => a.name) })),
        unanswered: await listUnanswered(db(), { buyerId: facts.buyerId, eventId }),
      }
    : null;
  return {
    counts,
    capacity: facts.capacity,
    attendeeLimit: facts.attendeeLimitPerVendor,
    published: facts.status === "published",
    open,
    signedIn: user !== null,
    vendor,
    buyer,
    answers,
  };
}

export type ParticipationForm = "register" | "withdraw" | "decline" | "ask" | "answer" | "remove";

function reply(form: ParticipationForm, result: unknown, status = 400, questionId: string | null = null) {
  return json({ form, result, questionId }, { status });
}

/** A model's refusal: 404 and 403 as responses, the rest as errors beside the field or above the form. */
function refusal(failure: Failure, request: Request, fields: string[]) {
  if (failure.reason === "not_found") notFound();
  if (failure.reason === "forbidden" && failure.problems.length === 0) forbidden(request);
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const { path, code } of failure.problems) {
    if (fields.includes(path)) (fieldErrors[path] ??= []).push(code);
    else formErrors.push(code);
  }
  return { fieldErrors, formErrors };
}

export async function participationAction(args: GuardArgs & { params: { eventId?: string } }, intent: ParticipationIntent, formData: FormData) {
  const eventId = args.params.eventId ?? "";
  const baseUrl = publicBaseUrl();
  const done = (what: (typeof DONE)[number]) => redirect(`/events/${eventId}?done=${what}`);

  if (intent === "register") {
    const member = await requireMemberForForm(args, formData, { kind: "vendor" });
    const submission = parseWithZod(formData, { schema: RegistrationSchema });
    if (submission.status !== "success") return reply("register", submission.reply());
    const result = await registerForEvent(db(), member, eventId, submission.value, { baseUrl });
    if (!result.ok) return reply("register", submission.reply(refusal(result, args.request, ["attendees"])), FAILURE_STATUS[result.reason]);
    return done(result.value.status);
  }
  if (intent === "decline") {
    const member = await requireMemberForForm(args, formData, { kind: "vendor" });
    const submission = parseWithZod(formData, { schema: DeclineSchema });
    if (submission.status !== "success") return reply("decline", submission.reply());
    const result = await leaveEvent(db(), member.user, eventId, member.organisation.id, { kind: "decline", reason: submission.value.reason }, { baseUrl });
    if (!result.ok) return reply("decline", submission.reply(refusal(result, args.request, [])), FAILURE_STATUS[result.reason]);
    return done("declined");
  }
  if (intent === "withdraw") {
    const member = await requireMemberForForm(args, formData, { kind: "vendor" });
    if (!isConfirmed(formData)) return reply("withdraw", { status: "error", error: { confirm: [CONFIRM_REQUIRED] } });
    const result = await leaveEvent(db(), member.user, eventId, member.organisation.id, { kind: "withdraw" }, { baseUrl });
    if (!result.ok) return reply("withdraw", { status: "error", error: { "": refusal(result, args.request, []).formErrors } }, FAILURE_STATUS[result.reason]);
    return done("withdrawn");
  }
  if (intent === "ask") {
    const member = await requireMemberForForm(args, formData, { kind: "vendor" });
    const submission = parseWithZod(formData, { schema: QuestionSchema });
    if (submission.status !== "success") return reply("ask", submission.reply());
    const result = await askQuestion(db(), member, eventId, submission.value.question, { baseUrl });
    if (!result.ok) return reply("ask", submission.reply(refusal(result, args.request, [])), FAILURE_STATUS[result.reason]);
    return done("asked");
  }
  // The buyer's intents: the models check that the person is a member of the event's buyer.
  const user = requireVerifiedUser(args);
  if (intent === "answer") {
    const questionId = formData.get("questionId");
    const submission = parseWithZod(formData, { schema: AnswerSchema });
    if (submission.status !== "success") return reply("answer", submission.reply(), 400, typeof questionId === "string" ? questionId : null);
    const result = await answerQuestion(db(), user, eventId, submission.value, { baseUrl });
    if (!result.ok) return reply("answer", submission.reply(refusal(result, args.request, ["question", "answer"])), FAILURE_STATUS[result.reason], submission.value.questionId);
    return done("answered");
  }
  const submission = parseWithZod(formData, { schema: RemoveRegistrationSchema });
  if (submission.status !== "success") throw new Response(null, { status: 400, statusText: "Bad Request" });
  const facts = await participationFacts(db(), eventId);
  if (!facts || facts.status === "draft") notFound();
  if (!(await getMembership(db(), user.id, facts.buyerId))) forbidden(args.request);
  const registration = (await listParticipants(db(), eventId)).find((p) => p.registrationId === submission.value.registrationId);
  invariantResponse(registration);
  const result = await leaveEvent(db(), user, eventId, registration.organisationId, { kind: "withdraw" }, { baseUrl });
  if (!result.ok) return reply("remove", { status: "error", error: { "": refusal(result, args.request, []).formErrors } }, FAILURE_STATUS[result.reason]);
  return done("removed");
}
