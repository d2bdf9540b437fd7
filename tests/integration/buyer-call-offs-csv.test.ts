import { beforeAll, describe, expect, it } from "vitest";
import { languageCookie } from "~/i18n/language.server";
import { loader } from "~/routes/buyers.$id_.call-offs[.csv]";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { routeArgs } from "../fixtures/requests";

// /buyers/{id}/call-offs.csv (issue 15, open data): a buyer's call-offs per contract and
// quarter for anyone, with the vendor's verdict and never the note or the vendor's account.

const t = setupTestDatabase();

let berit: Person; // a member of the buyer
let stranger: Person; // signed in, party to nothing
let buyer: { id: string; slug: string };
let otherBuyer: { id: string; slug: string };
let framework: string;
let hostile: string;
let single: string;

const HOSTILE_TITLE = '=HYPERLINK("http://evil.example","Klikk her")';
const ACCOUNT = "Vi leverte mer enn dette; se faktura 7";
const NOTE = "Intern merknad om budsjettet";

async function contract(buyerId: string, values: { title: string; type: "framework_agreement" | "single_contract"; indicatedAnnualValueNok: number | null; indicatedAnnualQuantity?: number; unit?: string }, vendorIds: string[]) {
  const { id } = await t.db
    .insertInto("contracts")
    .values({ buyerId, startDate: "2026-01-01", baseEnd: "2027-12-31", unit: null, ...values })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (vendorIds.length) await t.db.insertInto("contractVendors").values(vendorIds.map((organisationId) => ({ contractId: id, organisationId }))).execute();
  return id;
}

const get = async (id: string, cookie?: string) => respond(loader(await routeArgs(`/buyers/${encodeURIComponent(id.replace(/[\ud800-\udfff]/g, "\ufffd"))}/call-offs.csv`, { params: { id }, cookie })));
const lines = async (response: Response) => (await response.text()).replace(/^\uFEFF/, "").split("\r\n");

beforeAll(async () => {
  [berit, stranger] = await Promise.all([createPerson(t.db), createPerson(t.db)]);
  buyer = await createOrganisationWith(t.db, [{ person: berit, role: "admin" }], { isBuyer: true, verified: true, name: "Bergvik kommune" });
  otherBuyer = await createOrganisationWith(t.db, [], { isBuyer: true, name: "Nabolag kommune" });
  await createOrganisationWith(t.db, [{ person: stranger, role: "admin" }], { isBuyer: false, isVendor: true });
  const alarm = await createOrganisationWith(t.db, [], { isBuyer: false, isVendor: true, name: "Alarmteknikk AS" });
  const care = await createOrganisationWith(t.db, [], { isBuyer: false, isVendor: true, name: "Omsorg Digital AS" });

  framework = await contract(buyer.id, { title: "Rammeavtale trygghetsalarmer", type: "framework_agreement", indicatedAnnualValueNok: 10_000_000, unit: "alarmer" }, [alarm.id, care.id]);
  single = await contract(buyer.id, { title: "Enkeltkontrakt medisindispensere", type: "single_contract", indicatedAnnualValueNok: 1_200_000 }, [care.id]);
  hostile = await contract(buyer.id, { title: HOSTILE_TITLE, type: "single_contract", indicatedAnnualValueNok: null, indicatedAnnualQuantity: 40, unit: "stk" }, [alarm.id]);
  await contract(buyer.id, { title: "Avtale uten avrop", type: "single_contract", indicatedAnnualValueNok: 500_000 }, [alarm.id]);
  const theirs = await contract(otherBuyer.id, { title: "Nabolagets rammeavtale", type: "framework_agreement", indicatedAnnualValueNok: 3_000_000 }, [alarm.id]);

  await t.db
    .insertInto("contractCallOffs")
    .values([
      { contractId: framework, quarter: "2026-Q2", valueNok: 1_000_000, quantity: null, note: NOTE, response: "dispute", account: ACCOUNT, respondedAt: new Date() },
      { contractId: framework, quarter: "2026-Q1", valueNok: 2_000_000, quantity: 150, note: null, response: "confirm", respondedAt: new Date() },
      { contractId: framework, quarter: "2026-Q3", valueNok: 0, quantity: 0, note: "Ingenting kjøpt" },
      { contractId: single, quarter: "2026-Q1", valueNok: 300_000, quantity: null, response: "confirm", respondedAt: new Date() },
      { contractId: hostile, quarter: "2026-Q1", valueNok: 1, quantity: null },
      { contractId: theirs, quarter: "2026-Q1", valueNok: 999_999, quantity: null, response: "dispute", account: "Nabolagets framstilling", respondedAt: new Date() },
    ])
    .execute();
});

describe("/buyers/{id}/call-offs.csv", () => {
  it("gives anyone one row per contract and quarter, in bokmål, numbers unformatted, the verdict without the account", async () => {
    const response = await get(buyer.slug);
    expect(response.status).toBe(200);
    expect(await lines(response)).toEqual([
      "Kontrakt-ID;Kontrakt;Kontraktstype;Leverandør(er);Kvartal;Avropt verdi (kr);Avropt mengde;Enhet;Indikert verdi per år (kr);Leverandørens svar",
      // Sorted by title: "'=HYPERLINK…" is made inert (apostrophe) and quoted (quotes and a comma in it).
      `${hostile};"'=HYPERLINK(""http://evil.example"",""Klikk her"")";Enkeltkontrakt;Alarmteknikk AS;2026-Q1;1;;stk;;Ikke besvart`,
      `${single};Enkeltkontrakt medisindispensere;Enkeltkontrakt;Omsorg Digital AS;2026-Q1;300000;;;1200000;Bekreftet`,
      `${framework};Rammeavtale trygghetsalarmer;Rammeavtale;"Alarmteknikk AS, Omsorg Digital AS";2026-Q1;2000000;150;alarmer;10000000;Bekreftet`,
      `${framework};Rammeavtale trygghetsalarmer;Rammeavtale;"Alarmteknikk AS, Omsorg Digital AS";2026-Q2;1000000;;alarmer;10000000;Bestridt`,
      `${framework};Rammeavtale trygghetsalarmer;Rammeavtale;"Alarmteknikk AS, Omsorg Digital AS";2026-Q3;0;0;alarmer;10000000;Ikke besvart`,
      "",
    ]);
  });

  it("is a download in the portal's one CSV form, named after the buyer, with the demand CSV's cache policy", async () => {
    const response = await get(buyer.slug);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="avrop-${buyer.slug}.csv"; filename*=UTF-8''avrop-${buyer.slug}.csv`);
    // Like /demand.csv: no Cache-Control of its own (server.ts makes a signed-in answer private).
    expect(response.headers.get("Cache-Control")).toBeNull();
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("never carries the vendor's account or the buyer's note, not even for a member of the buyer", async () => {
    for (const cookie of [undefined, berit.cookie, stranger.cookie]) {
      const text = await (await get(buyer.slug, cookie)).text();
      expect(text).toContain("Bestridt");
      expect(text).not.toContain(ACCOUNT);
      expect(text).not.toContain("faktura 7");
      expect(text).not.toContain(NOTE);
      expect(text).not.toContain("Ingenting kjøpt");
    }
  });

  it("leaves out another buyer's contracts, and contracts without call-offs", async () => {
    const text = await (await get(buyer.slug)).text();
    expect(text).not.toContain("Nabolagets");
    expect(text).not.toContain("999999");
    expect(text).not.toContain("Avtale uten avrop");
    const theirs = await lines(await get(otherBuyer.slug));
    expect(theirs).toHaveLength(3);
    expect(theirs[1]).toMatch(/;Nabolagets rammeavtale;Rammeavtale;Alarmteknikk AS;2026-Q1;999999;;;3000000;Bestridt$/);
    expect(theirs.join("\n")).not.toContain("Nabolagets framstilling");
  });

  it("is found by id as well as by slug, like /buyers/{id}", async () => {
    const byId = await get(buyer.id);
    expect(byId.status).toBe(200);
    expect(byId.headers.get("Content-Disposition")).toContain(`avrop-${buyer.slug}.csv`);
    expect(await lines(byId)).toEqual(await lines(await get(buyer.slug)));
  });

  it("answers 404 without a stack for an unknown buyer, a vendor, and a hostile segment", async () => {
    const vendorOnly = await createOrganisationWith(t.db, [], { isBuyer: false, isVendor: true });
    for (const id of ["ingen-slik-kommune", "00000000-0000-4000-8000-000000000000", vendorOnly.slug, "a\u0000b", "\ud800", "x".repeat(5000), "../../etc/passwd"]) {
      const response = await get(id);
      expect(response.status, JSON.stringify(id.slice(0, 20))).toBe(404);
      expect(await response.text()).not.toMatch(/at .*\.ts|Error:/);
    }
  });

  it("speaks English to a reader who chose English, with an English file name", async () => {
    const response = await get(buyer.slug, await languageCookie.serialize("en"));
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="call-offs-${buyer.slug}.csv"; filename*=UTF-8''call-offs-${buyer.slug}.csv`);
    const [header, , , , second] = await lines(response);
    expect(header).toBe("Contract ID;Contract;Contract type;Vendor(s);Quarter;Value called off (NOK);Quantity called off;Unit;Indicated value per year (NOK);Vendor's answer");
    expect(second).toMatch(/;2026-Q2;1000000;;alarmer;10000000;Disputed$/);
  });
});
