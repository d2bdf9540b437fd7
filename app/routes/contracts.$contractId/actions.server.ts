import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { normaliseText } from "~/domain/input-text";
import type { SubmissionResult } from "@conform-to/react";
import { db } from "@db/db.server";
import { forbidden } from "~/auth/guards.server";
import { fieldErrors } from "~/domain/problems";
import type { Failure } from "~/domain/result";
import type { ContractParty } from "~/models/contract-reads.server";
import { decideOption, importCallOffs, previewCallOffImport, recordCallOff, respondToCallOff } from "~/models/contracts.server";
import { CALL_OFF_IMPORT_MAX_LENGTH } from "~/domain/call-off-import";
import { notFound } from "~/http/responses.server";
import { FAILURE_STATUS } from "~/http/failure-status";
import { IMPORT_FORM } from "./call-off-import";
import { parseCallOff, parseImport, parseOptionDecision, parseResponse } from "./contract-forms-input";

// The contract page's intents: the buyer records a quarter's call-offs (call-off) and decides
// an option (option); a vendor on the contract answers a quarter (respond). Anyone else: 403.

const reply = (form: string, result: SubmissionResult<string[]>, status = 400) => json({ form, result }, { status });

function refused(failure: Failure, request: Request) {
  if (failure.reason === "not_found") notFound();
  if (failure.reason === "forbidden") forbidden(request);
  return { fieldErrors: fieldErrors(failure), status: FAILURE_STATUS[failure.reason] };
}

export async function contractAction(args: ActionFunctionArgs, userId: string, contractId: string, party: ContractParty, formData: FormData) {
  const intent = formData.get("intent");
  const done = (what: string) => redirect(`/contracts/${contractId}?saved=${what}`);
  if (intent === "call-off") {
    if (party !== "buyer") forbidden(args.request);
    const submission = parseCallOff(formData);
    if (submission.status !== "success") return reply("call-off", submission.reply());
    const result = await recordCallOff(db(), userId, contractId, submission.value);
    if (!result.ok) {
      const { fieldErrors: errors, status } = refused(result, args.request);
      return reply("call-off", submission.reply({ fieldErrors: errors }), status);
    }
    return done("call-off");
  }
  if (intent === "import-preview" || intent === "import") {
    if (party !== "buyer") forbidden(args.request);
    return importAction(args, userId, contractId, formData, intent);
  }
  if (intent === "respond") {
    if (party !== "vendor") forbidden(args.request);
    const quarter = String(formData.get("quarter") ?? "");
    const form = `respond-${quarter}`;
    const submission = parseResponse(formData);
    if (submission.status !== "success") return reply(form, submission.reply());
    const result = await respondToCallOff(db(), userId, contractId, quarter, submission.value);
    if (!result.ok) {
      const { fieldErrors: errors, status } = refused(result, args.request);
      return reply(form, submission.reply({ fieldErrors: errors }), status);
    }
    return done("answered");
  }
  if (intent === "option") {
    if (party !== "buyer") forbidden(args.request);
    const number = Number(formData.get("number"));
    if (!Number.isInteger(number) || number < 1 || number > 100) notFound();
    const form = `option-${number}`;
    const submission = parseOptionDecision(formData);
    if (submission.status !== "success") return reply(form, submission.reply());
    const result = await decideOption(db(), userId, contractId, number, submission.value);
    if (!result.ok) {
      const { fieldErrors: errors, status } = refused(result, args.request);
      return reply(form, submission.reply({ fieldErrors: errors }), status);
    }
    return done("option");
  }
  throw new Response(null, { status: 400, statusText: "Bad Request" });
}

/** An uploaded file's text; a file far beyond the limit is not read at all. */
async function uploadedText(formData: FormData): Promise<string | null | "too_long"> {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return null;
  if (file.size > CALL_OFF_IMPORT_MAX_LENGTH * 4) return "too_long";
  return normaliseText(await file.text());
}

async function importAction(args: ActionFunctionArgs, userId: string, contractId: string, formData: FormData, intent: "import-preview" | "import") {
  const fileText = await uploadedText(formData);
  const submission = parseImport(formData, fileText === "too_long" ? null : fileText);
  if (fileText === "too_long") return json({ form: IMPORT_FORM, result: submission.reply({ fieldErrors: { csv: ["too_long"] } }) }, { status: 400 });
  if (submission.status !== "success") return json({ form: IMPORT_FORM, result: submission.reply() }, { status: 400 });
  const csv = submission.value.csv ?? "";
  if (intent === "import") {
    const result = await importCallOffs(db(), userId, contractId, csv);
    if (result.ok) return redirect(`/contracts/${contractId}?saved=imported&count=${result.value.count}`);
    if (result.reason !== "refused") {
      const { fieldErrors: errors, status } = refused(result, args.request);
      return json({ form: IMPORT_FORM, result: submission.reply({ fieldErrors: errors }) }, { status });
    }
  }
  // The preview, and an import refused because the contract changed since it: every row with its problems.
  const preview = await previewCallOffImport(db(), userId, contractId, csv);
  if (!preview.ok) {
    const { fieldErrors: errors, status } = refused(preview, args.request);
    return json({ form: IMPORT_FORM, result: submission.reply({ fieldErrors: errors }) }, { status });
  }
  return json({ form: IMPORT_FORM, result: submission.reply(), preview: { csv, rows: preview.value.rows } }, { status: intent === "import" ? 422 : 200 });
}
