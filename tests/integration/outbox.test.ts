import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EmailMessage } from "@emails/messages";
import { enqueueEmail } from "@emails/outbox.server";
import { MAX_ATTEMPTS } from "@emails/retry-schedule";
import { deliverDueMessages, fileTransport, smtpTransport, type MailTransport } from "@emails/sender.server";
import { retryFailedMessage } from "~/models/outbox.server";
import { setupTestDatabase } from "../fixtures/database";
import { findPart, freePort, parseMime, startSmtpServer } from "../fixtures/mail";

const t = setupTestDatabase();

const SECOND = 1000;
const MINUTE = 60 * SECOND;

function verifyEmail(to: string, language: "nb" | "en" = "nb"): EmailMessage {
  return { template: "verify-email", to, language, data: { name: "Berit Innkjøp", url: "https://markedsdialog.example/verify-email?token=abc123" } };
}

async function outboxRow(id: string) {
  return t.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
beforeEach(async () => {
  await t.db.deleteFrom("outbox").execute();
});

async function smtp() {
  const port = await freePort();
  const server = await startSmtpServer(port);
  const transport = smtpTransport(server.url);
  cleanups.push(() => server.close(), () => transport.close());
  return { server, transport };
}

describe("enqueueing", () => {
  it("stores nothing when the transaction that enqueued the mail rolls back", async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await enqueueEmail(trx, verifyEmail("rolled-back@example.test"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await t.db.selectFrom("outbox").selectAll().execute()).toEqual([]);

    const id = await t.db.transaction().execute((trx) => enqueueEmail(trx, verifyEmail("committed@example.test")));
    expect(await outboxRow(id)).toMatchObject({ status: "pending", attempts: 0, toAddress: "committed@example.test", template: "verify-email" });
  });

  it("stores subject, HTML with the language and a text part with the link written out", async () => {
    const id = await enqueueEmail(t.db, verifyEmail("someone@example.test"));
    const row = await outboxRow(id);
    expect(row.subject).toBe("Bekreft e-postadressen din i Markedsdialog");
    expect(row.html).toContain('lang="nb"');
    expect(row.html).toContain('href="https://markedsdialog.example/verify-email?token=abc123"');
    expect(row.text).toContain("Hei Berit Innkjøp,");
    expect(row.text).toContain("https://markedsdialog.example/verify-email?token=abc123");
    expect(row.attachments).toEqual([]);
  });
});

describe("delivery over SMTP", () => {
  it("delivers a queued message exactly once, in bokmål, with a stable Message-ID", async () => {
    const { server, transport } = await smtp();
    const id = await enqueueEmail(t.db, verifyEmail("berit@example.test"));

    const report = await deliverDueMessages(t.db, transport);
    expect(report.sent).toEqual([id]);
    expect(server.received).toHaveLength(1);
    const mail = server.received[0]!;
    expect(mail.to).toEqual(["berit@example.test"]);
    const parsed = parseMime(mail.raw);
    expect(parsed.headers.get("subject")).toBe("Bekreft e-postadressen din i Markedsdialog");
    expect(parsed.headers.get("to")).toBe("berit@example.test");
    expect(parsed.headers.get("message-id")).toBe(`<${id}@markedsdialog>`);
    expect(parsed.headers.get("content-language")).toBe("nb");
    expect(findPart(parsed, "text/plain")?.body).toContain("Bekreft e-postadressen https://markedsdialog.example/verify-email?token=abc123");
    expect(findPart(parsed, "text/html")?.body).toContain('lang="nb"');

    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null, lockedUntil: null });
    expect(row.sentAt).toBeInstanceOf(Date);

    const again = await deliverDueMessages(t.db, transport, { now: new Date(Date.now() + 24 * 60 * MINUTE) });
    expect(again.claimed).toBe(0);
    expect(server.received).toHaveLength(1);
  });

  it("writes to an English recipient in English", async () => {
    const { server, transport } = await smtp();
    await enqueueEmail(t.db, verifyEmail("viktor@example.test", "en"));
    await deliverDueMessages(t.db, transport);
    expect(server.received).toHaveLength(1);
    const parsed = parseMime(server.received[0]!.raw);
    expect(parsed.headers.get("subject")).toBe("Confirm your e-mail address for Markedsdialog");
    expect(parsed.headers.get("content-language")).toBe("en");
    expect(findPart(parsed, "text/plain")?.body).toContain("Hello Berit Innkjøp,");
    expect(findPart(parsed, "text/html")?.body).toContain('lang="en"');
  });

  it("keeps a message pending with backoff while the SMTP server is down, and delivers it once when it is back", async () => {
    const port = await freePort(); // nothing listens here yet
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
    cleanups.push(() => transport.close());
    const id = await enqueueEmail(t.db, verifyEmail("patient@example.test"));
    const t0 = new Date(Date.now() + MINUTE);

    const down = await deliverDueMessages(t.db, transport, { now: t0 });
    expect(down.sent).toEqual([]);
    expect(down.retrying.map((r) => r.id)).toEqual([id]);
    let row = await outboxRow(id);
    expect(row.status).toBe("pending");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + 30 * SECOND);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(t0.getTime());

    // Not due yet: nothing is tried before the backoff has passed.
    expect((await deliverDueMessages(t.db, transport, { now: new Date(t0.getTime() + 10 * SECOND) })).claimed).toBe(0);

    const server = await startSmtpServer(port);
    cleanups.push(() => server.close());
    const up = await deliverDueMessages(t.db, transport, { now: new Date(t0.getTime() + 31 * SECOND) });
    expect(up.sent).toEqual([id]);
    expect(server.received).toHaveLength(1);
    expect(parseMime(server.received[0]!.raw).headers.get("message-id")).toBe(`<${id}@markedsdialog>`);
    row = await outboxRow(id);
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });

    const later = await deliverDueMessages(t.db, transport, { now: new Date(t0.getTime() + 24 * 60 * MINUTE) });
    expect(later.claimed).toBe(0);
    expect(server.received).toHaveLength(1);
  });

  it(`marks a message failed after ${MAX_ATTEMPTS} failed attempts, and an operator's retry sends it`, async () => {
    const port = await freePort();
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
    cleanups.push(() => transport.close());
    const id = await enqueueEmail(t.db, verifyEmail("unlucky@example.test"));

    let now = Date.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      now += 2 * 60 * MINUTE; // past any backoff
      const report = await deliverDueMessages(t.db, transport, { now: new Date(now) });
      expect(report.claimed, `attempt ${attempt}`).toBe(1);
      const row = await outboxRow(id);
      expect(row.attempts).toBe(attempt);
      expect(row.status).toBe(attempt < MAX_ATTEMPTS ? "pending" : "failed");
    }
    expect(await outboxRow(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lockedUntil: null });
    expect((await outboxRow(id)).lastError).toBeTruthy();
    expect((await deliverDueMessages(t.db, transport, { now: new Date(now + 24 * 60 * MINUTE) })).claimed).toBe(0);

    const server = await startSmtpServer(port);
    cleanups.push(() => server.close());
    expect(await retryFailedMessage(t.db, id, new Date(now))).toBe(true);
    expect(await retryFailedMessage(t.db, id, new Date(now))).toBe(false); // already pending
    const report = await deliverDueMessages(t.db, transport, { now: new Date(now + SECOND) });
    expect(report.sent).toEqual([id]);
    expect(server.received).toHaveLength(1);
  });
});

describe("claiming", () => {
  function countingTransport() {
    const sent: string[] = [];
    const transport: MailTransport = {
      description: "memory",
      async send(mail) {
        await new Promise((r) => setTimeout(r, 5));
        sent.push(mail.id);
      },
      close() {},
    };
    return { sent, transport };
  }

  it("never hands one message to two delivery runs that overlap", async () => {
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await enqueueEmail(t.db, verifyEmail(`many-${i}@example.test`)));
    const { sent, transport } = countingTransport();
    await Promise.all([
      deliverDueMessages(t.db, transport, { batchSize: 4 }),
      deliverDueMessages(t.db, transport, { batchSize: 4 }),
      deliverDueMessages(t.db, transport, { batchSize: 4 }),
    ]);
    expect(sent.slice().sort()).toEqual(ids.slice().sort());
  });

  it("leaves a message alone while another worker holds it, and takes it over when that lock has expired", async () => {
    const id = await enqueueEmail(t.db, verifyEmail("crashed@example.test"));
    const now = new Date(Date.now() + MINUTE);
    // A worker claimed it and crashed before recording the outcome.
    await t.db
      .updateTable("outbox")
      .set({ status: "sending", attempts: 1, lockedUntil: new Date(now.getTime() + 5 * MINUTE) })
      .where("id", "=", id)
      .execute();
    const { sent, transport } = countingTransport();
    expect((await deliverDueMessages(t.db, transport, { now })).claimed).toBe(0);
    const report = await deliverDueMessages(t.db, transport, { now: new Date(now.getTime() + 6 * MINUTE) });
    expect(report.sent).toEqual([id]);
    expect(sent).toEqual([id]);
    expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 2 });
  });
});

describe("file transport", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "markedsdialog-outbox-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("writes each message as a parseable .eml file named by time and id, with its attachments", async () => {
    const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Markedsdialog//NO\r\nEND:VCALENDAR\r\n";
    const id = await enqueueEmail(t.db, {
      template: "organisation-verified",
      to: "hanne@example.test",
      language: "nb",
      data: { name: "Hanne Fagleder", organisationName: "Helse Vestfjord HF", url: "https://markedsdialog.example/organisations/helse-vestfjord" },
      attachments: [{ filename: "dialogmote.ics", contentType: "text/calendar; charset=utf-8", content: ics }],
    });
    const row = await outboxRow(id);
    const transport = fileTransport(directory);
    const report = await deliverDueMessages(t.db, transport);
    transport.close();
    expect(report.sent).toEqual([id]);

    const files = readdirSync(directory);
    expect(files).toEqual([`${row.createdAt.toISOString().replace(/:/g, "-")}-${id}.eml`]);
    const raw = readFileSync(path.join(directory, files[0]!), "utf8");
    expect(raw).toContain("\r\n"); // RFC 5322 line endings
    const parsed = parseMime(raw);
    expect(parsed.headers.get("subject")).toBe("Helse Vestfjord HF er bekreftet som offentlig oppdragsgiver");
    expect(parsed.headers.get("to")).toBe("hanne@example.test");
    expect(parsed.headers.get("from")).toContain("Markedsdialog");
    expect(parsed.headers.get("message-id")).toBe(`<${id}@markedsdialog>`);
    expect(findPart(parsed, "text/plain")?.body).toContain("Gå til virksomheten https://markedsdialog.example/organisations/helse-vestfjord");
    expect(findPart(parsed, "text/html")?.body).toContain('lang="nb"');
    const calendar = findPart(parsed, "text/calendar");
    expect(calendar?.headers.get("content-disposition")).toContain("dialogmote.ics");
    expect(calendar?.body).toBe(ics);
  });
});
