import type { Db } from "@db/client";
import type { EmailMessage } from "./messages";

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function plain(message: EmailMessage): { subject: string; text: string } {
  const d = message.data as Record<string, string>;
  return { subject: `Markedsdialog: ${message.template}`, text: Object.entries(d).map(([k, v]) => `${k}: ${v}`).join("\n") };
}

/**
 * Writes a message to the outbox. Call it with the transaction that makes the
 * change the message is about: the mail exists exactly when the change does.
 */
export async function enqueueEmail(db: Db, message: EmailMessage): Promise<string> {
  const { subject, text } = plain(message);
  const row = await db
    .insertInto("outbox")
    .values({
      template: message.template,
      toAddress: message.to,
      language: message.language,
      subject,
      text,
      html: `<pre>${escapeHtml(text)}</pre>`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
