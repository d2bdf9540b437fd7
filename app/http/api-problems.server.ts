import { json } from "@remix-run/node";
import type { ZodError } from "zod";
import { inputProblems } from "~/domain/event-input";
import { normaliseJson } from "~/domain/input-text";
import { problemsOfFields, type Problem } from "~/domain/problems";
import { createI18n } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { problemKeys } from "~/i18n/problem-keys";
import type { Language } from "~/i18n/resources";
import type { Failure } from "~/domain/result";
import { FAILURE_STATUS } from "./failure-status";
import { JSON_BODY_LIMIT, limitInWords, readBodyBytes } from "./body-limit.server";
import type { GuardArgs } from "~/auth/guards.server";

// JSON answers for the API: each problem keeps its machine code and field path, and
// gains a sentence in the caller's language (and, for a publishing rule, the principle).

export interface ApiError {
  path: string;
  code: string;
  message: string;
  principle?: string;
}

/** The token owner's language; for anonymous callers the language cookie, else bokmål. */
export async function apiLanguage({ request, context }: GuardArgs): Promise<Language> {
  return context.auth?.user.language ?? (await getLanguage(request));
}

/** Problems in words; a refusal by the publishing rules (`withPrinciples`) also says which principle it serves. */
export function describeProblems(problems: Problem[], language: Language, { withPrinciples = false } = {}): ApiError[] {
  const i18n = createI18n(language);
  return problems.map(({ path, code }) => {
    const message = i18n.t(problemKeys(code));
    const principleKey = `events:principles.${code}`;
    return withPrinciples && i18n.exists(principleKey)
      ? { path, code, message, principle: i18n.t(principleKey) }
      : { path, code, message };
  });
}

export function problemsResponse(status: number, problems: Problem[], language: Language) {
  return json({ errors: describeProblems(problems, language, { withPrinciples: status === 422 }) }, { status });
}

/** A model's refusal as the HTTP answer REST clients expect. */
export function failureResponse(failure: Failure, language: Language) {
  if (failure.reason === "not_found") return json({ error: "not_found" }, { status: 404 });
  if (failure.reason === "forbidden" && failure.problems.length === 0) return json({ error: "forbidden" }, { status: 403 });
  return problemsResponse(FAILURE_STATUS[failure.reason], failure.problems, language);
}

/** The request body as JSON with every string in it normalised (app/domain/input-text.ts); not JSON at all, or more than JSON_BODY_LIMIT bytes (not read further). */
export async function readJsonBody(
  request: Request,
  /** `optional`: an empty body reads as `{}` (a POST whose body only adds to it, e.g. publish). */
  { optional = false }: { optional?: boolean } = {},
): Promise<{ ok: true; body: unknown } | { ok: false; reason: "invalid_json" | "too_large" }> {
  const bytes = await readBodyBytes(request, JSON_BODY_LIMIT);
  if (!bytes.ok) return { ok: false, reason: "too_large" };
  if (optional && bytes.bytes.length === 0) return { ok: true, body: {} };
  try {
    return { ok: true, body: normaliseJson(JSON.parse(new TextDecoder().decode(bytes.bytes))) };
  } catch {
    return { ok: false, reason: "invalid_json" };
  }
}

export const invalidJson = (language: Language) => problemsResponse(400, [{ path: "", code: "invalid_json" }], language);

/** 413 in the API's problem shape: the body passed JSON_BODY_LIMIT. */
export function tooLargeBody(language: Language) {
  const message = createI18n(language).t("errors:tooLargeJson", { limit: limitInWords(JSON_BODY_LIMIT) });
  return json({ errors: [{ path: "", code: "too_large", message }] }, { status: 413 });
}

/** The answer to a body that could not be read as JSON. */
export const unreadableJson = (reason: "invalid_json" | "too_large", language: Language) => (reason === "too_large" ? tooLargeBody(language) : invalidJson(language));

export const methodNotAllowed = (allow: string) =>
  json({ error: "method_not_allowed" }, { status: 405, headers: { Allow: allow } });

/** A form-style map of field → codes as the API's 400 answer, in the same shape as every other API error. */
export function fieldErrorsResponse(fieldErrors: Record<string, string[]>, language: Language) {
  return problemsResponse(400, problemsOfFields(fieldErrors), language);
}

/** The JSON body read through a schema: its value, or the 400 answer (not JSON, or fields wrong). */
export async function parseJsonBody<T>(
  request: Request,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: ZodError } },
  language: Language,
  defaults: Record<string, unknown> = {},
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const body = await readJsonBody(request);
  if (!body.ok) return { ok: false, response: unreadableJson(body.reason, language) };
  const raw = body.body !== null && typeof body.body === "object" && !Array.isArray(body.body) ? { ...defaults, ...body.body } : body.body;
  const input = schema.safeParse(raw);
  if (!input.success) return { ok: false, response: problemsResponse(400, inputProblems(input.error), language) };
  return { ok: true, value: input.data };
}
