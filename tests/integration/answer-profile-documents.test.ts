import { beforeAll, describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "~/domain/uploads";
import { getAnswerProfile } from "~/models/questionnaires.server";
import { organisationFileBytes, sha256Hex } from "~/models/stored-files.server";
import { action as profileAction, loader as profileLoader } from "~/routes/organisation.answer-profile/route";
import { authorizationMatrix } from "../fixtures/authorization";
import { setupTestDatabase } from "../fixtures/database";
import { SAMPLE_FILES } from "../fixtures/files";
import { respond, type Person } from "../fixtures/people";
import { routeArgs } from "../fixtures/requests";
import { createResponsePeople } from "../fixtures/response-people";

// A document answer in the answer profile (issue 17, "answer once"): uploaded on the profile page
// through the file store (type read from the bytes, size limits, ADR 0032) as a plain multipart
// post, so it works without JavaScript; a new upload replaces the stored one and a removed or
// replaced file leaves the quota; a refused file stores nothing, not even the other answers.

const t = setupTestDatabase();
const KEY = "data_processing_agreement_template";
const FILE = `answers.${KEY}.file`;

let viktor: Person;
let berit: Person;
let nordlys: { id: string };

beforeAll(async () => {
  ({ viktor, berit, nordlys } = await createResponsePeople(t.db));
});

function profileForm(fields: Record<string, string>, file: { name: string; bytes: Uint8Array } | null) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  // A browser sends the file input even when nothing was chosen: an empty, nameless part.
  form.append(FILE, file ? new File([new Uint8Array(file.bytes)], file.name) : new File([], ""));
  return form;
}
const post = async (fields: Record<string, string>, file: { name: string; bytes: Uint8Array } | null, who: Person = viktor) =>
  respond(profileAction(await routeArgs("/organisation/answer-profile", { method: "POST", body: profileForm(fields, file), cookie: who.cookie })));
const storedAnswer = async () => (await getAnswerProfile(t.db, nordlys.id))[KEY];
const fileRow = (id: string) => t.db.selectFrom("storedFiles").select(["id", "name", "sha256"]).where("id", "=", id).executeTakeFirst();

describe("a document in the answer profile", () => {
  it("uploads a document for a document question, shows it, replaces it with a new one and removes it, the quota following", async () => {
    const before = await organisationFileBytes(t.db, nordlys.id);
    const saved = await post({ "answers.helseid": "yes" }, { name: "Databehandleravtale.pdf", bytes: SAMPLE_FILES.pdf });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/organisation/answer-profile?saved=1");
    const first = (await storedAnswer())!.value as string;
    expect(await fileRow(first)).toEqual({ id: first, name: "Databehandleravtale.pdf", sha256: sha256Hex(SAMPLE_FILES.pdf) });
    expect((await getAnswerProfile(t.db, nordlys.id)).helseid).toEqual({ value: true });
    const page = await (await respond(profileLoader(await routeArgs("/organisation/answer-profile", { cookie: viktor.cookie })))).json();
    expect(page.entries.find((e: { bankKey: string }) => e.bankKey === KEY)).toMatchObject({ fileName: "Databehandleravtale.pdf" });
    expect(await organisationFileBytes(t.db, nordlys.id)).toBe(before + SAMPLE_FILES.pdf.byteLength);

    // A new upload takes the old one's place; the old file is gone with its bytes.
    expect((await post({ "answers.helseid": "yes" }, { name: "Databehandleravtale v2.docx", bytes: SAMPLE_FILES.docx })).status).toBe(302);
    const second = (await storedAnswer())!.value as string;
    expect(second).not.toBe(first);
    expect(await fileRow(first)).toBeUndefined();
    expect(await organisationFileBytes(t.db, nordlys.id)).toBe(before + SAMPLE_FILES.docx.byteLength);

    // A plain post without a file leaves it as it is; the remove box takes it out, and its file.
    expect((await post({ "answers.helseid": "yes" }, null)).status).toBe(302);
    expect((await storedAnswer())!.value).toBe(second);
    expect((await post({ "answers.helseid": "yes", [`answers.${KEY}.remove`]: "on" }, null)).status).toBe(302);
    expect(await storedAnswer()).toBeUndefined();
    expect(await fileRow(second)).toBeUndefined();
    expect(await organisationFileBytes(t.db, nordlys.id)).toBe(before);
  });

  it.each([
    ["a program named as a PDF", { name: "avtale.pdf", bytes: SAMPLE_FILES.exe }, 400, "file_type_not_allowed"],
    ["a picture named as a PDF", { name: "avtale.pdf", bytes: SAMPLE_FILES.png }, 400, "file_type_mismatch"],
    ["an empty file", { name: "tom.pdf", bytes: new Uint8Array() }, 400, "file_empty"],
    ["a name with control characters", { name: "avtale\u0007.pdf", bytes: SAMPLE_FILES.pdf }, 400, "file_name_invalid"],
    ["a file one byte over the limit", { name: "stor.pdf", bytes: new Uint8Array([...SAMPLE_FILES.pdf, ...new Uint8Array(MAX_FILE_BYTES + 1 - SAMPLE_FILES.pdf.length)]) }, 413, "file_too_large"],
  ] as const)("refuses %s by the file field, and keeps nothing of the form", async (_what, file, status, code) => {
    const files = await t.db.selectFrom("storedFiles").select("id").execute();
    const profile = await getAnswerProfile(t.db, nordlys.id);
    const refused = await post({ "answers.idporten": "yes" }, file);
    expect(refused.status).toBe(status);
    expect((await refused.json()).errors).toEqual({ [FILE]: [code] });
    expect(await t.db.selectFrom("storedFiles").select("id").execute()).toEqual(files);
    expect(await getAnswerProfile(t.db, nordlys.id)).toEqual(profile);
  });

  it("refuses a buyer's member (403) and stores nothing", async () => {
    const files = (await t.db.selectFrom("storedFiles").select("id").execute()).length;
    expect((await post({}, { name: "avtale.pdf", bytes: SAMPLE_FILES.pdf }, berit)).status).toBe(403);
    expect((await t.db.selectFrom("storedFiles").select("id").execute()).length).toBe(files);
  });
});

describe("authorization", () => {
  // Organisation A is made a vendor: each vendor member keeps its own organisation's profile (the outsider's is its own).
  authorizationMatrix(
    () => t.db,
    [
      {
        route: "POST /organisation/answer-profile (a document uploaded)",
        call: profileAction,
        request: async (world: { organisation: { id: string } }, cookie: string | undefined) => {
          await t.db.updateTable("organisations").set({ isVendor: true }).where("id", "=", world.organisation.id).execute();
          return routeArgs("/organisation/answer-profile", { method: "POST", body: profileForm({}, { name: "avtale.pdf", bytes: SAMPLE_FILES.pdf }), cookie });
        },
        expect: { anonymous: "login", outsider: "ok", member: "ok", admin: "ok", operator: "register" },
      },
    ],
  );
});
