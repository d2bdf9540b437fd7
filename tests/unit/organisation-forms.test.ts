import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { CONFIRM_REQUIRED } from "~/domain/confirmation";
import {
  ChangeMemberSchema,
  CreateOrganisationSchema,
  InviteMemberSchema,
  organisationProfileSchema,
  RejectOrganisationSchema,
} from "~/domain/organisation-forms";

function form(fields: Record<string, string | string[]>) {
  const data = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) data.append(k, x);
  return data;
}

const buyer = { name: "Bergvik kommune", kinds: "buyer", registration: "norwegian", orgNumber: "974 760 673", buyerSector: "municipality", region: "vestland" };

describe("registering an organisation", () => {
  it("accepts a Norwegian buyer and strips the spaces from the organisation number", () => {
    const s = parseWithZod(form(buyer), { schema: CreateOrganisationSchema });
    expect(s.status).toBe("success");
    if (s.status !== "success") return;
    expect(s.value).toMatchObject({ orgNumber: "974760673", country: "NO", isBuyer: true, isVendor: false, buyerSector: "municipality", region: "vestland" });
  });

  it("accepts a public body that is both buyer and vendor", () => {
    const s = parseWithZod(form({ ...buyer, kinds: ["buyer", "vendor"], vendorSize: "large", cpvAreas: "48180000-3, 72000000-5\n48180000-3" }), {
      schema: CreateOrganisationSchema,
    });
    expect(s.status === "success" && s.value).toMatchObject({ isBuyer: true, isVendor: true, vendorSize: "large", cpvAreas: ["48180000-3", "72000000-5"] });
  });

  it("accepts a Swedish vendor identified by country and registry id", () => {
    const s = parseWithZod(form({ name: "CareSoft AB", kinds: "vendor", registration: "foreign", country: "SE", foreignRegistryId: "5592461234", vendorSize: "medium" }), {
      schema: CreateOrganisationSchema,
    });
    expect(s.status === "success" && s.value).toMatchObject({ country: "SE", orgNumber: null, foreignRegistryId: "5592461234" });
  });

  it("tells a wrong length apart from a wrong check digit", () => {
    const short = parseWithZod(form({ ...buyer, orgNumber: "97476067" }), { schema: CreateOrganisationSchema });
    expect(short.reply().error).toEqual({ orgNumber: ["orgNumberFormat"] });
    const wrongDigit = parseWithZod(form({ ...buyer, orgNumber: "974 760 674" }), { schema: CreateOrganisationSchema });
    expect(wrongDigit.reply().error).toEqual({ orgNumber: ["orgNumberCheckDigit"] });
  });

  it("reports every missing field of an empty form at once", () => {
    const s = parseWithZod(form({}), { schema: CreateOrganisationSchema });
    expect(s.reply().error).toMatchObject({ name: ["required"], kinds: ["kindsRequired"], registration: ["required"] });
  });

  it("asks buyers for sector and region, vendors for size, even when other fields failed", () => {
    const s = parseWithZod(form({ kinds: ["buyer", "vendor"], registration: "norwegian", orgNumber: "974760673" }), { schema: CreateOrganisationSchema });
    expect(s.reply().error).toMatchObject({ name: ["required"], buyerSector: ["required"], region: ["required"], vendorSize: ["required"] });
  });

  it("refuses a foreign buyer: buyers are Norwegian public bodies", () => {
    const s = parseWithZod(form({ ...buyer, registration: "foreign", country: "SE", foreignRegistryId: "5592461234" }), { schema: CreateOrganisationSchema });
    expect(s.reply().error).toEqual({ registration: ["buyerMustBeNorwegian"] });
  });

  it("does not accept Norway as a foreign country", () => {
    const s = parseWithZod(form({ name: "X AS", kinds: "vendor", registration: "foreign", country: "NO", foreignRegistryId: "123", vendorSize: "small" }), {
      schema: CreateOrganisationSchema,
    });
    expect(s.reply().error).toEqual({ country: ["invalidChoice"] });
  });

  it("checks CPV codes, names, slugs and websites", () => {
    const s = parseWithZod(
      form({ ...buyer, kinds: "vendor", vendorSize: "small", cpvAreas: "48180000-3 4818", name: "x".repeat(201), slug: "Not a slug!", website: "example.no" }),
      { schema: CreateOrganisationSchema },
    );
    expect(s.reply().error).toMatchObject({ "cpvAreas[1]": ["cpvFormat"], name: ["tooLong"], slug: ["slugFormat"], website: ["websiteFormat"] });
  });
});

describe("editing a profile", () => {
  it("requires the buyer fields only of buyers", () => {
    const vendor = parseWithZod(form({ name: "Nordlys Helse AS", vendorSize: "small" }), { schema: organisationProfileSchema({ isBuyer: false, isVendor: true }) });
    expect(vendor.status).toBe("success");
    const asBuyer = parseWithZod(form({ name: "Bergvik kommune" }), { schema: organisationProfileSchema({ isBuyer: true, isVendor: false }) });
    expect(asBuyer.reply().error).toEqual({ buyerSector: ["required"], region: ["required"] });
  });
});

describe("member forms", () => {
  it("normalises an invited address and refuses a malformed one", () => {
    const ok = parseWithZod(form({ email: " Kari@Example.NO ", role: "member" }), { schema: InviteMemberSchema });
    expect(ok.status === "success" && ok.value.email).toBe("kari@example.no");
    const bad = parseWithZod(form({ email: "kari", role: "owner" }), { schema: InviteMemberSchema });
    expect(bad.reply().error).toEqual({ email: ["emailFormat"], role: ["invalidChoice"] });
  });

  it("treats an empty commercial role as none", () => {
    const s = parseWithZod(form({ userId: "6f1c1a52-8f1e-4a57-9d5b-3a0f0f6b1a11", role: "admin", commercialRole: "" }), { schema: ChangeMemberSchema });
    expect(s.status === "success" && s.value.commercialRole).toBeUndefined();
  });

  it("requires a reason to reject an organisation", () => {
    const s = parseWithZod(form({ organisationId: "6f1c1a52-8f1e-4a57-9d5b-3a0f0f6b1a11", reason: "   ", confirm: "yes" }), { schema: RejectOrganisationSchema });
    expect(s.reply().error).toEqual({ reason: ["required"] });
  });

  it("refuses to reject an organisation without the confirmation box", () => {
    const s = parseWithZod(form({ organisationId: "6f1c1a52-8f1e-4a57-9d5b-3a0f0f6b1a11", reason: "Not a public buyer" }), { schema: RejectOrganisationSchema });
    expect(s.reply().error).toEqual({ confirm: [CONFIRM_REQUIRED] });
  });
});
