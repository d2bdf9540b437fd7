import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractReminders, scheduledJobs } from "~/jobs/index.server";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, type Person } from "../fixtures/people";

// A framework from 1 January 2027 with one option (notice deadline 30 September 2028): the
// buyer is reminded to record each ended quarter, the vendor to answer it, each once when
// the task appears and once when its date has passed.

const t = setupTestDatabase();
const BASE = "https://markedsdialog.example";
let berit: Person; // buyer admin
let mia: Person; // buyer member, not admin
let viktor: Person; // vendor admin
let contractId: string;

const run = (at: string) => contractReminders.run(t.db, new Date(at));
const mails = (to: string) =>
  t.db.selectFrom("outbox").select(["subject", "text"]).where("template", "=", "contract-tasks").where("toAddress", "=", to).orderBy("createdAt").orderBy("id").execute();

const savedPublicUrl = process.env.PUBLIC_URL;
beforeAll(async () => {
  process.env.PUBLIC_URL = BASE;
  [berit, mia, viktor] = await Promise.all([createPerson(t.db, { name: "Berit Innkjøp" }), createPerson(t.db, { name: "Mia Medlem" }), createPerson(t.db, { name: "Viktor Leverandør" })]);
  const buyer = await createOrganisationWith(t.db, [{ person: berit, role: "admin" }, { person: mia, role: "member" }], { isBuyer: true, verified: true, name: "Bergvik kommune" });
  const vendor = await createOrganisationWith(t.db, [{ person: viktor, role: "admin" }], { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" });
  ({ id: contractId } = await t.db
    .insertInto("contracts")
    .values({ buyerId: buyer.id, type: "framework_agreement", title: "Rammeavtale for hjemmeoppfølging", startDate: "2027-01-01", baseEnd: "2028-12-31", indicatedAnnualValueNok: 10_000_000 })
    .returning("id")
    .executeTakeFirstOrThrow());
  await t.db.insertInto("contractVendors").values({ contractId, organisationId: vendor.id }).execute();
  await t.db.insertInto("contractOptions").values({ contractId, number: 1, months: 12, noticeDeadline: "2028-09-30" }).execute();
});
afterAll(() => {
  process.env.PUBLIC_URL = savedPublicUrl;
});

describe("contract reminders", () => {
  it("is one of the scheduled jobs", () => {
    expect(scheduledJobs).toContain(contractReminders);
  });

  it("sends nothing while the first quarter is running", async () => {
    expect(await run("2027-03-15T08:00:00Z")).toBe(0);
    expect(await mails(berit.email)).toEqual([]);
  });

  it("reminds the buyer's admins once that the first quarter's call-offs are due, and not its members", async () => {
    expect(await run("2027-04-02T08:00:00Z")).toBe(1);
    expect(await run("2027-04-02T09:00:00Z")).toBe(0);
    const [mail, ...more] = await mails(berit.email);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe("Kontrakter: 1 oppgave venter");
    expect(mail!.text).toContain("Registrer avropene for 1. kvartal 2027, også om ingenting ble kjøpt – frist 30. april 2027.");
    expect(mail!.text).not.toContain("Fristen er passert");
    expect(mail!.text).toContain(`${BASE}/contracts/${contractId}`);
    expect(await mails(mia.email)).toEqual([]);
  });

  it("reminds the vendor to answer once the quarter is recorded, and again once the answer is overdue, never a third time", async () => {
    await t.db.insertInto("contractCallOffs").values({ contractId, quarter: "2027-Q1", valueNok: 1_500_000, recordedAt: new Date("2027-04-10T10:00:00Z") }).execute();
    expect(await run("2027-04-11T08:00:00Z")).toBe(1);
    expect(await run("2027-05-11T08:00:00Z")).toBe(1);
    expect(await run("2027-05-12T08:00:00Z")).toBe(0);
    const [first, second] = await mails(viktor.email);
    expect(first!.text).toContain("Bekreft eller bestrid oppdragsgiverens tall for 1. kvartal 2027 – frist 10. mai 2027.");
    expect(second!.text).toContain("Fristen er passert.");
    // The buyer recorded in time: no overdue reminder for Q1.
    expect(await mails(berit.email)).toHaveLength(1);
  });

  it("reminds the buyer of the option 90 days before its notice deadline", async () => {
    await t.db
      .insertInto("contractCallOffs")
      .values(["2027-Q2", "2027-Q3", "2027-Q4", "2028-Q1", "2028-Q2"].map((quarter) => ({ contractId, quarter, valueNok: 0, response: "confirm" as const, respondedAt: new Date("2028-07-05T00:00:00Z") })))
      .execute();
    await t.db.updateTable("contractCallOffs").set({ response: "confirm", respondedAt: new Date("2027-04-20T00:00:00Z") }).where("quarter", "=", "2027-Q1").execute();
    expect(await run("2028-06-30T08:00:00Z")).toBe(0);
    expect(await run("2028-07-03T08:00:00Z")).toBe(1);
    const last = (await mails(berit.email)).at(-1)!;
    expect(last.text).toContain("Avgjør opsjon 1 – varslingsfrist 30. september 2028.");
  });
});
