import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireMemberForForm, type GuardArgs } from "~/auth/guards.server";
import { fieldErrors } from "~/domain/problems";
import { ContactSchema, FollowUpSchema, NoteSchema, parseIntent, RowSchema } from "~/domain/relationships";
import { readFormData } from "~/http/form-data.server";
import { notFound } from "~/http/responses.server";
import { safeRedirectPath } from "~/http/safe-redirect";
import { findCounterpart } from "~/models/relationships.server";
import { deleteRecord, saveContact, saveFollowUp, saveNote, toggleFollowUp, type Saved } from "~/models/relationship-records.server";

// The relationship page's own records (notes, follow-ups, contacts): what the page's forms
// post, and the notices it shows after a change.

export const NOTICES = [
  "notes.added",
  "notes.updated",
  "notes.deleted",
  "followUps.added",
  "followUps.updated",
  "followUps.deleted",
  "followUps.toggled",
  "contacts.added",
  "contacts.updated",
  "contacts.deleted",
] as const;

/** The counterpart, seen from my organisation; my own organisation has no page here. */
export async function counterpartFor(args: GuardArgs & { params: { counterpart?: string } }, organisationId: string) {
  const counterpart = await findCounterpart(db(), organisationId, args.params.counterpart ?? "");
  if (!counterpart) notFound();
  return counterpart;
}

function reply(form: string, result: SubmissionResult<string[]>, status = 400) {
  return json({ form, result }, { status });
}

export async function recordAction(args: ActionFunctionArgs) {
  const formData = await readFormData(args.request);
  const member = await requireMemberForForm(args, formData);
  const counterpart = await counterpartFor(args, member.organisation.id);
  const scope = { organisationId: member.organisation.id, counterpartId: counterpart.id };
  const intent = parseIntent(formData.get("intent"));
  const back = (notice: (typeof NOTICES)[number], anchor: string) => {
    const returnTo = safeRedirectPath(formData.get("returnTo"), "");
    return redirect(returnTo || `/relationships/${counterpart.slug}?notice=${notice}#${anchor}`);
  };
  const done = (saved: Saved, notice: (typeof NOTICES)[number], anchor: string) => {
    if (!saved.ok) notFound();
    return back(notice, anchor);
  };
  const rowId = () => {
    const row = parseWithZod(formData, { schema: RowSchema });
    if (row.status !== "success") notFound();
    return row.value.id;
  };

  switch (intent) {
    case "add-note":
    case "edit-note": {
      const id = intent === "edit-note" ? rowId() : undefined;
      const form = id ? `edit-note-${id}` : "add-note";
      const submission = parseWithZod(formData, { schema: NoteSchema });
      if (submission.status !== "success") return reply(form, submission.reply());
      return done(await saveNote(db(), { ...scope, authorId: member.user.id }, { id, ...submission.value }), id ? "notes.updated" : "notes.added", "notes");
    }
    case "add-follow-up":
    case "edit-follow-up": {
      const id = intent === "edit-follow-up" ? rowId() : undefined;
      const form = id ? `edit-follow-up-${id}` : "add-follow-up";
      const submission = parseWithZod(formData, { schema: FollowUpSchema });
      if (submission.status !== "success") return reply(form, submission.reply());
      const saved = await saveFollowUp(db(), { ...scope, userId: member.user.id }, { id, ...submission.value });
      if (!saved.ok && saved.reason === "invalid") return reply(form, submission.reply({ fieldErrors: fieldErrors(saved) }));
      return done(saved, id ? "followUps.updated" : "followUps.added", "follow-ups");
    }
    case "toggle-follow-up":
      return done(await toggleFollowUp(db(), scope, rowId()), "followUps.toggled", "follow-ups");
    case "add-contact":
    case "edit-contact": {
      const id = intent === "edit-contact" ? rowId() : undefined;
      const form = id ? `edit-contact-${id}` : "add-contact";
      const submission = parseWithZod(formData, { schema: ContactSchema });
      if (submission.status !== "success") return reply(form, submission.reply());
      return done(await saveContact(db(), { ...scope, userId: member.user.id }, { id, ...submission.value }), id ? "contacts.updated" : "contacts.added", "contacts");
    }
    case "delete-note":
      return done(await deleteRecord(db(), scope, "note", rowId()), "notes.deleted", "notes");
    case "delete-follow-up":
      return done(await deleteRecord(db(), scope, "followUp", rowId()), "followUps.deleted", "follow-ups");
    case "delete-contact":
      return done(await deleteRecord(db(), scope, "contact", rowId()), "contacts.deleted", "contacts");
    default:
      throw new Response(null, { status: 400 });
  }
}
