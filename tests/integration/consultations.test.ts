import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "~/models/api-tokens.server";
import { consultationsOnConductVersion, listConsultations, missingSummaryCount } from "~/models/consultations.server";
import { action as apiCreate } from "~/routes/api.v1.consultations";
import { action as apiRespond, loader as apiResponses } from "~/routes/api.v1.consultations.$id.responses";
import { action as apiSummary } from "~/routes/api.v1.consultations.$id.summary";
import { loader as listLoader } from "~/routes/consultations._index";
import { loader as buyerLoader } from "~/routes/buyers.$id";
import { loader as versionLoader } from "~/routes/conduct.versions.$number";
import { action as newAction, loader as newLoader } from "~/routes/consultations.new";
import { action as pageAction, loader as pageLoader } from "~/routes/consultations.$id/route";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, jsonRequest, readJson, routeArgs } from "../fixtures/requests";

// Consultations (høring) through the real database: effort at most light, responses seen by
// their author alone until the deadline, then published without the withheld parts.

const t = setupTestDatabase();
const DAY = 86_400_000;

let berit: Person; // admin of the buyer that consults
let viktor: Person; // vendor admin
let otto: Person; // another vendor's admin
let ole: Person; // operator
let buyer: { id: string; slug: string };
let vendor: { id: string; slug: string };
let other: { id: string; slug: string };
const tokens: Record<"berit" | "viktor" | "otto" | "ole", string> = { berit: "", viktor: "", otto: "", ole: "" };

const future = (days = 20) => new Date(Date.now() + days * DAY);
const localInput = (d: Date) => new Date(d.getTime() + 60 * 60_000).toISOString().slice(0, 16); // Oslo in winter

const body = (overrides: Record<string, unknown> = {}) => ({
  caseNumber: "26/1234",
  title: "Veikart for standarder 2027–2029",
  summary: "Vi foreslår å kreve FHIR R4 fra 2028.",
  subject: "standards_roadmap",
  questions: ["Er tidspunktet realistisk?", "Hva koster tilpasningen?"],
  documentLinks: ["https://example.no/veikart.pdf"],
  deadline: future().toISOString(),
  effortLevel: "light",
  hoursPerResponder: 4,
  ...overrides,
});

async function createByApi(token: string, overrides: Record<string, unknown> = {}) {
  return respond(apiCreate(await jsonRequest("/api/v1/consultations", "POST", body(overrides), token)));
}
async function newConsultation(overrides: Record<string, unknown> = {}, token = tokens.berit): Promise<string> {
  const response = await createByApi(token, overrides);
  expect(response.status, await response.clone().text()).toBe(201);
  return (await readJson(response)).id as string;
}
async function pagePost(id: string, fields: Record<string, string>, who: Person | undefined) {
  return respond(pageAction(await formRequest(`/consultations/${id}`, fields, { cookie: who?.cookie, params: { id } })));
}
async function pageData(id: string, who: Person | undefined) {
  return readJson(await respond(pageLoader(await routeArgs(`/consultations/${id}`, { cookie: who?.cookie, params: { id } }))));
}
async function apiGet(id: string, token?: string) {
  return respond(apiResponses(await jsonRequest(`/api/v1/consultations/${id}/responses`, "GET", undefined, token, { id })));
}
async function apiPost(id: string, payload: unknown, token: string) {
  return respond(apiRespond(await jsonRequest(`/api/v1/consultations/${id}/responses`, "POST", payload, token, { id })));
}
/** The deadline passes (the constraint on the summary allows only an earlier deadline). */
async function passDeadline(id: string, daysAgo = 1) {
  await t.db.updateTable("consultations").set({ deadline: new Date(Date.now() - daysAgo * DAY) }).where("id", "=", id).execute();
}

beforeAll(async () => {
  [berit, viktor, otto, ole] = await Promise.all([
    createPerson(t.db, { name: "Berit Innkjøp" }),
    createPerson(t.db, { name: "Viktor Leverandør" }),
    createPerson(t.db, { name: "Otto Annen" }),
    createPerson(t.db, { name: "Ole Operatør", operator: true }),
  ]);
  buyer = await createOrganisationWith(t.db, [{ person: berit, role: "admin" }], { isBuyer: true, verified: true, name: "Helse Vestfjord HF" });
  vendor = await createOrganisationWith(t.db, [{ person: viktor, role: "admin" }], { isBuyer: false, isVendor: true, name: "Nordlys Helse AS" });
  other = await createOrganisationWith(t.db, [{ person: otto, role: "admin" }], { isBuyer: false, isVendor: true, name: "Journalverket AS" });
  for (const [key, person] of [["berit", berit], ["viktor", viktor], ["otto", otto], ["ole", ole]] as const) tokens[key] = (await createApiToken(t.db, person.id, "test")).token;
});

describe("opening a consultation", () => {
  it("publishes one from the form and e-mails the admins of the invited organisations", async () => {
    const fields = {
      caseNumber: "26/1001",
      title: "Kategoriplan for velferdsteknologi",
      summary: "Utkast til kategoriplan.",
      subject: "category_plan",
      questions: "Mangler noe?\nEr inndelingen riktig?",
      documentLinks: "https://example.no/plan.pdf",
      deadline: localInput(future()),
      effortLevel: "light",
      hoursPerResponder: "3",
      targetSectors: "municipality",
      targetVendorSizes: "small",
      invited: `${vendor.slug}\n${other.slug}`,
    };
    const response = await respond(newAction(await formRequest("/consultations/new", fields, { cookie: berit.cookie })));
    expect(response.status, await response.clone().text()).toBe(302);
    const id = (response.headers.get("Location") ?? "").split("/")[2]!.split("?")[0]!;
    const row = await t.db.selectFrom("consultations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ organiserId: buyer.id, questions: ["Mangler noe?", "Er inndelingen riktig?"], targetSectors: ["municipality"], hoursPerResponder: 3 });
    const mail = await t.db.selectFrom("outbox").select("toAddress").where("template", "=", "consultation-invited").where("text", "like", "%Kategoriplan for velferdsteknologi%").orderBy("toAddress").execute();
    expect(mail.map((m) => m.toAddress).sort()).toEqual([viktor.email, otto.email].sort());
  });

  it("refuses a consultation asking a 20-hour written response with 422 consultation_effort_too_high, and stores nothing", async () => {
    const before = await t.db.selectFrom("consultations").select(t.db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const response = await createByApi(tokens.berit, { hoursPerResponder: 20 });
    expect(response.status).toBe(422);
    const answer = await readJson(response);
    expect(answer.errors).toEqual([expect.objectContaining({ path: "hoursPerResponder", code: "consultation_effort_too_high" })]);
    expect(answer.errors[0].message).toMatch(/RFI/);
    const after = await t.db.selectFrom("consultations").select(t.db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const form = await respond(newAction(await formRequest("/consultations/new", { caseNumber: "1", title: "T", summary: "S", subject: "other", questions: "Q?", deadline: localInput(future()), effortLevel: "significant" }, { cookie: berit.cookie })));
    expect(form.status).toBe(422);
    expect((await readJson(form)).errors.effortLevel).toEqual(["consultation_effort_too_high"]);
  });

  it("has the database refuse more than light effort whatever path writes it", async () => {
    const insert = (effortLevel: string, hoursPerResponder: number | null) =>
      t.db
        .insertInto("consultations")
        .values({ organiserId: buyer.id, caseNumber: "x", title: "x", summary: "x", subject: "other", questions: ["q"], deadline: future(), effortLevel: effortLevel as "light", hoursPerResponder })
        .execute();
    await expect(insert("light", 20)).rejects.toThrow(/consultations_effort_at_most_light/);
    await expect(insert("significant", null)).rejects.toThrow(/consultations_effort_at_most_light/);
    await expect(insert("light", 8)).resolves.toBeDefined();
  });

  it("lets only operators consult on a code-of-conduct version, and the version page's model finds it", async () => {
    const refused = await createByApi(tokens.berit, { subject: "conduct_version", conductVersion: 1 });
    expect(refused.status).toBe(400);
    expect((await readJson(refused)).errors[0].code).toBe("conduct_consultation_operators_only");
    const id = await newConsultation({ subject: "conduct_version", conductVersion: 1, caseNumber: "MD 26/2" }, tokens.ole);
    const row = await t.db.selectFrom("consultations").select(["organiserId", "conductVersion"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ organiserId: null, conductVersion: 1 });
    expect((await consultationsOnConductVersion(t.db, 1)).map((c) => c.id)).toContain(id);
    // The version page links to it, and shows its summary once there is one.
    await passDeadline(id);
    await t.db.updateTable("consultations").set({ usageSummary: "Klausul 9 er skrevet om.", usageSummaryAt: new Date() }).where("id", "=", id).execute();
    const page = await readJson(await respond(versionLoader(await routeArgs("/conduct/versions/1", { params: { number: "1" } }))));
    expect(page.consultations).toEqual([expect.objectContaining({ id, caseNumber: "MD 26/2", state: "concluded", usageSummary: "Klausul 9 er skrevet om." })]);
    expect((await createByApi(tokens.viktor)).status).toBe(403);
  });
});

describe("responses before the deadline", () => {
  it("are seen by their author alone: not by other respondents, the organiser or anyone anonymous (404 through the API)", async () => {
    const id = await newConsultation();
    const saved = await pagePost(id, { intent: "save", "answers[0].text": "Hemmelig utkast fra Nordlys" }, viktor);
    expect(saved.status).toBe(302);
    expect((await pageData(id, viktor)).responses.own).toMatchObject({ status: "draft", parts: [expect.objectContaining({ text: "Hemmelig utkast fra Nordlys" }), expect.objectContaining({ text: "" })] });
    for (const who of [otto, berit, ole, undefined]) {
      const data = await pageData(id, who);
      expect(JSON.stringify(data)).not.toContain("Hemmelig utkast");
      expect(data.responses.published).toEqual([]);
    }
    expect((await apiGet(id, tokens.viktor)).status).toBe(200);
    expect((await readJson(await apiGet(id, tokens.viktor))).own.answers[0].text).toBe("Hemmelig utkast fra Nordlys");
    for (const token of [tokens.otto, tokens.berit, tokens.ole, undefined]) expect((await apiGet(id, token)).status).toBe(404);
    // Nor does the list tell how many responded before the deadline.
    const list = await readJson(await respond(listLoader(await routeArgs("/consultations"))));
    expect(list.consultations.find((c: { id: string }) => c.id === id).responses).toBeNull();
  });

  it("refuses a response from the organiser itself, and one after the deadline", async () => {
    const id = await newConsultation();
    expect((await apiPost(id, { answers: [{ text: "Eget svar" }], submit: true }, tokens.berit)).status).toBe(403);
    await passDeadline(id);
    const late = await apiPost(id, { answers: [{ text: "For sent" }], submit: true }, tokens.viktor);
    expect(late.status).toBe(409);
    expect((await readJson(late)).errors[0].code).toBe("consultation_closed");
    expect(await t.db.selectFrom("consultationResponses").select("id").where("consultationId", "=", id).execute()).toEqual([]);
  });

  it("lets the author withdraw a draft, after which it cannot be written again (found by the hostile-input suite)", async () => {
    const id = await newConsultation();
    await pagePost(id, { intent: "save", "answers[0].text": "Utkast" }, viktor);
    expect((await pagePost(id, { intent: "withdraw" }, viktor)).status).toBe(302);
    expect((await pageData(id, viktor)).responses.own.status).toBe("withdrawn");
    expect((await pagePost(id, { intent: "submit", "answers[0].text": "Likevel" }, viktor)).status).toBe(409);
  });

  it("asks for a reason to withhold a part", async () => {
    const id = await newConsultation();
    const response = await pagePost(id, { intent: "submit", "answers[0].text": "Svar", "answers[0].withhold": "on" }, viktor);
    expect(response.status).toBe(400);
    expect((await readJson(response)).errors["answers[0].withholdReason"]).toEqual(["withhold_reason_required"]);
  });
});

describe("after the deadline", () => {
  it("publishes responses with the organisation's name, never a withheld part, and a refused part only once the responder accepts", async () => {
    const id = await newConsultation();
    expect((await apiPost(id, { answers: [{ text: "Tidspunktet er realistisk." }, { text: "Prisene våre er 1 234 kr per time.", withhold: true, withholdReason: "Forretningshemmelighet" }], submit: true }, tokens.viktor)).status).toBe(201);
    expect((await pagePost(id, { intent: "submit", "answers[0].text": "For tidlig for oss.", "answers[1].text": "Intern strategi X", "answers[1].withhold": "on", "answers[1].withholdReason": "Strategi" }, otto)).status).toBe(302);
    await passDeadline(id);

    const published = await readJson(await apiGet(id));
    expect(published.items.map((r: { organisation: { name: string } }) => r.organisation.name)).toEqual(["Journalverket AS", "Nordlys Helse AS"]);
    expect(JSON.stringify(published)).not.toMatch(/1 234 kr|Intern strategi X/);
    const page = await pageData(id, undefined);
    expect(JSON.stringify(page)).not.toMatch(/1 234 kr|Intern strategi X|Forretningshemmelighet/);
    expect(page.responses.published[1].parts).toEqual([{ position: 0, text: "Tidspunktet er realistisk." }]);

    // The organiser decides: accepts Journalverket's, refuses Nordlys'.
    const organiserView = await pageData(id, berit);
    expect(organiserView.responses.withholdRequests).toHaveLength(2);
    const request = (name: string) => organiserView.responses.withholdRequests.find((r: { organisationName: string }) => r.organisationName === name);
    expect((await pagePost(id, { intent: "accept", responseId: request("Journalverket AS").responseId, position: "1" }, otto)).status).toBe(403);
    expect((await pagePost(id, { intent: "accept", responseId: request("Journalverket AS").responseId, position: "1" }, berit)).status).toBe(302);
    expect((await pagePost(id, { intent: "refuse", responseId: request("Nordlys Helse AS").responseId, position: "1" }, berit)).status).toBe(302);
    expect((await pagePost(id, { intent: "refuse", responseId: request("Nordlys Helse AS").responseId, position: "1" }, berit)).status).toBe(409);

    // The refusal is told to the responder before anything is published.
    const told = await t.db.selectFrom("outbox").select("toAddress").where("template", "=", "consultation-withholding-refused").execute();
    expect(told.map((m) => m.toAddress)).toEqual([viktor.email]);
    expect(JSON.stringify(await readJson(await apiGet(id)))).not.toContain("1 234 kr");
    expect((await pageData(id, viktor)).responses.own.awaitsConfirmation).toBe(true);

    expect((await pagePost(id, { intent: "confirm" }, viktor)).status).toBe(302);
    expect(JSON.stringify(await readJson(await apiGet(id)))).toContain("1 234 kr");
    expect(JSON.stringify(await readJson(await apiGet(id)))).not.toContain("Intern strategi X");
  });

  it("lets the responder withdraw after a refusal instead, and then nothing of it is published", async () => {
    const id = await newConsultation();
    await apiPost(id, { answers: [{ text: "Åpent svar fra Nordlys" }, { text: "Lukket del", withhold: true, withholdReason: "Sensitivt" }], submit: true }, tokens.viktor);
    await passDeadline(id);
    expect((await pagePost(id, { intent: "withdraw" }, viktor)).status).toBe(409);
    const [request] = (await pageData(id, berit)).responses.withholdRequests;
    await pagePost(id, { intent: "refuse", responseId: request.responseId, position: "1" }, berit);
    expect((await pagePost(id, { intent: "withdraw" }, viktor)).status).toBe(302);
    expect(JSON.stringify(await readJson(await apiGet(id)))).not.toContain("Nordlys");
  });

  it("takes the organiser's summary only after the deadline, only from the organiser, and then shows the consultation as concluded", async () => {
    const id = await newConsultation();
    const early = await respond(apiSummary(await jsonRequest(`/api/v1/consultations/${id}/summary`, "POST", { summary: "For tidlig" }, tokens.berit, { id })));
    expect(early.status).toBe(409);
    await passDeadline(id, 61);
    expect((await readJson(await respond(listLoader(await routeArgs("/consultations"))))).consultations.find((c: { id: string }) => c.id === id).state).toBe("missing_summary");
    expect(await missingSummaryCount(t.db, buyer.id)).toBeGreaterThanOrEqual(1);
    const scorecard = async () => (await readJson(await respond(buyerLoader(await routeArgs(`/buyers/${buyer.slug}`, { params: { id: buyer.slug } }))))).consultationsMissingSummary;
    const missingBefore = await scorecard();
    expect(missingBefore).toBeGreaterThanOrEqual(1);
    expect((await respond(apiSummary(await jsonRequest(`/api/v1/consultations/${id}/summary`, "POST", { summary: "Nei" }, tokens.viktor, { id })))).status).toBe(403);
    const done = await respond(apiSummary(await jsonRequest(`/api/v1/consultations/${id}/summary`, "POST", { summary: "Vi utsetter kravet til 2029." }, tokens.berit, { id })));
    expect(done.status).toBe(200);
    const listed = (await listConsultations(t.db)).find((c) => c.id === id)!;
    expect(listed.state).toBe("concluded");
    expect(await scorecard()).toBe(missingBefore - 1);
    expect((await pageData(id, undefined)).consultation.usageSummary).toBe("Vi utsetter kravet til 2029.");
  });
});

describe("authorization through the API", () => {
  it("answers 401 without a token, 403 to those who may not act, and 404 on an id that is no consultation", async () => {
    const id = await newConsultation();
    expect((await createByApi("")).status).toBe(401);
    expect((await createByApi(tokens.viktor)).status).toBe(403);
    expect((await respond(apiRespond(await jsonRequest(`/api/v1/consultations/${id}/responses`, "POST", { answers: [] }, undefined, { id })))).status).toBe(401);
    expect((await respond(apiSummary(await jsonRequest(`/api/v1/consultations/${id}/summary`, "POST", { summary: "x" }, undefined, { id })))).status).toBe(401);
    expect((await respond(apiSummary(await jsonRequest(`/api/v1/consultations/${id}/summary`, "POST", { summary: "x" }, tokens.ole, { id })))).status).toBe(403);
    expect((await apiGet("not-a-consultation")).status).toBe(404);
    expect((await apiPost("00000000-0000-4000-8000-000000000000", { answers: [] }, tokens.viktor)).status).toBe(404);
  });
});

describe("authorization", () => {
  const consultationOf = async (organiserId: string | null, { closed = false } = {}) => {
    const row = await t.db
      .insertInto("consultations")
      .values({ organiserId, caseNumber: "A/1", title: "Høring", summary: "Om noe.", subject: "other", questions: ["Hva mener dere?"], deadline: future(), effortLevel: "light", hoursPerResponder: 2 })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (closed) await passDeadline(row.id);
    return row.id;
  };
  authorizationMatrix(() => t.db, [
    {
      route: "GET /consultations (public)",
      call: listLoader,
      request: (_w, cookie) => routeArgs("/consultations", { cookie }),
      expect: { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "GET /consultations/new (buyers' members and operators)",
      call: newLoader,
      request: (_w, cookie) => routeArgs("/consultations/new", { cookie }),
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "POST /consultations/new (an empty form)",
      call: newAction,
      request: (_w, cookie) => formRequest("/consultations/new", {}, { cookie }),
      expect: { anonymous: "login", outsider: 403, member: 400, admin: 400, operator: 400 },
    },
    {
      route: "GET /consultations/:id (public)",
      call: pageLoader,
      request: async (w, cookie) => {
        const id = await consultationOf(w.organisation.id);
        return routeArgs(`/consultations/${id}`, { cookie, params: { id } });
      },
      expect: { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "POST /consultations/:id (respond to organisation A's consultation)",
      call: pageAction,
      request: async (w, cookie) => {
        const id = await consultationOf(w.organisation.id);
        return formRequest(`/consultations/${id}`, { intent: "save", "answers[0].text": "Svar" }, { cookie, params: { id } });
      },
      expect: { anonymous: "login", outsider: "ok", member: 403, admin: 403, operator: "register" },
    },
    {
      route: "POST /consultations/:id (organisation A's summary after the deadline)",
      call: pageAction,
      request: async (w, cookie) => {
        const id = await consultationOf(w.organisation.id, { closed: true });
        return formRequest(`/consultations/${id}`, { intent: "summary", summary: "Slik brukte vi innspillene." }, { cookie, params: { id } });
      },
      expect: { anonymous: "login", outsider: 403, member: "ok", admin: "ok", operator: 403 },
    },
    {
      route: "POST /consultations/:id (the operators' summary after the deadline)",
      call: pageAction,
      request: async (_w, cookie) => {
        const id = await consultationOf(null, { closed: true });
        return formRequest(`/consultations/${id}`, { intent: "summary", summary: "Slik brukte vi innspillene." }, { cookie, params: { id } });
      },
      expect: { anonymous: "login", outsider: 403, member: 403, admin: 403, operator: "ok" },
    },
  ]);
});
