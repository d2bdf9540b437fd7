import { beforeAll, describe, expect, it } from "vitest";
import { askQuestion } from "~/models/questions.server";
import { registerForEvent } from "~/models/registrations.server";
import { loader as workspaceLoader } from "~/routes/workspace.events";
import { loader } from "~/routes/workspace.questions";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { readJson, routeArgs } from "../fixtures/requests";

const t = setupTestDatabase();

// The matrix's organisation A is a buyer: its members see its questions; a vendor-only
// outsider gets 403; an operator without an organisation is sent to register one.
authorizationMatrix(() => t.db, [
  {
    route: "GET /workspace/questions",
    call: loader,
    request: async (_world, cookie) => routeArgs("/workspace/questions", { cookie }),
    expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: "register" },
  },
]);

describe("the buyer's unanswered questions", () => {
  let buyer: Person;
  let buyerOrg: { id: string };
  const NOW = new Date();
  const DAY = 86_400_000;

  async function event(buyerId: string, title: string) {
    const row = await t.db
      .insertInto("events")
      .values({ buyerId, kind: "dialogue_meeting", status: "published", publishedAt: NOW, title, description: "", registrationDeadline: new Date(NOW.getTime() + 10 * DAY), startsAt: new Date(NOW.getTime() + 14 * DAY), effortLevel: "none" })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  beforeAll(async () => {
    buyer = await createPerson(t.db, { name: "Berit Innkjøp" });
    buyerOrg = await createOrganisationWith(t.db, [{ person: buyer, role: "admin" }], { verified: true, name: "Bergvik kommune" });
  });

  it("lists every event's open questions, oldest first; other buyers' and answered ones are not there", async () => {
    const first = await event(buyerOrg.id, "Dialogmøte om nattilsyn");
    const second = await event(buyerOrg.id, "Leverandørkonferanse om e-resept");
    const otherBuyer = await createPerson(t.db);
    const otherOrg = await createOrganisationWith(t.db, [{ person: otherBuyer, role: "admin" }], { verified: true, name: "Helse Vestfjord HF" });
    const foreign = await event(otherOrg.id, "Helseforetakets møte");

    const vendorPerson = await createPerson(t.db, { name: "Viktor" });
    const vendorOrg = await createOrganisationWith(t.db, [{ person: vendorPerson, role: "admin" }], { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" });
    const member = { user: { id: vendorPerson.id }, organisation: { id: vendorOrg.id, isVendor: true } };
    for (const id of [first, second, foreign]) {
      expect((await registerForEvent(t.db, member, id, { attendees: [vendorPerson.id], note: null }, { baseUrl: "https://x.example" })).ok).toBe(true);
    }
    const asked = async (id: string, text: string, minutesAgo: number) => {
      const result = await askQuestion(t.db, member, id, text, { now: new Date(NOW.getTime() - minutesAgo * 60_000), baseUrl: "http://localhost:3000" });
      if (!result.ok) throw new Error("not asked");
      return result.value.id;
    };
    const newest = await asked(first, "Nyeste spørsmål", 5);
    const oldest = await asked(second, "Eldste spørsmål", 60);
    const middle = await asked(first, "Midterste spørsmål", 30);
    await asked(foreign, "Til et annet helseforetak", 90);
    const answered = await asked(first, "Allerede besvart", 120);
    await t.db.updateTable("eventQuestions").set({ publishedText: "Allerede besvart", answer: "Ja.", answeredAt: NOW, answeredBy: buyer.id }).where("id", "=", answered).execute();

    const data = await readJson(await respond(loader(await routeArgs("/workspace/questions", { cookie: buyer.cookie }))));
    expect(data.questions.map((q: { id: string }) => q.id)).toEqual([oldest, middle, newest]);
    expect(data.questions[0]).toMatchObject({ eventId: second, eventTitle: "Leverandørkonferanse om e-resept", organisationName: "Nordlys Helse AS", text: "Eldste spørsmål" });

    const workspace = await readJson(await respond(workspaceLoader(await routeArgs("/workspace/events", { cookie: buyer.cookie }))));
    expect(workspace.unansweredQuestions).toBe(3);
  });
});
