import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { jsonb } from "@db/jsonb";
import { saveResponse, type ResponseChange } from "~/models/event-responses.server";
import { dropUnreferencedFiles, FILE_FOREIGN_KEYS, organisationFileBytes, storeFile } from "~/models/stored-files.server";
import { setupTestDatabase } from "../fixtures/database";
import { SAMPLE_FILES } from "../fixtures/files";
import { ipTermsColumns } from "../fixtures/ip-terms";
import type { Person } from "../fixtures/people";
import { createResponsePeople } from "../fixtures/response-people";

// A file counts against its organisation's quota while something names it (ADR 0032): a
// document taken out of a draft response, the only thing that held it, is deleted with its
// bytes in the same transaction; a file a submitted version, another organisation or an answer
// still names stays; and a refused request undoes a removal with everything else.

const t = setupTestDatabase();

let viktor: Person;
let berit: Person;
let bergvik: { id: string };
let nordlys: { id: string };

beforeAll(async () => {
  ({ viktor, berit, bergvik, nordlys } = await createResponsePeople(t.db));
});

async function rfi() {
  const row = await t.db
    .insertInto("events")
    .values({ buyerId: bergvik.id, kind: "rfi", status: "published", publishedAt: new Date(), title: "RFI om kvote", description: "", responseDeadline: new Date(Date.now() + 86_400_000), effortLevel: "none", ...ipTermsColumns() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

const change = (values: Partial<ResponseChange>): ResponseChange => ({ input: { text: "Vårt svar.", textConfidential: false, confidential: false }, uploads: [], submit: false, ...values });
const pdf = { upload: { name: "vedlegg.pdf", bytes: SAMPLE_FILES.pdf }, confidential: false, confidentialReason: null };
const save = async (eventId: string, values: Partial<ResponseChange>) => {
  const saved = await saveResponse(t.db, viktor, nordlys.id, eventId, change(values), { baseUrl: "http://localhost" });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return saved.value;
};
const draftDocuments = (responseId: string) =>
  t.db.selectFrom("eventResponseDocuments as d").innerJoin("eventResponseVersions as v", "v.id", "d.versionId").select(["d.id", "d.fileId"]).where("v.responseId", "=", responseId).where("v.status", "=", "draft").execute();
const stillThere = async (fileId: string) => ({
  file: (await t.db.selectFrom("storedFiles").select("id").where("id", "=", fileId).executeTakeFirst()) !== undefined,
  bytes: (await t.db.selectFrom("fileContents").select("fileId").where("fileId", "=", fileId).executeTakeFirst()) !== undefined,
});

describe("files no longer named", () => {
  it("takes a document out of a draft with its file and bytes, so it no longer counts against the quota", async () => {
    const eventId = await rfi();
    const before = await organisationFileBytes(t.db, nordlys.id);
    const { responseId } = await save(eventId, { uploads: [pdf] });
    expect(await organisationFileBytes(t.db, nordlys.id)).toBe(before + SAMPLE_FILES.pdf.byteLength);
    const [document] = await draftDocuments(responseId);

    await save(eventId, { removeDocuments: [document!.id] });
    expect(await draftDocuments(responseId)).toEqual([]);
    expect(await stillThere(document!.fileId)).toEqual({ file: false, bytes: false });
    expect(await organisationFileBytes(t.db, nordlys.id)).toBe(before);
  });

  it("keeps a file a submitted version still holds when the amendment's draft lets it go", async () => {
    const eventId = await rfi();
    const { responseId } = await save(eventId, { uploads: [pdf], submit: true });
    const used = await organisationFileBytes(t.db, nordlys.id);
    await save(eventId, {}); // the amendment's draft, with the submission's documents
    const [document] = await draftDocuments(responseId);
    await save(eventId, { removeDocuments: [document!.id] });
    expect(await draftDocuments(responseId)).toEqual([]);
    expect(await stillThere(document!.fileId)).toEqual({ file: true, bytes: true });
    expect(await organisationFileBytes(t.db, nordlys.id)).toBe(used);
  });

  it("undoes the removal when the same request is refused (nothing half-saved)", async () => {
    const eventId = await rfi();
    const { responseId } = await save(eventId, { uploads: [pdf] });
    const [document] = await draftDocuments(responseId);
    const refused = await saveResponse(t.db, viktor, nordlys.id, eventId, change({ removeDocuments: [document!.id], uploads: [{ ...pdf, upload: { name: "program.pdf", bytes: SAMPLE_FILES.exe } }] }), { baseUrl: "http://localhost" });
    expect(refused).toMatchObject({ ok: false });
    expect(await draftDocuments(responseId)).toEqual([document]);
    expect(await stillThere(document!.fileId)).toEqual({ file: true, bytes: true });
  });

  it("keeps a file an answer of a response or the answer profile names, and never drops another organisation's", async () => {
    const store = (organisationId: string, userId: string) =>
      t.db.transaction().execute(async (trx) => {
        const stored = await storeFile(trx, { organisationId, userId }, { name: "avtale.pdf", bytes: SAMPLE_FILES.pdf });
        if (!stored.ok) throw new Error(JSON.stringify(stored));
        return stored.value.id;
      });
    const [inProfile, inAnswer, loose, buyers] = [await store(nordlys.id, viktor.id), await store(nordlys.id, viktor.id), await store(nordlys.id, viktor.id), await store(bergvik.id, berit.id)];
    await t.db.insertInto("answerProfileEntries").values({ organisationId: nordlys.id, bankKey: "data_processing_agreement_template", answer: jsonb({ value: inProfile }), updatedBy: viktor.id }).execute();
    const { responseId } = await save(await rfi(), {});
    await t.db
      .updateTable("eventResponseVersions")
      .set({ answers: jsonb([{ key: "dpa", value: inAnswer, comment: null, confidentialReason: null }]) })
      .where("responseId", "=", responseId)
      .execute();

    expect(await dropUnreferencedFiles(t.db, nordlys.id, [inProfile, inAnswer, loose, buyers, "not-an-id"])).toBe(1);
    expect((await stillThere(loose)).file).toBe(false);
    for (const kept of [inProfile, inAnswer, buyers]) expect((await stillThere(kept)).file).toBe(true);
  });

  it("knows every foreign key to stored_files, so a file a new table names is never dropped", async () => {
    const { rows } = await sql<{ table: string; column: string }>`
      select kcu.table_name as "table", kcu.column_name as "column"
      from information_schema.referential_constraints rc
      join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = rc.unique_constraint_name and ccu.constraint_schema = rc.unique_constraint_schema
      where ccu.table_name = 'stored_files'
      order by 1, 2`.execute(t.db);
    const known = [{ table: "file_contents", column: "file_id" }, ...FILE_FOREIGN_KEYS].sort((a, b) => a.table.localeCompare(b.table));
    expect(rows).toEqual(known);
  });
});
