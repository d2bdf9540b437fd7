import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@db/seed/demo";
import { publicPagesVersion } from "~/http/public-page-cache.server";
import { setupTestDatabase } from "../fixtures/database";

// The cache of anonymous public pages (ADR 0009) keeps a page only while this version is
// unchanged: it must move at the commit of every change the demand pages show.
const t = setupTestDatabase();

beforeAll(async () => {
  await seedDemoData(t.db);
});

async function moves(change: () => Promise<unknown>) {
  const before = await publicPagesVersion(t.db);
  await change();
  return (await publicPagesVersion(t.db)) !== before;
}

describe("public_pages_version", () => {
  it("moves when an event, its standards, an organisation or the catalogue changes", async () => {
    const event = await t.db.selectFrom("events").select("id").where("status", "=", "published").executeTakeFirstOrThrow();
    expect(await moves(() => sql`update events set title = title || '.' where id = ${event.id}`.execute(t.db))).toBe(true);
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from event_standards`.execute(t.db)).rows[0]!.n)).toBeGreaterThan(0);
    expect(
      await moves(() =>
        sql`update event_standards set level = level where event_id = (select event_id from event_standards limit 1)`.execute(t.db),
      ),
    ).toBe(true);
    expect(await moves(() => sql`update organisations set name = name where slug = 'bergvik-kommune'`.execute(t.db))).toBe(true);
    expect(await moves(() => sql`update standards set name = name where code = (select min(code) from standards)`.execute(t.db))).toBe(
      true,
    );
  });

  it("does not move for changes the public pages do not show", async () => {
    expect(await moves(() => sql`update users set name = name`.execute(t.db))).toBe(false);
  });

  it("moves at commit, not before, and not for a rolled-back change", async () => {
    const before = await publicPagesVersion(t.db);
    await t.db
      .transaction()
      .execute(async (trx) => {
        await sql`update events set title = title || '!' where status = 'published'`.execute(trx);
        // Still inside the transaction: deferred to commit.
        expect(await publicPagesVersion(trx)).toBe(before);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await publicPagesVersion(t.db)).toBe(before);
  });
});
