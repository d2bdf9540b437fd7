import { describe, expect, it } from "vitest";
import { eventToRelease, ocidOf, partyIdOf, releasePackage, type OcdsEvent, type OcdsOrganisation } from "~/domain/ocds";
import { ocdsPackageValidator } from "../fixtures/ocds-schema";

const validate = ocdsPackageValidator();
const NOW = new Date("2026-11-24T12:00:00Z");
const BASE = "https://markedsdialog.example";

const bergvik: OcdsOrganisation = {
  id: "8f0e5c1e-0000-4000-8000-000000000001",
  name: "Bergvik kommune",
  orgNumber: "944100124",
  country: "NO",
  foreignRegistryId: null,
  website: "https://bergvik.kommune.example",
};

const event = (extra: Partial<OcdsEvent> = {}): OcdsEvent => ({
  id: "00000000-0000-4000-8000-000000000101",
  kind: "rfi",
  title: "Digital hjemmeoppfølging",
  description: "Vi ber om skriftlige innspill.",
  publishedAt: new Date("2026-11-10T09:00:00Z"),
  updatedAt: new Date("2026-11-12T09:00:00Z"),
  cpvCodes: ["48814000-7", "72000000-5"],
  registrationDeadline: new Date("2026-12-15T11:00:00Z"),
  startsAt: null,
  endsAt: null,
  responseDeadline: new Date("2026-11-20T11:00:00Z"),
  expectationStatus: "planned",
  budgetMinNok: 4_000_000,
  budgetMaxNok: 6_000_000,
  fundingSource: "Økonomiplan 2027–2030",
  expectedValueNok: null,
  expectedQuantity: 1200,
  quantityUnit: "brukere",
  expectedTenderQuarter: "2027-Q2",
  expectedContractStart: "2027-09-01",
  buyer: bergvik,
  coBuyers: [],
  ...extra,
});

const packageOf = (...events: OcdsEvent[]) =>
  releasePackage(
    events.map((e) => eventToRelease(e, { now: NOW, baseUrl: BASE })),
    { uri: `${BASE}/api/v1/ocds/releases`, now: NOW },
  );

describe("OCDS releases for published events", () => {
  it("describes a market dialogue as planning with engagement milestones, budget range and NO-BRC buyer", () => {
    const release = eventToRelease(event(), { now: NOW, baseUrl: BASE });
    expect(release.ocid).toBe("ocds-markedsdialog-00000000-0000-4000-8000-000000000101");
    expect(release.tag).toEqual(["planning"]);
    expect(release.buyer).toEqual({ id: "NO-BRC-944100124", name: "Bergvik kommune" });
    expect(release.parties[0]).toMatchObject({
      identifier: { scheme: "NO-BRC", id: "944100124", legalName: "Bergvik kommune" },
      address: { countryName: "Norge" },
      roles: ["buyer", "procuringEntity"],
    });
    expect(release.planning.budget).toMatchObject({ amount: { amount: 6_000_000, currency: "NOK" } });
    expect(release.planning.budget?.description).toContain("4000000–6000000 NOK");
    expect(release.planning.rationale).toContain("planlagt");
    expect(release.tender).toMatchObject({
      status: "planning",
      value: { amount: 6_000_000, currency: "NOK" },
      minValue: { amount: 4_000_000, currency: "NOK" },
      tenderPeriod: { startDate: "2027-04-01T00:00:00+02:00", endDate: "2027-06-30T23:59:00+02:00" },
      contractPeriod: { startDate: "2027-09-01T00:00:00+02:00" },
    });
    expect(release.tender.milestones).toEqual([
      { id: "registration", title: "Påmeldingsfrist", type: "engagement", code: "registration", dueDate: "2026-12-15T11:00:00.000Z", status: "scheduled" },
      // In the past: whether it was met is not known, so no status.
      { id: "response", title: "Svarfrist", type: "engagement", code: "response", dueDate: "2026-11-20T11:00:00.000Z" },
    ]);
    expect(release.tender.items?.[0]).toMatchObject({ classification: { scheme: "CPV", id: "48814000-7" }, quantity: 1200, unit: { name: "brukere" } });
    expect(validate(packageOf(event()))).toEqual([]);
  });

  it("describes a demand notice as a planned tender without engagement milestones", () => {
    const notice = event({ kind: "demand_notice", registrationDeadline: null, responseDeadline: null, cpvCodes: [] });
    const release = eventToRelease(notice, { now: NOW, baseUrl: BASE });
    expect(release.tender.status).toBe("planned");
    expect(release.tender).not.toHaveProperty("milestones");
    expect(release.tender).not.toHaveProperty("items");
    expect(validate(packageOf(notice))).toEqual([]);
  });

  it("says plainly when no purchase is expected, with no budget", () => {
    const none = event({ expectationStatus: "none", fundingSource: null, budgetMinNok: null, budgetMaxNok: null, expectedTenderQuarter: null, expectedQuantity: null, expectedContractStart: null });
    const release = eventToRelease(none, { now: NOW, baseUrl: BASE });
    expect(release.planning).toEqual({ rationale: "Ingen innkjøp forventet." });
    expect(release.tender).not.toHaveProperty("value");
    expect(validate(packageOf(none))).toEqual([]);
  });

  it("identifies foreign co-buyers by their own registry's org-id scheme, or not at all", () => {
    const swedish: OcdsOrganisation = { ...bergvik, id: "se", name: "Region Exempel", orgNumber: null, country: "SE", foreignRegistryId: "2321000000", website: null };
    const german: OcdsOrganisation = { ...bergvik, id: "de-0000", name: "Beispiel GmbH", orgNumber: null, country: "DE", foreignRegistryId: "HRB 12345", website: null };
    expect(partyIdOf(swedish)).toBe("SE-BLV-2321000000");
    expect(partyIdOf(german)).toBe("markedsdialog-de-0000");
    const release = eventToRelease(event({ coBuyers: [swedish, german] }), { now: NOW, baseUrl: BASE });
    expect(release.parties[1]).toMatchObject({ identifier: { scheme: "SE-BLV", id: "2321000000" } });
    expect(release.parties[2]).not.toHaveProperty("identifier");
    expect(validate(packageOf(event({ coBuyers: [swedish, german] })))).toEqual([]);
  });

  it("gives every change of an event its own release id under the same ocid", () => {
    const before = eventToRelease(event(), { now: NOW, baseUrl: BASE });
    const after = eventToRelease(event({ updatedAt: new Date("2026-11-13T09:00:00Z") }), { now: NOW, baseUrl: BASE });
    expect(after.ocid).toBe(before.ocid);
    expect(after.id).not.toBe(before.id);
    expect(ocidOf("x")).toBe("ocds-markedsdialog-x");
  });

  it("is caught by the schema check when a required field, a date format or a closed codelist is wrong", () => {
    const broken = packageOf(event()) as Record<string, unknown>;
    delete broken.version;
    expect(validate(broken).join()).toMatch(/version/);
    const badDate = packageOf(event());
    badDate.releases[0]!.date = "yesterday";
    expect(validate(badDate).join()).toMatch(/date-time/);
    const badStatus = packageOf(event());
    (badStatus.releases[0]!.tender as { status: string }).status = "open";
    expect(validate(badStatus).join()).toMatch(/tender\/status must be equal to one of the allowed values/);
  });
});
