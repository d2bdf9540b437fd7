import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import type { Db } from "@db/client";
import type { OutboxAttachment } from "@db/schema";
import { afterFailure } from "./retry-schedule";

/** One outbox row on its way out. */
export interface OutgoingMail {
  id: string;
  createdAt: Date;
  from: string;
  to: string;
  language: "nb" | "en";
  subject: string;
  html: string;
  text: string;
  attachments: OutboxAttachment[];
  headers?: Record<string, string>;
}

/** Where mail goes: an SMTP server, or .eml files on disk. */
export interface MailTransport {
  /** For the start-up log; never contains credentials. */
  readonly description: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export const DEFAULT_FROM = "Markedsdialog <no-reply@markedsdialog.example>";
export const DEFAULT_OUTBOX_DIR = "./data/outbox";

/**
 * The same Message-ID on every attempt, so a receiving server can drop the
 * duplicate if we crash between handing a message over and marking it sent.
 */
export function messageIdFor(outboxId: string): string {
  return `<${outboxId}@markedsdialog>`;
}

export function toMailOptions(mail: OutgoingMail): Mail.Options {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: messageIdFor(mail.id),
    // RFC 3834: tells auto-responders not to answer.
    headers: { ...mail.headers, "Content-Language": mail.language, "Auto-Submitted": "auto-generated" },
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.content, "base64"),
    })),
  };
}

/** Sends through the SMTP server an `smtp://user:pass@host:port` (or smtps://) URL names. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    // Fail an attempt within about a minute rather than nodemailer's 10-minute socket default,
    // well inside the claim lock (LOCK_MS), so a slow server cannot cause a second claim.
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  const parsed = new URL(url);
  return {
    description: `SMTP server ${parsed.hostname}:${parsed.port || (parsed.protocol === "smtps:" ? 465 : 587)}`,
    async send(mail) {
      await transporter.sendMail(toMailOptions(mail));
    },
    close: () => transporter.close(),
  };
}

/** `<created-at ISO, colons as hyphens>-<outbox id>.eml`: sorts by time, and a re-send overwrites the same file. */
export function emlFileName(mail: Pick<OutgoingMail, "id" | "createdAt">): string {
  return `${mail.createdAt.toISOString().replace(/:/g, "-")}-${mail.id}.eml`;
}

/** Writes each message as an RFC 5322 .eml file (for development, and wherever SMTP_URL is unset). */
export function fileTransport(directory: string = DEFAULT_OUTBOX_DIR): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    description: `.eml files in ${directory}`,
    async send(mail) {
      const info = await transporter.sendMail(toMailOptions(mail));
      await mkdir(directory, { recursive: true });
      const file = path.join(directory, emlFileName(mail));
      // Write then rename, so a reader never sees half a message.
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
    },
    close: () => transporter.close(),
  };
}

/** SMTP when SMTP_URL is set, otherwise .eml files under OUTBOX_DIR. */
export function transportFromEnv(env: NodeJS.ProcessEnv = process.env): MailTransport {
  return env.SMTP_URL ? smtpTransport(env.SMTP_URL) : fileTransport(env.OUTBOX_DIR || DEFAULT_OUTBOX_DIR);
}

/** How long a claimed message is reserved for the worker that claimed it. */
export const LOCK_MS = 5 * 60_000;

export interface DeliveryOptions {
  now?: Date;
  batchSize?: number;
  /** The From header; default MAIL_FROM or DEFAULT_FROM. */
  from?: string;
}

export interface DeliveryReport {
  claimed: number;
  sent: string[];
  /** Failed this time, tried again later. */
  retrying: { id: string; attempts: number; error: string }[];
  /** Failed for the last time; only an operator's retry sends them now. */
  failed: { id: string; attempts: number; error: string }[];
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 2000);
}

/**
 * Claims the messages that are due and sends them, one by one. The claim is a
 * single UPDATE over rows locked with SKIP LOCKED, so two workers (or two
 * processes on one PostgreSQL server) never take the same message; a message
 * left "sending" by a crashed worker is taken again once its lock expires.
 * Every claim counts as an attempt, so a message that crashes the worker
 * still ends up failed.
 */
export async function deliverDueMessages(db: Db, transport: MailTransport, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 20;
  const from = options.from ?? (process.env.MAIL_FROM || DEFAULT_FROM);
  const lockedUntil = new Date(now.getTime() + LOCK_MS);

  const claimed = await db
    .updateTable("outbox")
    .set((eb) => ({ status: "sending", lockedUntil, attempts: eb("attempts", "+", 1) }))
    .where("id", "in", (eb) =>
      eb
        .selectFrom("outbox")
        .select("id")
        .where("status", "in", ["pending", "sending"])
        .where((w) =>
          w.or([
            w("status", "=", "pending"),
            w.and([w("status", "=", "sending"), w.or([w("lockedUntil", "is", null), w("lockedUntil", "<=", now)])]),
          ]),
        )
        .where("nextAttemptAt", "<=", now)
        .orderBy("nextAttemptAt")
        .orderBy("id")
        .limit(batchSize)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();

  const report: DeliveryReport = { claimed: claimed.length, sent: [], retrying: [], failed: [] };
  claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  for (const row of claimed) {
    // Only the worker holding this claim may record the outcome.
    const ours = db
      .updateTable("outbox")
      .where("id", "=", row.id)
      .where("status", "=", "sending")
      .where("lockedUntil", "=", lockedUntil);
    try {
      await transport.send({
        id: row.id,
        createdAt: row.createdAt,
        from,
        to: row.toAddress,
        language: row.language,
        subject: row.subject,
        html: row.html,
        text: row.text,
        attachments: row.attachments,
        headers: row.headers,
      });
    } catch (error) {
      const message = describeError(error);
      const next = afterFailure(row.attempts, now);
      if (next.status === "failed") {
        await ours.set({ status: "failed", lockedUntil: null, lastError: message }).execute();
        report.failed.push({ id: row.id, attempts: row.attempts, error: message });
      } else {
        await ours.set({ status: "pending", lockedUntil: null, lastError: message, nextAttemptAt: next.nextAttemptAt }).execute();
        report.retrying.push({ id: row.id, attempts: row.attempts, error: message });
      }
      continue;
    }
    // If this write fails the row stays "sending" until its lock expires and is
    // sent again with the same Message-ID; the receiving server can de-duplicate.
    await ours.set({ status: "sent", sentAt: now, lockedUntil: null, lastError: null }).execute();
    report.sent.push(row.id);
  }
  return report;
}

export interface OutboxWorkerOptions {
  db: Db;
  /** Pause between rounds; default 5 s. */
  intervalMs?: number;
  /** Default: transportFromEnv(). */
  transport?: MailTransport;
  batchSize?: number;
  log?: Pick<Console, "info" | "warn" | "error">;
}

/**
 * Delivers due messages now and then every `intervalMs` until stopped. A round
 * that throws (database or transport trouble) is logged and the loop goes on.
 * Returns a function that stops the loop, waits for a running round and closes
 * the transport.
 */
export function startOutboxWorker(options: OutboxWorkerOptions): () => Promise<void> {
  const { db, intervalMs = 5_000, batchSize = 20, log = console } = options;
  const transport = options.transport ?? transportFromEnv();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | undefined;

  async function deliver() {
    try {
      // Keep going while full batches come back, so a backlog drains in one round.
      for (;;) {
        const report = await deliverDueMessages(db, transport, { batchSize });
        for (const r of report.retrying) log.warn(`outbox: ${r.id} not delivered (attempt ${r.attempts}), will retry: ${r.error}`);
        for (const r of report.failed) log.error(`outbox: ${r.id} failed after ${r.attempts} attempts: ${r.error}`);
        if (stopped || report.claimed < batchSize) break;
      }
    } catch (error) {
      log.error("outbox: delivery round failed, trying again later", error);
    }
  }

  function next() {
    if (stopped) return;
    timer = setTimeout(() => {
      round = deliver().finally(next);
    }, intervalMs);
    timer.unref();
  }

  log.info(`outbox: delivering mail through ${transport.description}`);
  round = deliver().finally(next);

  return async function stop() {
    stopped = true;
    clearTimeout(timer);
    await round;
    transport.close();
  };
}
