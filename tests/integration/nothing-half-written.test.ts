// A request that fails between two writes leaves nothing behind: a trigger makes
// a later write of the change fail, and nothing of the change may be stored.
import { sql } from "kysely";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { registerForEvent } from "~/models/registrations.server";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, type Person } from "../fixtures/people";

const t = setupTestDatabase();
const NOW = new Date("2026-11-24T12:00:00Z");
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

let buyerOrg: { id: string };
let eventId: string;
let vendorPerson: Person;
let vendorOrg: { id: string };

/** Makes every insert into `table` fail, as a full disk or a lost connection would mid-transaction. */
async function failInsertsInto(table: string) {
  await sql`create or replace function inject_failure() returns trigger language plpgsql as $$
    begin raise exception 'injected failure on %', tg_table_name; end $$`.execute(t.db);
  await sql`create trigger inject_failure before insert on ${sql.table(table)} for each row execute function inject_failure()`.execute(t.db);
  return table;
}
let injected: string | null = null;
afterEach(async () => {
  if (injected) await sql`drop trigger if exists inject_failure on ${sql.table(injected)}`.execute(t.db);
  injected = null;
});

const register = () =>
  registerForEvent(
    t.db,
    { user: { id: vendorPerson.id }, organisation: { id: vendorOrg.id, isVendor: true } },
    eventId,
    { attendees: [vendorPerson.id], note: "Vi kommer to.", shareAttendees: false },
    { baseUrl: "https://markedsdialog.example", now: NOW },
  );

async function storedForRegistration() {
  const registrations = await t.db.selectFrom("registrations").select("id").where("eventId", "=", eventId).execute();
  const attendees = await t.db.selectFrom("registrationAttendees").select("userId").where("userId", "=", vendorPerson.id).execute();
  const mail = await t.db.selectFrom("outbox").select("id").where("template", "like", "registration%").execute();
  return { registrations: registrations.length, attendees: attendees.length, mail: mail.length };
}

beforeAll(async () => {
  const buyer = await createPerson(t.db, { name: "Berit Innkjøp" });
  buyerOrg = await createOrganisationWith(t.db, [{ person: buyer, role: "admin" }], { isBuyer: true, verified: true, name: "Bergvik kommune" });
  vendorPerson = await createPerson(t.db, { name: "Kari Nordmann" });
  vendorOrg = await createOrganisationWith(t.db, [{ person: vendorPerson, role: "admin" }], { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" });
  const event = await t.db
    .insertInto("events")
    .values({ buyerId: buyerOrg.id, kind: "supplier_conference", status: "published", publishedAt: NOW, title: "Leverandørkonferanse om velferdsteknologi", description: "Hele dagen.", registrationDeadline: inDays(5), startsAt: inDays(9), endsAt: inDays(9.2), effortLevel: "none" })
    .returning("id")
    .executeTakeFirstOrThrow();
  eventId = event.id;
});

describe("a registration that fails half-way", () => {
  it("stores no registration when its attendees cannot be written", async () => {
    injected = await failInsertsInto("registration_attendees");
    await expect(register()).rejects.toThrow(/injected failure on registration_attendees/);
    expect(await storedForRegistration()).toEqual({ registrations: 0, attendees: 0, mail: 0 });
  });

  it("stores neither registration nor attendees when the confirmation e-mail cannot be queued", async () => {
    injected = await failInsertsInto("outbox");
    await expect(register()).rejects.toThrow(/injected failure on outbox/);
    expect(await storedForRegistration()).toEqual({ registrations: 0, attendees: 0, mail: 0 });
  });

  it("stores all of it once nothing fails (so the two checks above can see a write)", async () => {
    expect(await register()).toMatchObject({ ok: true });
    const stored = await storedForRegistration();
    expect(stored.registrations).toBe(1);
    expect(stored.attendees).toBe(1);
    expect(stored.mail).toBeGreaterThan(0);
  });
});
