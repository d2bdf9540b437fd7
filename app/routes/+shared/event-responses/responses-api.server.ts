import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { publicBaseUrl } from "~/http/public-url.server";
import { requireMemberFor, requireVerifiedUser } from "~/auth/guards.server";
import { ResponseApiSchema } from "~/domain/responses";
import type { QuestionnaireItem } from "~/domain/questionnaire";
import type { Result } from "~/domain/result";
import { MAX_FILE_BYTES } from "~/domain/uploads";
import { failureResponse, methodNotAllowed, parseJsonBody, problemsResponse } from "~/http/api-problems.server";
import { readUploadForm } from "~/http/multipart.server";
import type { ActingUser } from "~/models/event-access.server";
import { saveResponseTo, type ApiResponses, type ResponseChange, type ResponseSubject } from "~/models/event-responses.server";
import { responseFormOf } from "./response-form.server";
import { responseDocumentUrl } from "./response-parts";

// The responses API of a subject (issue 17, ADR 0036): `GET` and `POST /api/v1/events/{id}/responses`
// and `/api/v1/effort-requests/{id}/responses` are this one code, given what the subject is.

/** GET: the buyer's members every submitted response (secrets for the team, each read logged); a vendor's members their own, drafts too. */
export async function responsesApiLoader(args: LoaderFunctionArgs, load: (user: ActingUser) => Promise<Result<ApiResponses>>) {
  const user = requireVerifiedUser(args);
  const result = await load(user);
  if (!result.ok) return failureResponse(result, user.language);
  const withUrls = <D extends { id: string }>(responseId: string, documents: D[]) => documents.map((d) => ({ ...d, url: responseDocumentUrl(responseId, d.id) }));
  if (result.value.role === "buyer") {
    return json({ role: "buyer", items: result.value.items.map((r) => ({ ...r, documents: withUrls(r.id, r.documents) })) });
  }
  return json({ role: "vendor", items: result.value.items.map((r) => ({ ...r, versions: r.versions.map((v) => ({ ...v, documents: withUrls(r.id, v.documents) })) })) });
}

/** The change a request asks for: multipart (the form's fields and one file) or JSON (documents by upload id). */
async function changeOf(request: Request, language: "nb" | "en", questionnaire: QuestionnaireItem[]): Promise<{ ok: true; change: ResponseChange; organisationId: unknown } | { ok: false; response: Response }> {
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    let read: Awaited<ReturnType<typeof readUploadForm>>;
    try {
      read = await readUploadForm(request, MAX_FILE_BYTES);
    } catch (refusal) {
      if (!(refusal instanceof Response)) throw refusal;
      return { ok: false, response: problemsResponse(refusal.status === 413 ? 413 : 400, [{ path: refusal.status === 413 ? "file" : "", code: refusal.status === 413 ? "file_too_large" : "invalid_value" }], language) };
    }
    if (!read.ok) return { ok: false, response: problemsResponse(413, [{ path: "file", code: read.reason }], language) };
    const parsed = await responseFormOf(read.form, questionnaire);
    if (!parsed.ok) return { ok: false, response: problemsResponse(400, parsed.problems, language) };
    return { ok: true, change: parsed.change, organisationId: read.form.get("organisationId") };
  }
  const body = await parseJsonBody(request, ResponseApiSchema.extend({ organisationId: ResponseApiSchema.shape.text.optional() }), language);
  if (!body.ok) return body;
  const { submit, documents, removeDocuments, organisationId, answers, saveToProfile, ...input } = body.value;
  return {
    ok: true,
    organisationId: organisationId || undefined,
    change: { input, uploads: [], attach: documents.map((d) => ({ fileId: d.uploadId, confidential: d.confidential, confidentialReason: d.confidentialReason ?? null })), removeDocuments, submit, ...(answers ? { answers, saveToProfile } : {}) },
  };
}

/**
 * POST: the caller's vendor organisation (or `organisationId`) saves its draft or submits it (`submit`)
 * before the subject's deadline: 201 with the version and the vendor's response page (`url`).
 */
export async function responsesApiAction(args: ActionFunctionArgs, subject: ResponseSubject, questionnaire: () => Promise<QuestionnaireItem[]>, url: string) {
  if (args.request.method !== "POST") return methodNotAllowed("GET, POST");
  const user = requireVerifiedUser(args);
  const changed = await changeOf(args.request, user.language, await questionnaire());
  if (!changed.ok) return changed.response;
  const member = await requireMemberFor(args, changed.organisationId, { kind: "vendor" });
  const result = await saveResponseTo(db(), member.user, member.organisation.id, subject, changed.change, { baseUrl: publicBaseUrl() });
  if (!result.ok) return result.problems.some((p) => p.code === "file_too_large") ? problemsResponse(413, result.problems, user.language) : failureResponse(result, user.language);
  return json({ id: result.value.responseId, version: result.value.version, status: result.value.status, url }, { status: 201 });
}
