import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { effortReportReminders, scheduledJobs } from "~/jobs/index.server";
import { reportEffort } from "~/models/effort-requests.server";
import { registerForEvent } from "~/models/registrations.server";
import { renderEmail } from "@emails/render.server";
import type { EmailMessage } from "@emails/messages";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, type Person } from "../fixtures/people";

const t = setupTestDatabase();
const BASE = "https://markedsdialog.example";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// The event is held on 2 March 2027, 10–12 Oslo time; registrations happen well before.
const STARTS = new Date("2027-03-02T09:00:00Z");
const ENDS = new Date("2027-03-02T11:00:00Z");
const BEFORE = new Date("2027-02-01T12:00:00Z");

let buyerOrg: { id: string };
let buyer: Person;

async function vendor(name: string) {
  const person = await createPerson(t.db, { name: `Kontakt ${name}` });
  const colleague = await createPerson(t.db, { name: `Kollega ${name}` });
  const org = await createOrganisationWith(t.db, [{ person, role: "admin" }, { person: colleague, role: "admin" }], { isBuyer: false, isVendor: true, name });
  return { person, colleague, org, member: { user: { id: person.id }, organisation: { id: org.id, isVendor: true } } };
}

async function reminders(to?: string) {
  let query = t.db.selectFrom("outbox").select(["toAddress", "language", "subject", "text"]).where("template", "=", "effort-report-reminder");
  if (to) query = query.where("toAddress", "=", to);
  return query.orderBy("toAddress").execute();
}

const savedPublicUrl = process.env.PUBLIC_URL;
beforeAll(async () => {
  process.env.PUBLIC_URL = BASE;
  buyer = await createPerson(t.db, { name: "Berit Innkjøp" });
  buyerOrg = await createOrganisationWith(t.db, [{ person: buyer, role: "admin" }], { isBuyer: true, verified: true, name: "Bergvik kommune" });
});
// The next file in this worker sees the configured address again (vitest.config.ts: isolate: false).
afterAll(() => {
  process.env.PUBLIC_URL = savedPublicUrl;
});

describe("the effort-report reminder job", () => {
  it("is registered with the scheduler", () => {
    expect(scheduledJobs).toContain(effortReportReminders);
    expect(effortReportReminders.everyMs).toBeGreaterThan(0);
  });

  it("asks each registered vendor once, after the event ended: none before, none the second time, none for the wait-listed or those who reported", async () => {
    const event = await t.db
      .insertInto("events")
      .values({ buyerId: buyerOrg.id, kind: "dialogue_meeting", status: "published", publishedAt: BEFORE, title: "Dialogmøte om nattilsyn", description: "Om nattilsyn.", registrationDeadline: new Date("2027-02-20T12:00:00Z"), startsAt: STARTS, endsAt: ENDS, capacity: 3, effortLevel: "light", effortHoursPerVendor: 3, expectationStatus: "none" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const [a, b, c, waiting] = [await vendor("Alfa Helse AS"), await vendor("Beta Omsorg AS"), await vendor("Gamma Digital AS"), await vendor("Venteliste AS")];
    for (const v of [a, b, c, waiting]) {
      const result = await registerForEvent(t.db, v.member, event.id, { attendees: [v.person.id], note: null, shareAttendees: false }, { baseUrl: BASE, now: BEFORE });
      expect(result.ok).toBe(true);
    }
    // Gamma reported on the day, before any reminder.
    expect((await reportEffort(t.db, c.member, { eventId: event.id }, { hours: 4, people: 1, note: null }, { now: new Date(ENDS.getTime() + HOUR) })).ok).toBe(true);

    // During the event (started, not ended): nothing yet.
    expect(await effortReportReminders.run(t.db, new Date(STARTS.getTime() + HOUR))).toBe(0);
    expect(await reminders()).toHaveLength(0);

    const after = new Date(ENDS.getTime() + 2 * HOUR);
    expect(await effortReportReminders.run(t.db, after)).toBe(2);
    const sent = await reminders();
    expect(sent.map((m) => m.toAddress).sort()).toEqual([a.person.email, b.person.email].sort());
    // One e-mail per vendor: to whoever registered, not every admin.
    expect(await reminders(a.colleague.email)).toHaveLength(0);
    const mail = (await reminders(a.person.email))[0]!;
    expect(mail.subject).toBe("Hvor mye tid brukte dere? Dialogmøte om nattilsyn");
    expect(mail.text).toContain("«Dialogmøte om nattilsyn» hos Bergvik kommune ble holdt");
    expect(mail.text).toContain("Alfa Helse AS");
    expect(mail.text).toContain(`${BASE}/workspace/participation#report-${event.id}`);
    const marked = await t.db.selectFrom("registrations").select(["organisationId", "effortReminderSentAt"]).where("eventId", "=", event.id).execute();
    expect(marked.filter((r) => r.effortReminderSentAt !== null).map((r) => r.organisationId).sort()).toEqual([a.org.id, b.org.id].sort());

    // The second round, and a later one, send nothing more.
    expect(await effortReportReminders.run(t.db, after)).toBe(0);
    expect(await effortReportReminders.run(t.db, new Date(after.getTime() + 3 * DAY))).toBe(0);
    expect(await reminders()).toHaveLength(2);
  });

  it("asks a vendor that accepted an effort request once its deadline has passed, with a link to the report form", async () => {
    const v = await vendor("Delta Demo AS");
    const declined = await vendor("Epsilon Nei AS");
    const deadline = new Date("2027-04-01T10:00:00Z");
    const request = await t.db
      .insertInto("effortRequests")
      .values({ buyerId: buyerOrg.id, requestedBy: buyer.id, title: "Demo for fagpersoner", kindsOfWork: ["demo"], hoursPerVendor: 6, deadline, expectationStatus: "none", compensationNok: 10_000, createdAt: BEFORE })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("effortRequestRecipients")
      .values([
        { requestId: request.id, organisationId: v.org.id, status: "accepted", respondedAt: BEFORE, respondedBy: v.colleague.id },
        { requestId: request.id, organisationId: declined.org.id, status: "declined", respondedAt: BEFORE, respondedBy: declined.person.id, declineReason: "Ikke kapasitet." },
      ])
      .execute();

    expect(await effortReportReminders.run(t.db, new Date(deadline.getTime() - HOUR))).toBe(0);
    expect(await effortReportReminders.run(t.db, new Date(deadline.getTime() + HOUR))).toBe(1);
    expect(await effortReportReminders.run(t.db, new Date(deadline.getTime() + 2 * HOUR))).toBe(0);
    // The colleague who accepted gets it.
    const sent = await reminders(v.colleague.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain("Fristen for «Demo for fagpersoner» fra Bergvik kommune var");
    expect(sent[0]!.text).toContain(`${BASE}/effort-requests/${request.id}#report-title`);
    expect(await reminders(declined.person.email)).toHaveLength(0);
  });

  it("leaves events held more than 30 days before the first run alone", async () => {
    const old = await t.db
      .insertInto("events")
      .values({ buyerId: buyerOrg.id, kind: "dialogue_meeting", status: "closed", publishedAt: BEFORE, closedAt: ENDS, title: "Gammelt møte", description: "", startsAt: STARTS, endsAt: ENDS, effortLevel: "none" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const v = await vendor("Zeta Sen AS");
    await t.db.insertInto("registrations").values({ eventId: old.id, organisationId: v.org.id, status: "registered", registeredBy: v.person.id }).execute();
    expect(await effortReportReminders.run(t.db, new Date(ENDS.getTime() + 40 * DAY))).toBe(0);
    expect(await reminders(v.person.email)).toHaveLength(0);
  });

  it("renders in bokmål and English", async () => {
    const data = { name: "Kari", organisationName: "Alfa Helse AS", buyerName: "Bergvik kommune", subject: "event" as const, title: "Dialogmøte", at: ENDS.toISOString(), url: `${BASE}/workspace/participation` };
    const nb = renderEmail({ template: "effort-report-reminder", to: "a@example.test", language: "nb", data } satisfies EmailMessage);
    const en = renderEmail({ template: "effort-report-reminder", to: "a@example.test", language: "en", data: { ...data, subject: "request" } } satisfies EmailMessage);
    expect(nb.text).toContain("ble holdt 2. mars 2027");
    expect(nb.text).toContain("Rapporter innsats");
    expect(en.subject).toBe("How much time did you spend? Dialogmøte");
    expect(en.text).toContain("The deadline of “Dialogmøte” from Bergvik kommune was");
    expect(en.text).not.toMatch(/effort-report-reminder\./);
  });
});
