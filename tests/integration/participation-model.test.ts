import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@db/client";
import { answerQuestion, askQuestion, listAnswers, listUnanswered, medianTimeToAnswer } from "~/models/questions.server";
import { leaveEvent, registerForEvent } from "~/models/registrations.server";
import { listParticipants, participationCounts, participantsCsv } from "~/models/registration-reads.server";
import { updateEvent } from "~/models/event-edits.server";
import { closeEvent, recordOutcome } from "~/models/event-lifecycle.server";
import { formatDateTime } from "~/i18n/format";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, type Person } from "../fixtures/people";

const t = setupTestDatabase();
const BASE = "https://markedsdialog.example";
const NOW = new Date("2026-11-24T12:00:00Z");
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

let buyer: Person;
let buyerOrg: { id: string };

async function publishedEvent(db: Db, extra: { capacity?: number | null; registrationDeadline?: Date; attendeeLimitPerVendor?: number | null } = {}) {
  const row = await db
    .insertInto("events")
    .values({
      buyerId: buyerOrg.id,
      kind: "dialogue_meeting",
      status: "published",
      publishedAt: NOW,
      title: `Dialogmøte ${Math.random().toString(36).slice(2, 8)}`,
      description: "Om trygghetsalarmer.",
      registrationDeadline: extra.registrationDeadline ?? at(10),
      startsAt: at(14),
      endsAt: new Date(at(14).getTime() + 2 * 3600_000),
      capacity: extra.capacity ?? null,
      attendeeLimitPerVendor: extra.attendeeLimitPerVendor ?? null,
      effortLevel: "none",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function vendor(name = "Leverandør AS") {
  const person = await createPerson(t.db, { name: "Kari Nordmann" });
  const org = await createOrganisationWith(t.db, [{ person, role: "admin" }], { isBuyer: false, isVendor: true, name });
  return { person, org, member: { user: { id: person.id }, organisation: { id: org.id, isVendor: true } } };
}

const register = (v: Awaited<ReturnType<typeof vendor>>, eventId: string, extra: { share?: boolean; now?: Date } = {}) =>
  registerForEvent(t.db, v.member, eventId, { attendees: [v.person.id], note: null, shareAttendees: extra.share ?? false }, { baseUrl: BASE, now: extra.now ?? NOW });

async function outboxFor(email: string) {
  return t.db.selectFrom("outbox").select(["template", "subject", "text", "html", "attachments"]).where("toAddress", "=", email).orderBy("createdAt").execute();
}

beforeAll(async () => {
  buyer = await createPerson(t.db, { name: "Berit Innkjøp" });
  buyerOrg = await createOrganisationWith(t.db, [{ person: buyer, role: "admin" }], { isBuyer: true, verified: true, name: "Bergvik kommune" });
});

describe("registration under concurrency", () => {
  it("gives exactly 10 places and 40 wait-listed for 50 simultaneous sign-ups, and a withdrawal promotes exactly one", async () => {
    const eventId = await publishedEvent(t.db, { capacity: 10 });
    const vendors = [];
    for (let i = 0; i < 50; i++) vendors.push(await vendor(`Leverandør ${i}`));
    const results = await Promise.all(vendors.map((v) => register(v, eventId)));
    expect(results.every((r) => r.ok)).toBe(true);
    const statuses = results.map((r) => (r.ok ? r.value.status : "failed"));
    expect(statuses.filter((s) => s === "registered")).toHaveLength(10);
    expect(statuses.filter((s) => s === "waitlisted")).toHaveLength(40);
    expect(await participationCounts(t.db, eventId)).toEqual({ registered: 10, waitlisted: 40 });

    const firstWaiting = (await listParticipants(t.db, eventId)).find((p) => p.status === "waitlisted")!;
    const leaver = vendors[statuses.indexOf("registered")]!;
    const left = await leaveEvent(t.db, { id: leaver.person.id }, eventId, leaver.org.id, { kind: "withdraw" }, { baseUrl: BASE, now: NOW });
    expect(left.ok && left.value.promoted).toBe(firstWaiting.registrationId);
    expect(await participationCounts(t.db, eventId)).toEqual({ registered: 10, waitlisted: 39 });
    const promotedVendor = vendors.find((v) => v.org.id === firstWaiting.organisationId)!;
    const mails = await outboxFor(promotedVendor.person.email);
    expect(mails.map((m) => m.template)).toEqual(["registration-confirmed", "registration-promoted"]);
    expect(mails[1]!.attachments[0]!.filename).toMatch(/\.ics$/);
    expect(Buffer.from(mails[1]!.attachments[0]!.content, "base64").toString()).toContain("BEGIN:VCALENDAR");
    // The wait-listed confirmation carries no calendar: there is no place yet.
    expect(mails[0]!.attachments).toEqual([]);
  }, 60_000);
});

describe("registration rules", () => {
  it("sends a confirmation with an .ics file, and keeps one registration per organisation", async () => {
    const eventId = await publishedEvent(t.db);
    const v = await vendor();
    const first = await register(v, eventId);
    const again = await register(v, eventId);
    expect(first.ok && again.ok && first.value.id === again.value.id).toBe(true);
    const [mail] = await outboxFor(v.person.email);
    expect(mail!.template).toBe("registration-confirmed");
    expect(mail!.attachments[0]!.contentType).toContain("text/calendar");
  });

  it("refuses attendees who are not members, more than the buyer's limit, and none at all", async () => {
    const eventId = await publishedEvent(t.db, { attendeeLimitPerVendor: 1 });
    const v = await vendor();
    const colleague = await createPerson(t.db);
    await t.db.insertInto("memberships").values({ userId: colleague.id, organisationId: v.org.id, role: "member", commercialRole: null }).execute();
    const outsider = await createPerson(t.db);
    const go = (attendees: string[]) => registerForEvent(t.db, v.member, eventId, { attendees, note: null }, { baseUrl: BASE, now: NOW });
    expect(await go([outsider.id])).toMatchObject({ ok: false, reason: "invalid", problems: [{ path: "attendees", code: "attendee_not_member" }] });
    expect(await go([v.person.id, colleague.id])).toMatchObject({ ok: false, problems: [{ code: "attendee_limit_exceeded" }] });
    expect(await go([])).toMatchObject({ ok: false, problems: [{ code: "attendees_required" }] });
    expect(await t.db.selectFrom("registrations").select("id").where("eventId", "=", eventId).execute()).toHaveLength(0);
  });

  it("after the deadline lets only the buyer change the list", async () => {
    const eventId = await publishedEvent(t.db, { registrationDeadline: at(1) });
    const v = await vendor();
    expect((await register(v, eventId)).ok).toBe(true);
    const later = { baseUrl: BASE, now: at(2) };
    expect(await register(v, eventId, { now: at(2) })).toMatchObject({ ok: false, reason: "conflict" });
    expect(await leaveEvent(t.db, { id: v.person.id }, eventId, v.org.id, { kind: "withdraw" }, later)).toMatchObject({ ok: false, reason: "conflict" });
    expect(await leaveEvent(t.db, { id: buyer.id }, eventId, v.org.id, { kind: "withdraw" }, later)).toMatchObject({ ok: true });
    const other = await vendor("Annen AS");
    expect(await leaveEvent(t.db, { id: other.person.id }, eventId, v.org.id, { kind: "withdraw" }, { baseUrl: BASE, now: NOW })).toMatchObject({ ok: false, reason: "forbidden" });
  });

  it("records a decline with its reason, and the buyer exports the list as CSV", async () => {
    const eventId = await publishedEvent(t.db);
    const v = await vendor("Avslag AS");
    const declined = await leaveEvent(t.db, { id: v.person.id }, eventId, v.org.id, { kind: "decline", reason: "Passer ikke vår løsning" }, { baseUrl: BASE, now: NOW });
    expect(declined).toMatchObject({ ok: true, value: { status: "declined" } });
    const w = await vendor("=Formel AS");
    await register(w, eventId);
    const text = participantsCsv(await listParticipants(t.db, eventId), "nb");
    // Semicolons like /demand.csv (Norwegian Excel reads a comma-separated file as one column), times in Oslo.
    expect(text.split("\r\n")[0]).toBe("\uFEFFLeverandør;Status;Deltakere;E-post;Merknad;Begrunnelse for nei;Meldt på (norsk tid)");
    expect(text).toContain("'=Formel AS;Påmeldt");
    expect(text).toMatch(/Avslag AS;Takket nei;;;;Passer ikke vår løsning;\d{4}-\d{2}-\d{2} \d{2}:\d{2}\r\n/);
  });
});

describe("when an event ends", () => {
  async function watcher(name: string) {
    const person = await createPerson(t.db, { name });
    await t.db.insertInto("watches").values({ userId: person.id, name: "Alt", query: "", frequency: "daily", feedTokenHash: `h-${Math.random()}` }).execute();
    return person;
  }
  const ended = async (email: string) => (await outboxFor(email)).filter((m) => m.template === "event-ended");

  it("tells the vendors taking part and the watchers whose watch matches when the buyer closes it", async () => {
    const eventId = await publishedEvent(t.db);
    const v = await vendor("Avsluttet AS");
    await register(v, eventId);
    const w = await watcher("Wenche Vakt");
    expect(await closeEvent(t.db, { id: buyer.id }, eventId, { now: NOW, baseUrl: BASE })).toMatchObject({ ok: true });
    const [toVendor] = await ended(v.person.email);
    expect(toVendor?.subject).toMatch(/^Avsluttet: Dialogmøte/);
    expect(toVendor?.text).toContain(`${BASE}/events/${eventId}`);
    expect((await ended(w.email))[0]?.text).toContain("overvåkingene dine passet");
  });

  it("tells of a withdrawal with the buyer's reason", async () => {
    const eventId = await publishedEvent(t.db);
    const v = await vendor("Trukket AS");
    await register(v, eventId);
    await recordOutcome(t.db, { id: buyer.id }, eventId, { outcome: "withdrawn", reason: "Prosjektet er stanset av kommunestyret" }, { now: NOW, baseUrl: BASE });
    const [mail] = await ended(v.person.email);
    expect(mail?.subject).toMatch(/^Trukket:/);
    expect(mail?.text).toContain("Prosjektet er stanset av kommunestyret");
  });

  it("tells the recorded winner in words of its own, and the others that it is decided", async () => {
    const eventId = await publishedEvent(t.db);
    const winner = await vendor("Vinner AS");
    const other = await vendor("Nummer to AS");
    await register(winner, eventId);
    await register(other, eventId);
    await closeEvent(t.db, { id: buyer.id }, eventId, { now: NOW, baseUrl: BASE });
    const recorded = await recordOutcome(
      t.db,
      { id: buyer.id },
      eventId,
      { outcome: "procured", contractValueNok: 2_000_000, contractDate: "2026-11-30", winningVendorId: winner.org.id },
      { now: NOW, baseUrl: BASE },
    );
    expect(recorded).toMatchObject({ ok: true });
    const toWinner = (await ended(winner.person.email)).find((m) => m.subject.startsWith("Anskaffet"));
    const toOther = (await ended(other.person.email)).find((m) => m.subject.startsWith("Anskaffet"));
    expect(toWinner?.text).toContain("Vinner AS er registrert som valgt leverandør");
    expect(toOther?.text).not.toContain("valgt leverandør");
    expect(toOther?.text).toContain("Takk for at dere deltok");
  });
});

describe("amendments and questions", () => {
  it("e-mails every member of every taking-part vendor when a published event is amended", async () => {
    const eventId = await publishedEvent(t.db);
    const v = await vendor("Endring AS");
    await register(v, eventId);
    const result = await updateEvent(t.db, { id: buyer.id }, eventId, { location: "Rådhuset, sal 2" }, { reason: "Større rom", now: NOW, baseUrl: BASE });
    expect(result.ok).toBe(true);
    const mail = (await outboxFor(v.person.email)).find((m) => m.template === "event-amended")!;
    expect(mail.text).toContain("Større rom");
    expect(mail.text).toContain("Sted");
  });

  it("names each changed field's old and new value in the amendment e-mail, formatted as on the page", async () => {
    const eventId = await publishedEvent(t.db);
    const v = await vendor("Gammelt og nytt AS");
    await register(v, eventId);
    const result = await updateEvent(t.db, { id: buyer.id }, eventId, { location: "Rådhuset, sal 2", registrationDeadline: at(11) }, { reason: "Flyttet", now: NOW, baseUrl: BASE });
    expect(result.ok).toBe(true);
    const mail = (await outboxFor(v.person.email)).find((m) => m.template === "event-amended")!;
    expect(mail.text).toMatch(/Sted: – → Rådhuset, sal 2/);
    expect(mail.text).toContain(`${formatDateTime(at(10), "nb")} → ${formatDateTime(at(11), "nb")}`);
    expect(mail.html).toContain("Rådhuset, sal 2");
  });

  it("publishes an answer to every participant without naming who asked, and keeps the original question", async () => {
    const eventId = await publishedEvent(t.db);
    const asker = await vendor("Spørrer AS");
    const other = await vendor("Lytter AS");
    const outsider = await vendor("Utenfor AS");
    await register(asker, eventId);
    await register(other, eventId);
    expect(await askQuestion(t.db, outsider.member, eventId, "Kan vi delta?", { now: NOW, baseUrl: BASE })).toMatchObject({ ok: false, reason: "forbidden" });
    const asked = await askQuestion(t.db, asker.member, eventId, "Spørrer AS lurer på om FHIR R4 kreves?", { now: NOW, baseUrl: BASE });
    if (!asked.ok) throw new Error("not asked");
    expect(await listUnanswered(t.db, { buyerId: buyerOrg.id })).toMatchObject([{ id: asked.value.id, organisationName: "Spørrer AS" }]);
    expect(await answerQuestion(t.db, { id: other.person.id }, eventId, { questionId: asked.value.id, question: "x", answer: "y" }, { baseUrl: BASE })).toMatchObject({ ok: false, reason: "forbidden" });
    const answered = await answerQuestion(
      t.db,
      { id: buyer.id },
      eventId,
      { questionId: asked.value.id, question: "Kreves FHIR R4?", answer: "Ja, fra 2027." },
      { baseUrl: BASE, now: new Date(NOW.getTime() + 3 * 3600_000) },
    );
    expect(answered).toMatchObject({ ok: true, value: { notified: 2 } });
    expect(await listAnswers(t.db, eventId)).toMatchObject([{ question: "Kreves FHIR R4?", answer: "Ja, fra 2027." }]);
    for (const person of [asker.person, other.person]) {
      const mail = (await outboxFor(person.email)).find((m) => m.template === "question-answered")!;
      expect(mail.text).toContain("Ja, fra 2027.");
      expect(mail.html + mail.text + mail.subject).not.toContain("Spørrer AS");
    }
    const stored = await t.db.selectFrom("eventQuestions").select(["originalText", "publishedText"]).where("id", "=", asked.value.id).executeTakeFirstOrThrow();
    expect(stored.originalText).toBe("Spørrer AS lurer på om FHIR R4 kreves?");
    // The audit trail holds in the database too.
    await expect(t.db.updateTable("eventQuestions").set({ publishedText: "endret" }).where("id", "=", asked.value.id).execute()).rejects.toThrow();
    expect(await medianTimeToAnswer(t.db, buyerOrg.id)).toBe(3 * 3600_000);
  });
});
