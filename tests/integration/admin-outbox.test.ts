import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { enqueueEmail } from "@emails/outbox.server";
import { lucia } from "~/auth/lucia.server";
import { listOutbox } from "~/models/outbox.server";
import { loader as listLoader } from "~/routes/admin.outbox";
import { action as messageAction, loader as messageLoader } from "~/routes/admin.outbox_.$id";
import { loader as previewLoader } from "~/routes/admin.outbox_.$id_.preview";
import { EMAIL_PREVIEW_PATH, securityHeadersFor } from "~/http/security-headers";
import { setupTestDatabase } from "../fixtures/database";
import { formRequest, routeArgs, thrown } from "../fixtures/requests";
import { enrolSecondFactor } from "../fixtures/second-factor";

const t = setupTestDatabase();

let operatorCookie = "";
let memberCookie = "";

async function signedIn(email: string, isOperator: boolean) {
  const user = await t.db
    .insertInto("users")
    .values({ email, name: email.split("@")[0]!, isOperator, emailVerifiedAt: new Date() })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (isOperator) await enrolSecondFactor(t.db, user.id);
  const session = await lucia.createSession(user.id, { userAgent: null, ip: null });
  return `md_session=${session.id}`;
}

beforeAll(async () => {
  operatorCookie = await signedIn("operator@example.test", true);
  memberCookie = await signedIn("member@example.test", false);
});

function message(to: string) {
  return { template: "password-changed" as const, to, language: "nb" as const, data: { name: "Ola" } };
}

describe("/admin/outbox", () => {
  it("sends anonymous visitors to the login page", async () => {
    const response = await thrown(listLoader(await routeArgs("/admin/outbox")));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Foutbox");
  });

  it("refuses people who are not operators with 403", async () => {
    const response = await thrown(listLoader(await routeArgs("/admin/outbox", { cookie: memberCookie })));
    expect(response.status).toBe(403);
  });

  it("lists messages newest first for an operator", async () => {
    await t.db.deleteFrom("outbox").execute();
    const older = await enqueueEmail(t.db, message("first@example.test"));
    await sql`update outbox set created_at = created_at - interval '1 minute' where id = ${older}`.execute(t.db);
    const newer = await enqueueEmail(t.db, message("second@example.test"));

    const response = await listLoader(await routeArgs("/admin/outbox", { cookie: operatorCookie }));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.messages.map((m: { id: string }) => m.id)).toEqual([newer, older]);
    expect(data.messages[0]).toMatchObject({ status: "pending", attempts: 0, toAddress: "second@example.test", template: "password-changed" });
    expect(data.messages[0]?.subject).toBe("Passordet ditt i Markedsdialog er endret");
    expect(data.title).toContain("Utgående e-post");

    const failedOnly = await listLoader(await routeArgs("/admin/outbox?status=failed", { cookie: operatorCookie }));
    expect((await failedOnly.json()).messages).toEqual([]);
  });

  it("pages by (created_at, id) without skipping or repeating rows, also within one microsecond or millisecond", async () => {
    await t.db.deleteFrom("outbox").execute();
    await t.db.transaction().execute(async (trx) => {
      // now() is the same for the whole transaction: these rows share created_at.
      for (let i = 0; i < 3; i++) await enqueueEmail(trx, message(`same-${i}@example.test`));
    });
    // Separate statements: created_at differs in microseconds, often within one millisecond.
    for (let i = 0; i < 4; i++) await enqueueEmail(t.db, message(`apart-${i}@example.test`));
    const expected = await t.db.selectFrom("outbox").select("id").orderBy("createdAt", "desc").orderBy("id", "desc").execute();

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: Awaited<ReturnType<typeof listOutbox>> = await listOutbox(t.db, { after, limit: 2 });
      seen.push(...result.messages.map((m) => m.id));
      after = result.next;
      if (!after) break;
    }
    expect(seen).toEqual(expected.map((r) => r.id));

    // A cursor that is not ours is the first page, not an error.
    expect((await listOutbox(t.db, { after: "not-a-cursor", limit: 2 })).messages.map((m) => m.id)).toEqual(seen.slice(0, 2));
  });
});

describe("/admin/outbox/:id", () => {
  it("shows an operator the text and HTML of a message, and hides it from everyone else", async () => {
    const id = await enqueueEmail(t.db, message("detail@example.test"));
    const path = `/admin/outbox/${id}`;

    const anonymous = await thrown(messageLoader(await routeArgs(path, { params: { id } })));
    expect(anonymous.status).toBe(302);
    const member = await thrown(messageLoader(await routeArgs(path, { params: { id }, cookie: memberCookie })));
    expect(member.status).toBe(403);

    const response = await messageLoader(await routeArgs(path, { params: { id }, cookie: operatorCookie }));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.message.text).toContain("Hei Ola,");
    // The HTML part is not in the page's data: the frame loads it from its own URL.
    expect("html" in data.message).toBe(false);

    for (const missing of ["00000000-0000-0000-0000-000000000000", "not-a-uuid"]) {
      const notFound = await thrown(messageLoader(await routeArgs(`/admin/outbox/${missing}`, { params: { id: missing }, cookie: operatorCookie })));
      expect(notFound.status).toBe(404);
    }
  });

  it("serves the HTML part at its own URL, to operators only, under a policy that lets its styles through and nothing else", async () => {
    const id = await enqueueEmail(t.db, message("preview@example.test"));
    const path = `/admin/outbox/${id}/preview`;
    expect((await thrown(previewLoader(await routeArgs(path, { params: { id } })))).status).toBe(302);
    expect((await thrown(previewLoader(await routeArgs(path, { params: { id }, cookie: memberCookie })))).status).toBe(403);
    expect((await thrown(previewLoader(await routeArgs("/admin/outbox/not-a-uuid/preview", { params: { id: "not-a-uuid" }, cookie: operatorCookie })))).status).toBe(404);

    const response = await previewLoader(await routeArgs(path, { params: { id }, cookie: operatorCookie }));
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const html = await response.text();
    expect(html).toContain('lang="nb"');
    expect(html).toContain("Hei Ola,");

    // The headers server.ts sends for this path, and only this path.
    expect(EMAIL_PREVIEW_PATH.test(path)).toBe(true);
    const policy = securityHeadersFor(path, { nonce: "n", development: false })["Content-Security-Policy"]!;
    expect(policy).toContain("style-src 'unsafe-inline'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).toMatch(/(^|; )sandbox($|;)/);
    expect(policy).not.toContain("script-src");
    for (const other of [`/admin/outbox/${id}`, `/admin/outbox/${id}/preview/x`, "/preview"]) {
      expect(securityHeadersFor(other, { nonce: "n", development: false })["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    }
  });

  it("lets an operator put a failed message back in the queue, and only a failed one", async () => {
    const id = await enqueueEmail(t.db, message("retry@example.test"));
    const path = `/admin/outbox/${id}`;

    const notFailed = await messageAction(await formRequest(path, {}, { params: { id }, cookie: operatorCookie }));
    expect(notFailed.status).toBe(409);

    await t.db.updateTable("outbox").set({ status: "failed", attempts: 8, lastError: "550 mailbox unavailable" }).where("id", "=", id).execute();
    const member = await thrown(messageAction(await formRequest(path, {}, { params: { id }, cookie: memberCookie })));
    expect(member.status).toBe(403);
    expect((await t.db.selectFrom("outbox").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status).toBe("failed");

    const retried = await messageAction(await formRequest(path, {}, { params: { id }, cookie: operatorCookie }));
    expect(retried.status).toBe(200);
    expect(await retried.json()).toEqual({ result: "retried" });
    const row = await t.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", lockedUntil: null });
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());

    const logged = await t.db.selectFrom("auditLog").selectAll().where("action", "=", "outbox_message_retried").execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ subject: "retry@example.test", details: { outboxId: id, template: "password-changed" } });
  });
});
