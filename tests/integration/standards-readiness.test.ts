import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@db/seed/demo";
import { addQuarters, quarterOf } from "~/domain/quarters";
import { action as readinessAction, loader as readinessLoader } from "~/routes/organisation.standards";
import { loader as eventPageLoader } from "~/routes/events.$eventId/route";
import { loader as standardsLoader } from "~/routes/standards._index/route";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";

// Standards readiness (issue 19): each standard says where it comes from and its national
// status; vendors' admins say per standard whether they support it, plan it (quarter) or not;
// /standards shows the counts across vendors, never who.

const t = setupTestDatabase();
let admin: Person; // vendor admin
let member: Person; // vendor member
let buyerAdmin: Person;
let otherVendorAdmin: Person;
let vendor: { id: string; name: string };
let otherVendor: { id: string; name: string };
let std: Record<string, string>;

const field = (code: string, part: "readiness" | "plannedQuarter") => `standards.${std[code]}.${part}`;
const post = async (person: Person, fields: Record<string, string>) =>
  respond(
    readinessAction(
      await formRequest("/organisation/standards", fields, {
        cookie: person.cookie,
      }),
    ),
  );
const rows = (organisationId: string) =>
  t.db
    .selectFrom("vendorStandards")
    .select(["standardId", "readiness", "plannedQuarter"])
    .where("organisationId", "=", organisationId)
    .orderBy("standardId")
    .execute();
const thisQuarter = () => quarterOf(new Date());

beforeAll(async () => {
  await seedDemoData(t.db);
  [admin, member, buyerAdmin, otherVendorAdmin] = await Promise.all([
    createPerson(t.db, { name: "Vera Vendor" }),
    createPerson(t.db, { name: "Mons Medlem" }),
    createPerson(t.db, { name: "Berit Buyer" }),
    createPerson(t.db, { name: "Otto Other" }),
  ]);
  vendor = await createOrganisationWith(
    t.db,
    [
      { person: admin, role: "admin" },
      { person: member, role: "member" },
    ],
    { isBuyer: false, isVendor: true, name: "Klarsignal AS" },
  );
  otherVendor = await createOrganisationWith(t.db, [{ person: otherVendorAdmin, role: "admin" }], {
    isBuyer: false,
    isVendor: true,
    name: "Annen Leverandør AS",
  });
  await createOrganisationWith(t.db, [{ person: buyerAdmin, role: "admin" }]);
  std = Object.fromEntries((await t.db.selectFrom("standards").select(["id", "code"]).execute()).map((s) => [s.code, s.id]));
});

describe("the catalogue", () => {
  it("marks each standard's origin and national status, as the seed and migration 0048 set them", async () => {
    const marks = await t.db.selectFrom("standards").select(["code", "origin", "nationalStatus"]).execute();
    const of = (code: string) => marks.find((m) => m.code === code);
    expect(of("hl7-fhir-r4")).toMatchObject({
      origin: "international",
      nationalStatus: "recommended",
    });
    expect(of("icd-10")).toMatchObject({
      origin: "international",
      nationalStatus: "mandatory",
    });
    expect(of("helseid")).toMatchObject({ origin: "norwegian" });
    expect(of("iso-iec-27001")).toMatchObject({ nationalStatus: "none" });
    await expect(sql`update standards set origin = 'martian' where code = 'dicom'`.execute(t.db)).rejects.toThrow(/standards_origin_known/);
    await expect(sql`update standards set national_status = 'maybe' where code = 'dicom'`.execute(t.db)).rejects.toThrow(/standards_national_status_known/);
  });

  it("shows the marks on /standards and on an event page's standards", async () => {
    const data = await readJson(await respond(standardsLoader(await routeArgs("/standards"))));
    expect(data.standards.find((s: { code: string }) => s.code === "icd-10")).toMatchObject({ origin: "international", nationalStatus: "mandatory" });
    const eventId = "00000000-0000-4000-8000-000000000101";
    const page = await readJson(await respond(eventPageLoader(await routeArgs(`/events/${eventId}`, { params: { eventId } }))));
    expect(page.standardMarks["helseid"]).toEqual({
      origin: "norwegian",
      nationalStatus: "recommended",
    });
  });
});

describe("a vendor's readiness", () => {
  it("is saved by the vendor's admin: supported, planned with a quarter, not supported; 'not stated' is left out", async () => {
    const planned = addQuarters(thisQuarter(), 2);
    const response = await post(admin, {
      organisationId: vendor.id,
      [field("hl7-fhir-r4", "readiness")]: "supported",
      [field("snomed-ct", "readiness")]: "planned",
      [field("snomed-ct", "plannedQuarter")]: planned,
      [field("icd-10", "readiness")]: "not_supported",
      [field("dicom", "readiness")]: "",
    });
    expect(response.status).toBe(200);
    expect(await rows(vendor.id)).toEqual(
      expect.arrayContaining([
        {
          standardId: std["hl7-fhir-r4"],
          readiness: "supported",
          plannedQuarter: null,
        },
        {
          standardId: std["snomed-ct"],
          readiness: "planned",
          plannedQuarter: planned,
        },
        {
          standardId: std["icd-10"],
          readiness: "not_supported",
          plannedQuarter: null,
        },
      ]),
    );
    expect(await rows(vendor.id)).toHaveLength(3);
    // Supported standards stay on the public profile; the member sees the form read-only.
    const view = await readJson(await respond(readinessLoader(await routeArgs("/organisation/standards", { cookie: member.cookie }))));
    expect(view.canEdit).toBe(false);
    expect(view.standards.find((s: { code: string }) => s.code === "snomed-ct")).toMatchObject({ readiness: "planned", plannedQuarter: planned });
  });

  it.each([
    ["a planned quarter in the past", { readiness: "planned", plannedQuarter: "2020-Q1" }, "plannedQuarter", "planned_quarter_in_past"],
    ["a malformed planned quarter", { readiness: "planned", plannedQuarter: "2027-Q9" }, "plannedQuarter", "planned_quarter_invalid"],
    ["planned without a quarter", { readiness: "planned", plannedQuarter: "" }, "plannedQuarter", "planned_quarter_required"],
    ["a quarter on a supported standard", { readiness: "supported", plannedQuarter: "2030-Q1" }, "plannedQuarter", "planned_quarter_not_planned"],
    ["an unknown choice", { readiness: "someday", plannedQuarter: "" }, "readiness", "invalid_choice"],
  ])("refuses %s by the field, keeping what was stored", async (_name, entry, part, code) => {
    const before = await rows(vendor.id);
    const response = await post(admin, {
      organisationId: vendor.id,
      [field("hl7-fhir-r4", "readiness")]: "not_supported",
      [field("dicom", "readiness")]: entry.readiness,
      [field("dicom", "plannedQuarter")]: entry.plannedQuarter,
    });
    expect(response.status).toBe(400);
    const body = await readJson(response);
    expect(body.errors[field("dicom", part as "readiness")]).toEqual([code]);
    expect(await rows(vendor.id)).toEqual(before);
  });

  it("refuses an unknown standard id (well-formed or not) without storing the rest", async () => {
    const before = await rows(vendor.id);
    for (const id of ["99999999-9999-4999-8999-999999999999", "not-a-standard"]) {
      const response = await post(admin, {
        organisationId: vendor.id,
        [field("hl7-fhir-r4", "readiness")]: "not_supported",
        [`standards.${id}.readiness`]: "supported",
      });
      expect(response.status).toBe(400);
      expect((await readJson(response)).errors[`standards.${id}.readiness`]).toEqual(["unknown_standard"]);
    }
    expect(await rows(vendor.id)).toEqual(before);
  });

  it("cannot be recorded for another organisation, by a member, or by a buyer", async () => {
    const before = await rows(otherVendor.id);
    const forOther = await post(admin, {
      organisationId: otherVendor.id,
      [field("hl7-fhir-r4", "readiness")]: "not_supported",
    });
    expect(forOther.status).toBe(403);
    expect(await rows(otherVendor.id)).toEqual(before);
    const mine = await rows(vendor.id);
    expect(
      (
        await post(member, {
          organisationId: vendor.id,
          [field("hl7-fhir-r4", "readiness")]: "not_supported",
        })
      ).status,
    ).toBe(403);
    expect(await rows(vendor.id)).toEqual(mine);
    expect(
      (
        await post(buyerAdmin, {
          [field("hl7-fhir-r4", "readiness")]: "supported",
        })
      ).status,
    ).toBe(403);
  });

  it("is checked by the database too: planned exactly when a quarter is given", async () => {
    await expect(
      sql`insert into vendor_standards (organisation_id, standard_id, readiness) values (${otherVendor.id}, ${std["dicom"]}, 'planned')`.execute(t.db),
    ).rejects.toThrow(/vendor_standards_planned_has_quarter/);
    await expect(
      sql`insert into vendor_standards (organisation_id, standard_id, readiness, planned_quarter) values (${otherVendor.id}, ${std["dicom"]}, 'supported', '2030-Q1')`.execute(
        t.db,
      ),
    ).rejects.toThrow(/vendor_standards_planned_has_quarter/);
  });
});

describe("/standards shows readiness across vendors as counts only", () => {
  it("counts supported, planned and not supported per standard, and names no vendor", async () => {
    const response = await respond(standardsLoader(await routeArgs("/standards")));
    const text = await response.clone().text();
    const data = await readJson(response);
    const counts = await t.db
      .selectFrom("vendorStandards")
      .select(["readiness", (eb) => eb.fn.countAll<string>().as("n")])
      .where("standardId", "=", std["hl7-fhir-r4"]!)
      .groupBy("readiness")
      .execute();
    const n = (r: string) => Number(counts.find((c) => c.readiness === r)?.n ?? 0);
    expect(data.readiness[std["hl7-fhir-r4"]!]).toEqual({
      supported: n("supported"),
      planned: n("planned"),
      notSupported: n("not_supported"),
    });
    // The demo vendors' readiness is there (Nordlys, Journalverket, Helix support FHIR; CareSoft plans it) …
    expect(n("supported")).toBeGreaterThanOrEqual(3);
    expect(n("planned")).toBeGreaterThanOrEqual(1);
    // … but not who said it.
    for (const name of ["Klarsignal AS", "Nordlys Helse AS", "Journalverket AS", "CareSoft Nordic AB"]) expect(text).not.toContain(name);
  });
});

describe("authorization", () => {
  authorizationMatrix(
    () => t.db,
    [
      {
        route: "GET /organisation/standards (vendor members)",
        call: readinessLoader,
        request: (_world, cookie) => routeArgs("/organisation/standards", { cookie }),
        // The world's organisation is a buyer: its people are refused; the outsider is a vendor's admin.
        expect: {
          anonymous: "login",
          outsider: "ok",
          member: 403,
          admin: 403,
          operator: "register",
        },
      },
      {
        route: "POST /organisation/standards (vendor admins, for their own organisation)",
        call: readinessAction,
        request: (_world, cookie) => formRequest("/organisation/standards", {}, { cookie }),
        expect: {
          anonymous: "login",
          outsider: "ok",
          member: 403,
          admin: 403,
          operator: "register",
        },
      },
      {
        route: "POST /organisation/standards for another organisation",
        call: readinessAction,
        request: (world, cookie) => formRequest("/organisation/standards", { organisationId: world.organisation.id }, { cookie }),
        expect: {
          anonymous: "login",
          outsider: 403,
          member: 403,
          admin: 403,
          operator: 403,
        },
      },
    ],
  );
});
