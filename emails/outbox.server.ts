import { sql } from "kysely";
import type { Db } from "@db/client";
import type { OutboxAttachment } from "@db/schema";
import type { EmailAttachment, EmailMessage } from "./messages";
import { renderEmail } from "./render.server";

function encodeAttachment(attachment: EmailAttachment): OutboxAttachment {
  const bytes = typeof attachment.content === "string" ? Buffer.from(attachment.content, "utf8") : Buffer.from(attachment.content);
  return { filename: attachment.filename, contentType: attachment.contentType, content: bytes.toString("base64") };
}

/**
 * Renders a message and writes it to the outbox. Call it with the transaction
 * that makes the change the message is about: the mail exists exactly when the
 * change does, and the outbox worker (sender.server.ts) delivers it later.
 */
export async function enqueueEmail(db: Db, message: EmailMessage): Promise<string> {
  const { subject, html, text } = renderEmail(message);
  const row = await db
    .insertInto("outbox")
    .values({
      template: message.template,
      toAddress: message.to,
      language: message.language,
      subject,
      text,
      html,
      // As text cast to jsonb: postgres.js would JSON-encode a string parameter a second time.
      attachments: sql<string>`${JSON.stringify((message.attachments ?? []).map(encodeAttachment))}::text::jsonb`,
      headers: sql<string>`${JSON.stringify(message.headers ?? {})}::text::jsonb`,
      // Due from this process's clock, the clock the sender compares with: the database's
      // now() has microseconds and could be read as "not yet" by a sender in the same millisecond.
      nextAttemptAt: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
