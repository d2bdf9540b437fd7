import { beforeAll, describe, expect, it } from "vitest";
import {
  answerOperators,
  askReporter,
  fileReport,
  listOwnReports,
  listReportsForOperators,
  publicCountsFor,
  recordOutcome,
  reportForOperator,
  reportForReporter,
  reporterOf,
  reportFormOptions,
} from "~/models/protected-reports.server";
import { getCurrentVersion } from "~/models/conduct.server";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, type Person } from "../fixtures/people";

const t = setupTestDatabase();
const baseUrl = "http://localhost:3000";

let viktor: Person; // Nordlys Helse AS (vendor): the reporter
let vera: Person; // Nordlys Helse AS, a colleague who did not report
let berit: Person; // Bergvik kommune (buyer): the counterpart
let olga: Person; // operator
let nordlys: { id: string };
let bergvik: { id: string };
let otherVendor: { id: string };
let clause: number;

const reporter = () => ({ user: { id: viktor.id }, organisation: { id: nordlys.id } });
const outboxTo = (email: string) => t.db.selectFrom("outbox").select(["template", "subject", "text", "html"]).where("toAddress", "=", email).where("template", "=", "protected-report").execute();

async function file(account = "Vi ble bedt om å holde kritikken for oss selv før konkurransen.") {
  const result = await fileReport(t.db, reporter(), { counterpartId: bergvik.id, clauses: [clause], account }, { baseUrl });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.id;
}

beforeAll(async () => {
  [viktor, vera, berit, olga] = await Promise.all([
    createPerson(t.db, { name: "Viktor Melder" }),
    createPerson(t.db, { name: "Vera Kollega" }),
    createPerson(t.db, { name: "Berit Innkjøp" }),
    createPerson(t.db, { name: "Olga Operatør", operator: true }),
  ]);
  nordlys = await createOrganisationWith(t.db, [{ person: viktor, role: "member" }, { person: vera, role: "admin" }], { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" });
  bergvik = await createOrganisationWith(t.db, [{ person: berit, role: "admin" }], { isBuyer: true, verified: true, name: "Bergvik kommune" });
  otherVendor = await createOrganisationWith(t.db, [], { isBuyer: false, isVendor: true, name: "Annen Leverandør AS" });
  const version = await getCurrentVersion(t.db);
  clause = version!.clauses[0]!.number;
});

describe("filing a report", () => {
  it("offers the counterparts on the other side and the current code's clauses", async () => {
    const { counterparts, version } = await reportFormOptions(t.db, nordlys.id);
    expect(counterparts.map((c) => c.id)).toContain(bergvik.id);
    expect(counterparts.map((c) => c.id)).not.toContain(otherVendor.id);
    expect(version?.clauses.length).toBeGreaterThan(0);
  });

  it("refuses a counterpart on the same side, unknown clauses and an empty account, storing nothing", async () => {
    const before = await t.db.selectFrom("protectedReports").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const result = await fileReport(t.db, reporter(), { counterpartId: otherVendor.id, clauses: [98], account: "\u200b" }, { baseUrl });
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
    expect(!result.ok && result.problems.map((p) => p.code)).toEqual(["report_counterpart_same_side", "report_clause_unknown", "required"]);
    const after = await t.db.selectFrom("protectedReports").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("keeps the reporter apart from the report and tells the operators without naming the reporter", async () => {
    const id = await file();
    const row = await t.db.selectFrom("protectedReports").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(nordlys.id);
    expect(JSON.stringify(row)).not.toContain(viktor.id);
    const who = await t.db.selectFrom("protectedReportReporters").selectAll().where("reportId", "=", id).executeTakeFirstOrThrow();
    expect(who).toMatchObject({ userId: viktor.id, organisationId: nordlys.id });
    const mails = await outboxTo(olga.email);
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) {
      expect(mail.subject).toContain("Bergvik kommune");
      for (const text of [mail.subject, mail.text, mail.html]) {
        expect(text).not.toContain("Viktor");
        expect(text).not.toContain("Nordlys");
        expect(text).not.toContain("kritikken");
      }
    }
    expect(await outboxTo(berit.email)).toEqual([]);
  });
});

describe("who may read a report", () => {
  let id: string;
  beforeAll(async () => {
    id = await file("Innkjøperen truet med å utelukke oss.");
  });

  it("shows it to its reporter, and to nobody else in the portal: not the counterpart, not a colleague", async () => {
    expect((await reportForReporter(t.db, id, viktor.id))?.account).toBe("Innkjøperen truet med å utelukke oss.");
    expect(await reportForReporter(t.db, id, berit.id)).toBeNull();
    expect(await reportForReporter(t.db, id, vera.id)).toBeNull();
    expect(await reportForReporter(t.db, "not-a-uuid", viktor.id)).toBeNull();
    expect((await listOwnReports(t.db, viktor.id)).map((r) => r.id)).toContain(id);
    expect(await listOwnReports(t.db, vera.id)).toEqual([]);
    expect(await listOwnReports(t.db, berit.id)).toEqual([]);
  });

  it("gives operators the report without the reporter, and the reporter only through a logged read", async () => {
    const view = await reportForOperator(t.db, id);
    expect(JSON.stringify(view)).not.toContain("Nordlys");
    expect((await listReportsForOperators(t.db)).map((r) => r.id)).toContain(id);
    const before = await t.db.selectFrom("auditLog").select("id").where("action", "=", "protected_report_reporter_read").where("subject", "=", id).execute();
    expect(before).toEqual([]);
    const who = await reporterOf(t.db, id, { id: olga.id, ip: "192.0.2.1" });
    expect(who).toMatchObject({ organisationName: "Nordlys Helse AS", userName: "Viktor Melder" });
    await reporterOf(t.db, id, { id: olga.id });
    const reads = await t.db.selectFrom("auditLog").select(["actorUserId", "organisationId", "ip"]).where("action", "=", "protected_report_reporter_read").where("subject", "=", id).execute();
    expect(reads).toHaveLength(2);
    // Not filed under the reporter's organisation, whose admins read its audit log.
    expect(reads.every((r) => r.actorUserId === olga.id && r.organisationId === null)).toBe(true);
  });
});

describe("questions, answers and the outcome", () => {
  it("lets operators ask and the reporter answer, naming neither, until an outcome closes it", async () => {
    const id = await file("Vi fikk ikke svar på spørsmål som andre fikk svar på.");
    expect(await askReporter(t.db, id, { id: olga.id }, "\u200b", { baseUrl })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await askReporter(t.db, id, { id: olga.id }, "Hvilket møte gjaldt det?", { baseUrl })).toEqual({ ok: true, value: undefined });
    const toReporter = (await outboxTo(viktor.email)).at(-1)!;
    expect(toReporter.text).not.toContain("Hvilket møte");
    expect(toReporter.text).toContain(`/reports/${id}`);
    // Only the reporter may answer; the counterpart and a colleague are told it does not exist.
    expect(await answerOperators(t.db, id, berit.id, "Jeg er ikke melderen.", { baseUrl })).toMatchObject({ ok: false, reason: "not_found" });
    expect(await answerOperators(t.db, id, vera.id, "Jeg heller ikke.", { baseUrl })).toMatchObject({ ok: false, reason: "not_found" });
    expect(await answerOperators(t.db, id, viktor.id, "Dialogmøtet 3. desember.", { baseUrl })).toEqual({ ok: true, value: undefined });
    const view = await reportForReporter(t.db, id, viktor.id);
    expect(view?.messages.map((m) => [m.author, m.text])).toEqual([
      ["operator", "Hvilket møte gjaldt det?"],
      ["reporter", "Dialogmøtet 3. desember."],
    ]);
    expect(JSON.stringify(view)).not.toContain(olga.id);

    expect(await recordOutcome(t.db, id, { id: olga.id }, "guilty", "")).toMatchObject({ ok: false, reason: "invalid" });
    expect(await recordOutcome(t.db, id, { id: olga.id }, "upheld", "Bekreftet av referatet.")).toEqual({ ok: true, value: undefined });
    expect(await reportForReporter(t.db, id, viktor.id)).toMatchObject({ status: "closed", outcome: "upheld", outcomeNote: "Bekreftet av referatet." });
    expect(await askReporter(t.db, id, { id: olga.id }, "Noe mer?", { baseUrl })).toMatchObject({ ok: false, reason: "conflict" });
    expect(await answerOperators(t.db, id, viktor.id, "Noe mer.", { baseUrl })).toMatchObject({ ok: false, reason: "conflict" });
    expect(await recordOutcome(t.db, id, { id: olga.id }, "resolved", "")).toMatchObject({ ok: false, reason: "conflict" });
  });

  it("refuses in the database a closed report without an outcome and a reporter's message naming an operator", async () => {
    const id = await file();
    await expect(t.db.updateTable("protectedReports").set({ status: "closed" }).where("id", "=", id).execute()).rejects.toThrow();
    await expect(t.db.insertInto("protectedReportMessages").values({ reportId: id, author: "reporter", operatorUserId: olga.id, text: "x" }).execute()).rejects.toThrow();
  });
});

describe("public counts", () => {
  it("publishes nothing about a counterpart until three organisations have reported it, then counts by clause and outcome", async () => {
    const buyer = await createOrganisationWith(t.db, [], { isBuyer: true, name: "Fjellvik kommune" });
    const others = await Promise.all(
      ["Andre", "Tredje"].map(async (name) => {
        const person = await createPerson(t.db, { name: `${name} Melder` });
        const organisation = await createOrganisationWith(t.db, [{ person, role: "member" }], { isBuyer: false, isVendor: true, name: `${name} Leverandør AS` });
        return { user: { id: person.id }, organisation: { id: organisation.id } };
      }),
    );
    const fileAbout = async (who = reporter()) => {
      const result = await fileReport(t.db, who, { counterpartId: buyer.id, clauses: [clause], account: "Brudd." }, { baseUrl });
      if (!result.ok) throw new Error("not filed");
      return result.value.id;
    };
    expect(await publicCountsFor(t.db, buyer.id)).toBeNull();
    const first = await fileAbout();
    await recordOutcome(t.db, first, { id: olga.id }, "upheld", "");
    await fileAbout();
    await fileAbout();
    // Three reports, one organisation: publishing would name it.
    expect(await publicCountsFor(t.db, buyer.id)).toBeNull();
    await fileAbout(others[0]);
    expect(await publicCountsFor(t.db, buyer.id)).toBeNull();
    await fileAbout(others[1]);
    expect(await publicCountsFor(t.db, buyer.id)).toEqual({
      total: 5,
      byClause: [{ conductVersion: expect.any(Number), clause, count: 5 }],
      byOutcome: [
        { outcome: "open", count: 4 },
        { outcome: "upheld", count: 1 },
      ],
    });
  });
});
