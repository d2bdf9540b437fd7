import { z } from "zod";
import type { AmendmentChange } from "./amendments";
import { choice, optionalText, text } from "./input-fields";
import { isBlank, type Problem } from "./problems";

// Documents a buyer attaches to an event (issue 17): what kind, which version, what changed.
// forutsigbarhet: a new version of a published event's document is an amendment, so vendors
// who planned around the first version hear of the second, and why it came.

export const EVENT_DOCUMENT_TYPES = ["questionnaire", "needs_description", "draft_tender_documents", "presentation", "minutes"] as const;
export type EventDocumentType = (typeof EVENT_DOCUMENT_TYPES)[number];

export const DOCUMENT_TITLE_MAX = 200;
export const CHANGE_NOTE_MAX = 2000;

/** The form's and the API's fields beside the file; `replaces`: the document a new version follows. */
export const EventDocumentSchema = z.strictObject({
  documentType: choice(EVENT_DOCUMENT_TYPES),
  title: text(DOCUMENT_TITLE_MAX).refine((v) => !isBlank(v), "required"),
  changeNote: optionalText(CHANGE_NOTE_MAX),
  replaces: z.guid({ error: "invalid_value" }).optional(),
});
export type EventDocumentInput = z.infer<typeof EventDocumentSchema>;

/** A new version says what changed; the first version needs no note. */
export function documentVersionProblems(input: { replaces?: string; changeNote?: string | null }): Problem[] {
  return input.replaces !== undefined && isBlank(input.changeNote) ? [{ path: "changeNote", code: "change_note_required" }] : [];
}

/** A document version as the change log names it: "Spørreskjema · v2 · skjema.pdf". */
export const documentLabel = (d: { title: string; version: number; fileName: string }) => `${d.title} · v${d.version} · ${d.fileName}`;

/** The amendment a new version makes: the document's kind as the field, the versions before and after. */
export function documentAmendment(type: EventDocumentType, before: Parameters<typeof documentLabel>[0], after: Parameters<typeof documentLabel>[0]): AmendmentChange {
  return { field: `documents.${type}`, before: documentLabel(before), after: documentLabel(after) };
}
