import type { Db } from "@db/client";
import { costBenefitFieldName } from "~/domain/cost-benefit-form";
import { eventFormToInput } from "~/domain/event-form";
import { EventCreateSchema, EventPatchSchema, inputProblems } from "~/domain/event-input";
import type { Problem } from "~/domain/problems";
import { standardCodes } from "~/models/event-form-options.server";
import { createDraft, updateEvent } from "~/models/event-edits.server";
import { publishEvent } from "~/models/event-lifecycle.server";
import type { ActingUser, BuyerMember } from "~/models/event-access.server";
import { FAILURE_STATUS } from "~/http/failure-status";

// The guided form's submission, through the same schema, model and publishing rules
// as the JSON API. Field errors come back keyed by the form's field names.

export type FormIntent = "save" | "publish";

type RefusalStatus = 400 | 403 | 404 | 409 | 422;

export type FormOutcome =
  | { ok: true; id: string; intent: FormIntent; published: boolean; amended: boolean }
  | { ok: false; status: RefusalStatus; id: string | null; errors: Record<string, string[]>; problems: Problem[] };

/** A problem's path as the form names its field: list items point at their list (or the standard's row). */
function fieldName(path: string, standards: { code: string }[]): string {
  const parts = path.split(".");
  if (parts[0] === "standards" && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    const code = standards[Number(parts[1])]?.code;
    return code ? ["standards", code, parts[2] ?? "level"].join(".") : "standards";
  }
  // Each part of each acceptance criterion has a field of its own.
  if (parts[0] === "pilotPath" && parts[1] === "acceptanceCriteria" && parts.length === 4) return path;
  // … and so has each part of each funding row.
  if (parts[0] === "pilotPath" && parts[1] === "funding" && parts.length === 4) return path;
  // … and each row of the cost and benefit step.
  const costBenefit = costBenefitFieldName(path);
  if (costBenefit) return costBenefit;
  const index = parts.findIndex((p) => /^\d+$/.test(p));
  return index === -1 ? path : parts.slice(0, index).join(".");
}

export function errorsByField(problems: Problem[], standards: { code: string }[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const problem of problems) {
    const name = fieldName(problem.path, standards) || "form";
    errors[name] = [...new Set([...(errors[name] ?? []), problem.code])];
  }
  return errors;
}

export async function submitEventForm(
  db: Db,
  {
    actor,
    member,
    eventId,
    formData,
    now = new Date(),
    baseUrl,
  }: { actor: ActingUser; member: BuyerMember; eventId: string | null; formData: FormData; now?: Date; baseUrl: string },
): Promise<FormOutcome> {
  const intent: FormIntent = formData.get("intent") === "publish" ? "publish" : "save";
  const input = eventFormToInput(formData, await standardCodes(db));
  // The non-use undertaking is an act, not a declaration: given with this submission, never saved in a draft.
  const nonUseUndertaking = formData.get("nonUseUndertaking") === "yes";
  const refuse = (status: RefusalStatus, problems: Problem[], id: string | null): FormOutcome => ({
    ok: false as const,
    status,
    id,
    problems,
    errors: errorsByField(problems, input.standards),
  });

  let id = eventId;
  let amended = false;
  if (id === null) {
    const parsed = EventCreateSchema.safeParse(input);
    if (!parsed.success) return refuse(400, inputProblems(parsed.error), null);
    const created = await createDraft(db, member, parsed.data, { baseUrl });
    if (!created.ok) return refuse(FAILURE_STATUS[created.reason], created.problems, null);
    id = created.value.id;
  } else {
    const reason = formData.get("reason");
    const parsed = EventPatchSchema.safeParse({ ...input, reason: typeof reason === "string" ? reason : undefined });
    if (!parsed.success) return refuse(400, inputProblems(parsed.error), id);
    const { reason: why, ...fields } = parsed.data;
    const updated = await updateEvent(db, actor, id, fields, { reason: why ?? null, now, baseUrl, nonUseUndertaking });
    if (!updated.ok) return refuse(FAILURE_STATUS[updated.reason], updated.problems, id);
    amended = updated.value.amendment !== null;
    if (updated.value.status !== "draft") return { ok: true, id, intent, published: false, amended };
  }

  if (intent === "publish") {
    const published = await publishEvent(db, actor, id, { now, nonUseUndertaking });
    if (!published.ok) return refuse(FAILURE_STATUS[published.reason], published.problems, id);
    return { ok: true, id, intent, published: true, amended };
  }
  return { ok: true, id, intent, published: false, amended };
}
