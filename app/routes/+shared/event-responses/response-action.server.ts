import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { db } from "@db/db.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { forbidden, requireMemberFor } from "~/auth/guards.server";
import { submittedValues } from "~/domain/form-entries";
import { fieldErrors } from "~/domain/problems";
import type { QuestionnaireItem } from "~/domain/questionnaire";
import { MAX_FILE_BYTES } from "~/domain/uploads";
import { FAILURE_STATUS } from "~/http/failure-status";
import { readUploadForm } from "~/http/multipart.server";
import { notFound } from "~/http/responses.server";
import { saveResponseTo, type ResponseSubject } from "~/models/event-responses.server";
import { responseFormOf } from "./response-form.server";

// The vendor's response form posted, to an event or an effort request: read the multipart body
// (413 over the limit), act for the vendor organisation named, save or submit, and answer with the
// page again (`pageUrl`, with what happened) or the problems by their fields.

/** The vendor organisation a member acts for (`organisationId`, else the active one). */
export const responseVendorOf = (args: LoaderFunctionArgs | ActionFunctionArgs, organisationId: unknown) => requireMemberFor(args, organisationId, { kind: "vendor" });

export async function responseAction(args: ActionFunctionArgs, subject: ResponseSubject, pageUrl: string, questionnaire: readonly QuestionnaireItem[] = []) {
  const read = await readUploadForm(args.request, MAX_FILE_BYTES);
  if (!read.ok) {
    await responseVendorOf(args, null);
    return json({ values: {}, errors: { file: [read.reason] } }, { status: 413 });
  }
  const form = read.form;
  const member = await responseVendorOf(args, form.get("organisationId"));
  const values = submittedValues(form);
  const parsed = await responseFormOf(form, questionnaire);
  if (!parsed.ok) return json({ values, errors: fieldErrors(parsed.problems) }, { status: 400 });
  const result = await saveResponseTo(db(), member.user, member.organisation.id, subject, parsed.change, { baseUrl: publicBaseUrl() });
  if (result.ok) {
    const notice = result.value.status === "submitted" ? "submitted" : "saved";
    return redirect(`${pageUrl}?organisationId=${member.organisation.id}&${notice}=${result.value.version}`);
  }
  if (result.reason === "not_found") notFound();
  if (result.reason === "forbidden" && result.problems.length === 0) forbidden(args.request);
  const tooLarge = result.problems.some((p) => p.code === "file_too_large");
  // A refusal of the whole response (the deadline, registration, a declined request) is said above the form, by its own code.
  const errors = fieldErrors(result.problems.map((p) => (p.path === "" ? { ...p, path: "form" } : p)));
  return json({ values, errors }, { status: tooLarge ? 413 : FAILURE_STATUS[result.reason] });
}
