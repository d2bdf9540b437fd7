import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@db/seed/demo";
import { lucia } from "~/auth/lucia.server";
import { formatDateTime } from "~/i18n/format";
import { fixedT } from "~/i18n/i18n";
import { action as responseAction, loader as responseLoader } from "~/routes/events.$eventId_.response/route";
import { loader as downloadLoader } from "~/routes/responses.$responseId.documents.$documentId";
import { loader as vendorViewLoader } from "~/routes/events.$eventId_.responses_.$responseId/route";
import { setupTestDatabase } from "../fixtures/database";
import { SAMPLE_FILES } from "../fixtures/files";
import { respond } from "../fixtures/people";
import { routeArgs } from "../fixtures/requests";

// Issue 17's acceptance for responses, on the demo data: the demo vendor's submitted response to
// the Bergvik RFI has one confidential document that the demo buyer has read once; hf-buyer and
// kam get 404 on it; the demo buyer opens a newly submitted confidential document and the vendor's
// response page then says "Lest av Berit Innkjøp, <tid>".

const t = setupTestDatabase();
const BERGVIK_RFI = "00000000-0000-4000-8000-000000000101";
const cookies: Record<string, string> = {};

beforeAll(async () => {
  await seedDemoData(t.db);
  for (const email of ["vendor@demo.test", "buyer@demo.test", "hf-buyer@demo.test", "kam@demo.test"]) {
    const user = await t.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    cookies[email] = `md_session=${(await lucia.createSession(user.id, { userAgent: null, ip: null })).id}`;
  }
});

const as = (email: string, path: string, params: Record<string, string>) => routeArgs(path, { cookie: cookies[email], params });
const readLines = (reads: { readerName: string; at: string; outcome: string }[]) =>
  reads.filter((r) => r.outcome === "read").map((r) => fixedT("nb", "responses")("vendor.read", { name: r.readerName, time: formatDateTime(r.at, "nb") }));

describe("the demo vendor's response to the Bergvik RFI", () => {
  it("is submitted with one confidential document the demo buyer has read once, shown on the vendor's page", async () => {
    const page = await (await respond(responseLoader(await as("vendor@demo.test", `/events/${BERGVIK_RFI}/response`, { eventId: BERGVIK_RFI })))).json();
    const [version] = page.response.submitted;
    expect(version.documents).toHaveLength(1);
    expect(version.documents[0].confidentialReason).toBeTruthy();
    expect(page.response.reads).toHaveLength(1);
    expect(readLines(page.response.reads)[0]).toMatch(/^Lest av Berit Innkjøp, \d+\. \S+ \d{4}/);
  });

  it("is 404 for hf-buyer@demo.test and kam@demo.test; buyer@demo.test opens a newly submitted confidential document and the vendor's page shows the read", async () => {
    // The form as the vendor's page opens it: the questionnaire prefilled from the answer profile, the buyer's own question answered.
    const opened = await (await respond(responseLoader(await as("vendor@demo.test", `/events/${BERGVIK_RFI}/response`, { eventId: BERGVIK_RFI })))).json();
    const form = new FormData();
    for (const [name, value] of Object.entries(opened.answerValues as Record<string, string | string[]>)) for (const v of [value].flat()) form.append(name, v);
    const own = (opened.questionnaire as { key: string; bankKey: string | null }[]).find((q) => q.bankKey === null);
    if (own) form.set(`answers.${own.key}`, "Innen ett minutt.");
    form.append("intent", "submit");
    form.append("text", "Oppdatert svar med prisvedlegg.");
    form.append("documentConfidential", "on");
    form.append("documentConfidentialReason", "Prisvedlegg");
    form.append("file", new File([SAMPLE_FILES.pdf], "Nordlys-prisvedlegg.pdf"));
    const submitted = await respond(responseAction(await routeArgs(`/events/${BERGVIK_RFI}/response`, { method: "POST", body: form, cookie: cookies["vendor@demo.test"], params: { eventId: BERGVIK_RFI } })));
    expect(submitted.status).toBe(302);
    const row = await t.db
      .selectFrom("eventResponseDocuments as d")
      .innerJoin("eventResponseVersions as v", "v.id", "d.versionId")
      .innerJoin("storedFiles as f", "f.id", "d.fileId")
      .select(["d.id", "v.responseId"])
      .where("v.version", "=", 2)
      .where("f.name", "=", "Nordlys-prisvedlegg.pdf")
      .executeTakeFirstOrThrow();
    const params = { responseId: row.responseId, documentId: row.id };
    const path = `/responses/${row.responseId}/documents/${row.id}`;
    for (const email of ["hf-buyer@demo.test", "kam@demo.test"]) {
      expect((await respond(downloadLoader(await as(email, path, params)))).status).toBe(404);
      expect((await respond(vendorViewLoader(await as(email, `/events/${BERGVIK_RFI}/responses/${row.responseId}`, { eventId: BERGVIK_RFI, responseId: row.responseId })))).status).toBe(404);
    }
    const download = await respond(downloadLoader(await as("buyer@demo.test", path, params)));
    expect(download.status).toBe(200);
    const page = await (await respond(responseLoader(await as("vendor@demo.test", `/events/${BERGVIK_RFI}/response`, { eventId: BERGVIK_RFI })))).json();
    expect(page.response.reads[0]).toMatchObject({ readerName: "Berit Innkjøp", part: "document", partLabel: "Nordlys-prisvedlegg.pdf", version: 2 });
    expect(readLines(page.response.reads)).toHaveLength(2);
    expect(readLines(page.response.reads)[0]).toBe(`Lest av Berit Innkjøp, ${formatDateTime(page.response.reads[0].at, "nb")}`);
  });
});
