import { beforeAll, describe, expect, it } from "vitest";
import { publishChecklist } from "~/domain/publish-checklist";
import { action as editAction, loader as editLoader } from "~/routes/events.$eventId_.edit";
import { action as newAction, loader as newLoader } from "~/routes/events.new";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, type Person, respond } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";
import { expectationForm, rfiForm } from "../fixtures/rfi-form";

// The live checklist beside the event form says what publishing would refuse before the buyer
// tries. Held here to the server's own answer for the same form, through the real database:
// whatever the checklist lists, a publish of that form is refused for exactly that, and when
// it lists nothing the form publishes on the first submit.

const t = setupTestDatabase();

let buyer: Person;
let partner: Person;
let partnerId: string;
let newBuyer: Person;

beforeAll(async () => {
  [buyer, partner, newBuyer] = await Promise.all([createPerson(t.db), createPerson(t.db), createPerson(t.db)]);
  await createOrganisationWith(t.db, [{ person: buyer, role: "admin" }], { verified: true, name: "Sjekkvik kommune" });
  partnerId = (await createOrganisationWith(t.db, [{ person: partner, role: "admin" }], { verified: true, name: "Nabovik kommune" })).id;
  await createOrganisationWith(t.db, [{ person: newBuyer, role: "admin" }], { verified: false, name: "Nyvik kommune" });
});

const rfi = () => rfiForm(new Date(), "Forespørsel om informasjon: sjekkliste");
const expectation = () => expectationForm();

const toForm = (fields: Record<string, string>) => new URLSearchParams(fields);

async function draft(person: Person) {
  const created = await respond(newAction(await formRequest("/events/new", { ...rfi(), intent: "save" }, { cookie: person.cookie })));
  return created.headers.get("Location")!.split("/")[2]!;
}

/** The checklist as the edit page would run it: the page's loader data, the form's fields. */
async function checklistOnEditPage(person: Person, eventId: string, fields: Record<string, string>) {
  const page = await readJson(await editLoader(await routeArgs(`/events/${eventId}/edit`, { cookie: person.cookie, params: { eventId } })));
  const context = {
    buyerVerified: page.options.buyerVerified,
    standardCodes: page.options.standards.map((s: { code: string }) => s.code),
    ownDeliveryCpv: page.options.ownDeliveryCpv,
    stored: page.stored,
    now: new Date(),
  };
  return publishChecklist(toForm(fields), context);
}

async function publish(person: Person, eventId: string, fields: Record<string, string>) {
  return respond(editAction(await formRequest(`/events/${eventId}/edit`, { ...fields, intent: "publish" }, { cookie: person.cookie, params: { eventId } })));
}

describe("the live checklist and the server agree", () => {
  it.each([
    ["no expectation", () => rfi()],
    ["a declared purchase without its parts", () => ({ ...rfi(), "expectation.status": "planned" })],
    ["a level below the work", () => ({ ...rfi(), ...expectation(), "effort.level": "light" })],
    ["no deadline and no undertaking", () => ({ ...rfi(), ...expectation(), registrationDeadline: "", nonUseUndertaking: "" })],
    ["no IP terms", () => ({ ...rfi(), ...expectation(), "intellectualProperty.foregroundOwner": "", "intellectualProperty.inputUse": "" })],
    ["a tender quarter in the past", () => ({ ...rfi(), ...expectation(), "expectation.expectedTenderQuarter": "2001-Q1" })],
    ["a co-buyer who has not answered", () => ({ ...rfi(), ...expectation(), coBuyers: partnerId })],
  ])("lists exactly what publishing refuses: %s", async (_, fields) => {
    const eventId = await draft(buyer);
    const checklist = await checklistOnEditPage(buyer, eventId, fields());
    expect(checklist.wellFormed).toBe(true);
    expect(checklist.problems.length).toBeGreaterThan(0);
    const refused = await publish(buyer, eventId, fields());
    expect(refused.status).toBe(422);
    expect((await readJson(refused)).problems).toEqual(checklist.problems);
  });

  it("names the unverified organisation as the server does", async () => {
    const eventId = await draft(newBuyer);
    const fields = { ...rfi(), ...expectation() };
    const checklist = await checklistOnEditPage(newBuyer, eventId, fields);
    expect(checklist.groups).toEqual([{ step: "organisation", problems: [{ path: "buyer", code: "buyer_not_verified" }] }]);
    const refused = await publish(newBuyer, eventId, fields);
    expect((await readJson(refused)).problems).toEqual(checklist.problems);
  });

  it("lists nothing for a form that then publishes on the first submit, from the new-event page", async () => {
    const page = await readJson(await newLoader(await routeArgs("/events/new", { cookie: buyer.cookie })));
    const fields = { ...rfi(), ...expectation() };
    const checklist = publishChecklist(toForm(fields), {
      buyerVerified: page.options.buyerVerified,
      standardCodes: page.options.standards.map((s: { code: string }) => s.code),
      ownDeliveryCpv: page.options.ownDeliveryCpv,
      now: new Date(),
    });
    expect(checklist.problems).toEqual([]);
    const published = await respond(newAction(await formRequest("/events/new", { ...fields, intent: "publish" }, { cookie: buyer.cookie })));
    expect(published.status).toBe(302);
    expect(published.headers.get("Location")).toMatch(/^\/events\/[0-9a-f-]{36}\?published=1$/);
  });
});
