import type { SubmissionResult } from "@conform-to/react";
import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { publicBaseUrl } from "~/http/public-url.server";
import type { CurrentUser } from "~/auth/context.server";
import { forbidden } from "~/auth/guards.server";
import { closeEvent, recordOutcome } from "~/models/event-lifecycle.server";
import { CONFIRM_REQUIRED, isConfirmed } from "~/domain/confirmation";
import type { Failure } from "~/domain/result";
import { getMembership } from "~/models/memberships.server";
import { parseOutcome, type ManageForm } from "./outcome-input";
import { notFound } from "~/http/responses.server";

// The event page's manage intents: close (intent=close) and record the outcome
// (intent=outcome), for the buyer's members only.

function reply(form: ManageForm, result: SubmissionResult<string[]>, status = 400) {
  return json({ form, result }, { status });
}

/** A model's refusal, said beside the field it concerns or above the form. */
function refusal(failure: Failure, request: Request): { fieldErrors: Record<string, string[]>; formErrors: string[] } {
  if (failure.reason === "not_found") notFound();
  if (failure.reason === "forbidden") forbidden(request);
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const { path, code } of failure.problems) {
    if (path === "winningVendorId") (fieldErrors[path] ??= []).push(code);
    else formErrors.push(code);
  }
  return { fieldErrors, formErrors };
}

export async function manageAction(args: ActionFunctionArgs, user: CurrentUser, buyerId: string, intent: FormDataEntryValue | null, formData: FormData) {
  const id = args.params.eventId ?? "";
  if (!(await getMembership(db(), user.id, buyerId))) forbidden(args.request);

  if (intent === "close") {
    const closed = await closeEvent(db(), user, id, { baseUrl: publicBaseUrl(), confirmed: isConfirmed(formData) });
    if (!closed.ok) {
      return reply("close", { status: "error", error: { "": refusal(closed, args.request).formErrors } }, closed.reason === "conflict" ? 409 : 400);
    }
    return redirect(`/events/${id}?saved=closed`);
  }
  if (intent === "outcome") {
    const outcome = formData.get("outcome");
    const form: ManageForm = outcome === "procured" || outcome === "not_procured" || outcome === "withdrawn" ? outcome : "procured";
    const submission = parseOutcome(formData);
    if (submission.status !== "success") return reply(form, submission.reply());
    // Withdrawing ends the dialogue for everyone taking part: it asks for the ticked box.
    if (submission.value.outcome === "withdrawn" && !isConfirmed(formData)) return reply(form, submission.reply({ fieldErrors: { confirm: [CONFIRM_REQUIRED] } }));
    const recorded = await recordOutcome(db(), user, id, submission.value, { baseUrl: publicBaseUrl() });
    if (!recorded.ok) return reply(form, submission.reply(refusal(recorded, args.request)), recorded.reason === "conflict" ? 409 : 400);
    return redirect(`/events/${id}?saved=outcome`);
  }
  throw new Response(null, { status: 400, statusText: "Bad Request" });
}
