import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { CONCERN_CATEGORIES, INTERACTION_CHANNELS } from "~/domain/conduct";
import { INTERACTION_PAGE_DEFAULT } from "~/domain/interaction-page";
import { interactionCounts } from "~/models/interaction-reads.server";
import { verifyAllChains, verifyOrganisationChain } from "~/models/interaction-chain.server";
import { loader as chainsLoader } from "~/routes/admin.interaction-chains";
import { action as entryAction, loader as entryLoader } from "~/routes/interactions.$id";
import { loader as listLoader } from "~/routes/interactions._index";
import { action as newAction, loader as newLoader } from "~/routes/interactions.new/route";
import { setupTestDatabase } from "../fixtures/database";
import { respond } from "../fixtures/people";
import { addMember, createOrganisation } from "../fixtures/organisations";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";
import { createUser, signIn } from "../fixtures/users";
import { ipTermsColumns } from "../fixtures/ip-terms";
import { CONTRACT_CHOICE_COLUMNS } from "../fixtures/contract-choice";
import { SCOPE_COLUMNS } from "../fixtures/scope";

const t = setupTestDatabase();

interface Party {
  org: { id: string; name: string };
  admin: { id: string; email: string; name: string };
  member: { id: string; email: string; name: string };
  adminCookie: string;
  memberCookie: string;
}

async function party(name: string, kind: "buyer" | "vendor", slug: string): Promise<Party> {
  const org = await createOrganisation(t.db, { name, kind });
  const admin = await createUser(t.db, { email: `admin@${slug}.no`, name: `Admin ${name}` });
  const member = await createUser(t.db, { email: `member@${slug}.no`, name: `Member ${name}` });
  await addMember(t.db, admin.id, org.id, "admin");
  await addMember(t.db, member.id, org.id, "member");
  return { org, admin, member, adminCookie: await signIn(admin.id), memberCookie: await signIn(member.id) };
}

let buyer: Party;
let vendor: Party;
let third: Party;
let operatorCookie: string;

beforeAll(async () => {
  buyer = await party("Bergvik kommune", "buyer", "bergvik");
  vendor = await party("Nordlys Helse AS", "vendor", "nordlys");
  third = await party("Tredje Part AS", "vendor", "tredje");
  operatorCookie = await signIn((await createUser(t.db, { operator: true })).id);
});

function entryFields(overrides: Record<string, string | string[]> = {}) {
  return {
    counterpartId: buyer.org.id,
    occurredAt: "2026-11-20T14:30",
    channel: "meeting",
    ownParticipants: [vendor.member.id],
    counterpartNames: "Berit Innkjøp\nOla Prosjektleder",
    subject: "Dialogmøte om e-resept",
    summary: "Vi ble bedt om å skrive kravspesifikasjonen.",
    clauses: ["9"],
    assessment: "concern",
    concernCategory: "unpaid_advisory_work",
    concernDescription: "Kommunen ba om to dagsverk uten betaling.",
    ...overrides,
  };
}

async function logEntry(cookie: string, overrides: Record<string, string | string[]> = {}) {
  const response = await respond(newAction(await formRequest("/interactions/new", entryFields(overrides), { cookie })));
  expect(response.status).toBe(302);
  const id = response.headers.get("Location")!.match(/^\/interactions\/([0-9a-f-]{36})\?logged=1$/)![1]!;
  return id;
}

async function count(table: "interactionEntries" | "interactionResponses" | "outbox") {
  const row = await t.db.selectFrom(table).select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  return row.n;
}

describe("logging an interaction", () => {
  it("stores the entry in Oslo time, with participants and clauses, and e-mails the counterpart's admins", async () => {
    const id = await logEntry(vendor.memberCookie);
    const row = await t.db.selectFrom("interactionEntries").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.occurredAt.toISOString()).toBe("2026-11-20T13:30:00.000Z");
    expect(row).toMatchObject({ organisationId: vendor.org.id, counterpartId: buyer.org.id, loggedBy: vendor.member.id, clauses: [9], conductVersion: 1, chainSeq: 1 });
    expect(row.participants).toEqual([
      { side: "own", userId: vendor.member.id, name: vendor.member.name },
      { side: "counterpart", userId: null, name: "Berit Innkjøp" },
      { side: "counterpart", userId: null, name: "Ola Prosjektleder" },
    ]);
    const mail = await t.db.selectFrom("outbox").selectAll().where("toAddress", "=", buyer.admin.email).where("template", "=", "interaction-logged").executeTakeFirst();
    expect(mail).toBeDefined();
    expect(mail!.text).toContain(`/interactions/${id}`);
    // Members who are not admins are not mailed.
    expect(await t.db.selectFrom("outbox").select("id").where("toAddress", "=", buyer.member.email).executeTakeFirst()).toBeUndefined();
  });

  it.each([
    ["a concern without category or description", { concernCategory: "", concernDescription: "" }, { concernCategory: ["conduct_concern_needs_category"], concernDescription: ["conduct_concern_needs_description"] }],
    ["a malformed time", { occurredAt: "20.11.2026" }, { occurredAt: ["invalid_datetime"] }],
    ["an unknown channel", { channel: "carrier_pigeon" }, { channel: ["invalid_choice"] }],
    ["no subject", { subject: " " }, { subject: ["required"] }],
    ["the own organisation as counterpart", { counterpartId: "" }, { counterpartId: ["required"] }],
    ["a clause not in the current version", { clauses: ["77"] }, { clauses: ["invalid_choice"] }],
    ["a participant from another organisation", { ownParticipants: [] as string[] }, null],
  ])("refuses %s with a message by the field and stores nothing", async (_, overrides, expected) => {
    if (expected === null) {
      overrides = { ownParticipants: [third.member.id] };
      expected = { ownParticipants: ["invalid_choice"] } as never;
    }
    const before = [await count("interactionEntries"), await count("outbox")];
    const response = (await newAction(await formRequest("/interactions/new", entryFields(overrides), { cookie: vendor.memberCookie }))) as Response;
    expect(response.status).toBe(400);
    const body = await readJson(response);
    for (const [field, codes] of Object.entries(expected!)) expect(body.error[field]).toEqual(codes);
    expect([await count("interactionEntries"), await count("outbox")]).toEqual(before);
  });

  it("refuses an entry about one's own organisation", async () => {
    const response = (await newAction(await formRequest("/interactions/new", entryFields({ counterpartId: vendor.org.id }), { cookie: vendor.memberCookie }))) as Response;
    expect(response.status).toBe(400);
    expect((await readJson(response)).error.counterpartId).toEqual(["conduct_unknown_counterpart"]);
  });

  it("offers the current version's clauses and the own members on the form", async () => {
    const body = await readJson(await newLoader(await routeArgs("/interactions/new", { cookie: vendor.memberCookie })));
    expect(body.version.number).toBe(1);
    expect(body.members.map((m: { id: string }) => m.id).sort()).toEqual([vendor.admin.id, vendor.member.id].sort());
    expect(body.counterparts.map((o: { id: string }) => o.id)).not.toContain(vendor.org.id);
  });
});

describe("who sees an entry", () => {
  let id: string;
  beforeAll(async () => {
    id = await logEntry(vendor.memberCookie, { subject: "Synlighet" });
  });

  it("shows it to members of both parties and to operators", async () => {
    for (const [cookie, side] of [
      [vendor.memberCookie, "own"],
      [buyer.memberCookie, "counterpart"],
      [operatorCookie, "operator"],
    ] as const) {
      const body = await readJson(await entryLoader(await routeArgs(`/interactions/${id}`, { cookie, params: { id } })));
      expect(body.side).toBe(side);
      expect(body.entry.subject).toBe("Synlighet");
    }
  });

  it("says whether the entry holds in its chain instead of showing a bare hash, and says so when it was changed behind the log's back (issue 14)", async () => {
    // An organisation of its own: its chain is broken on purpose below.
    const tampered = await party("Endret Kjede AS", "vendor", "endret-kjede");
    const earlier = await logEntry(tampered.memberCookie, { subject: "Før", ownParticipants: [tampered.member.id] });
    const own = await logEntry(tampered.memberCookie, { subject: "Kontrollert", ownParticipants: [tampered.member.id] });
    const chainOf = async (entryId: string) => (await readJson(await entryLoader(await routeArgs(`/interactions/${entryId}`, { cookie: buyer.memberCookie, params: { id: entryId } })))).chain;
    expect(await chainOf(own)).toBe("verified");
    await t.db.transaction().execute(async (trx) => {
      await sql`alter table interaction_entries disable trigger interaction_entries_append_only`.execute(trx);
      await sql`update interaction_entries set summary = 'Endret i etterkant.' where id = ${own}`.execute(trx);
      await sql`alter table interaction_entries enable trigger interaction_entries_append_only`.execute(trx);
    });
    expect(await chainOf(own)).toBe("broken_here");
    expect(await chainOf(earlier)).toBe("broken_elsewhere");
    // Another organisation's chain is not this one's.
    expect(await chainOf(id)).toBe("verified");
  });

  it("answers 404 to a third organisation's member, for reading and for answering", async () => {
    expect((await respond(entryLoader(await routeArgs(`/interactions/${id}`, { cookie: third.adminCookie, params: { id } })))).status).toBe(404);
    const response = await respond(entryAction(await formRequest(`/interactions/${id}`, { response: "confirm" }, { cookie: third.adminCookie, params: { id } })));
    expect(response.status).toBe(404);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    for (const bad of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      expect((await respond(entryLoader(await routeArgs(`/interactions/${bad}`, { cookie: operatorCookie, params: { id: bad } })))).status).toBe(404);
    }
  });

  it("sends anonymous visitors to log in", async () => {
    const response = await respond(entryLoader(await routeArgs(`/interactions/${id}`, { params: { id } })));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/interactions/${id}`)}`);
  });

  it("lets only the counterpart answer: the logging side and operators get 403", async () => {
    for (const cookie of [vendor.memberCookie, operatorCookie]) {
      expect((await respond(entryAction(await formRequest(`/interactions/${id}`, { response: "confirm" }, { cookie, params: { id } })))).status).toBe(403);
    }
  });

  it("lists it for both parties and not for a third", async () => {
    const subjects = async (cookie: string) => (await readJson(await listLoader(await routeArgs("/interactions", { cookie })))).entries.map((e: { subject: string }) => e.subject);
    expect(await subjects(vendor.memberCookie)).toContain("Synlighet");
    expect(await subjects(buyer.memberCookie)).toContain("Synlighet");
    expect(await subjects(third.memberCookie)).not.toContain("Synlighet");
  });
});

describe("the log page, page by page", () => {
  it("shows the newest 100 and links to older ones, reaching every entry once; a cursor it did not write shows the newest", async () => {
    const fourth = await party("Fjerde Linje AS", "vendor", "fjerde");
    const total = INTERACTION_PAGE_DEFAULT + 3;
    for (let i = 0; i < total; i++) {
      await logEntry(fourth.memberCookie, { ownParticipants: [fourth.member.id], subject: `Side ${i}`, occurredAt: `2026-10-${String(1 + (i % 28)).padStart(2, "0")}T09:${String(i % 60).padStart(2, "0")}` });
    }
    const page = async (path: string) => readJson(await listLoader(await routeArgs(path, { cookie: fourth.memberCookie })));
    const first = await page("/interactions");
    expect(first.entries).toHaveLength(INTERACTION_PAGE_DEFAULT);
    expect(first.paged).toBe(false);
    expect(first.older).toEqual(expect.any(String));
    const second = await page(`/interactions?cursor=${first.older}`);
    expect(second.entries).toHaveLength(3);
    expect(second.paged).toBe(true);
    expect(second.older).toBeNull();
    const ids = [...first.entries, ...second.entries].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(total);
    const subjects = [...first.entries, ...second.entries].map((e: { subject: string }) => e.subject).sort();
    expect(subjects).toEqual(Array.from({ length: total }, (_, i) => `Side ${i}`).sort());
    // A cursor the portal did not write is ignored: the newest page again.
    const forged = await page("/interactions?cursor=bm90LWpzb24");
    expect(forged.entries.map((e: { id: string }) => e.id)).toEqual(first.entries.map((e: { id: string }) => e.id));
  }, 120_000);
});

describe("confirming and disputing", () => {
  it("records a dispute with the counterpart's own account beside the entry, and tells the logging side's admins", async () => {
    const id = await logEntry(vendor.memberCookie, { subject: "Bestridt" });
    const missing = (await entryAction(await formRequest(`/interactions/${id}`, { response: "dispute", account: " " }, { cookie: buyer.memberCookie, params: { id } }))) as Response;
    expect(missing.status).toBe(400);
    expect((await readJson(missing)).error.account).toEqual(["conduct_dispute_needs_account"]);
    expect(await t.db.selectFrom("interactionResponses").select("id").where("entryId", "=", id).executeTakeFirst()).toBeUndefined();

    const response = await respond(
      entryAction(await formRequest(`/interactions/${id}`, { response: "dispute", account: "Vi ba om innspill, ikke en kravspesifikasjon." }, { cookie: buyer.memberCookie, params: { id } })),
    );
    expect(response.headers.get("Location")).toBe(`/interactions/${id}?answered=1`);
    const body = await readJson(await entryLoader(await routeArgs(`/interactions/${id}`, { cookie: vendor.memberCookie, params: { id } })));
    expect(body.responses).toMatchObject([{ response: "dispute", account: "Vi ba om innspill, ikke en kravspesifikasjon.", respondedByName: buyer.member.name }]);
    const mail = await t.db.selectFrom("outbox").selectAll().where("toAddress", "=", vendor.admin.email).where("template", "=", "interaction-answered").executeTakeFirst();
    expect(mail).toBeDefined();
  });

  it("records a confirmation without an account", async () => {
    const id = await logEntry(vendor.memberCookie, { subject: "Bekreftet", assessment: "in_line", concernCategory: "", concernDescription: "" });
    await respond(entryAction(await formRequest(`/interactions/${id}`, { response: "confirm" }, { cookie: buyer.adminCookie, params: { id } })));
    const rows = await t.db.selectFrom("interactionResponses").selectAll().where("entryId", "=", id).execute();
    expect(rows).toMatchObject([{ response: "confirm", account: null, organisationId: buyer.org.id }]);
  });

  it("keeps the first answer final: a second one is refused with nothing stored or sent, and the page offers no form", async () => {
    const id = await logEntry(vendor.memberCookie, { subject: "Endelig svar", assessment: "in_line", concernCategory: "", concernDescription: "" });
    await respond(entryAction(await formRequest(`/interactions/${id}`, { response: "confirm" }, { cookie: buyer.memberCookie, params: { id } })));
    const mails = () => t.db.selectFrom("outbox").select("id").where("template", "=", "interaction-answered").execute();
    const mailsBefore = (await mails()).length;

    const flipped = (await entryAction(await formRequest(`/interactions/${id}`, { response: "dispute", account: "Likevel ikke." }, { cookie: buyer.adminCookie, params: { id } }))) as Response;
    expect(flipped.status).toBe(409);
    expect((await readJson(flipped)).error.response).toEqual(["conduct_already_answered"]);
    expect(await t.db.selectFrom("interactionResponses").select("response").where("entryId", "=", id).execute()).toEqual([{ response: "confirm" }]);
    expect((await mails()).length).toBe(mailsBefore);

    const page = await readJson(await entryLoader(await routeArgs(`/interactions/${id}`, { cookie: buyer.memberCookie, params: { id } })));
    expect(page).toMatchObject({ canRespond: true, answered: true, responses: [{ response: "confirm", counts: true }] });
    expect((await interactionCounts(t.db, vendor.org.id)).loggedByThem.confirmed).toBeGreaterThan(0);

    // Whatever path writes it, the database refuses a second answer too.
    const link = await t.db.selectFrom("interactionResponses").select(["chainSeq"]).where("organisationId", "=", buyer.org.id).orderBy("chainSeq", "desc").executeTakeFirstOrThrow();
    await expect(
      sql`insert into interaction_responses (id, entry_id, organisation_id, responded_by, response, account, recorded_at, chain_seq, prev_hash, hash)
          values (gen_random_uuid(), ${id}, ${buyer.org.id}, ${buyer.admin.id}, 'dispute', 'Bakvei.', now(), ${link.chainSeq + 1}, ${"0".repeat(64)}, ${"0".repeat(64)})`.execute(t.db),
    ).rejects.toThrow(/already has its final answer/);
  });

  it("lets exactly one of two answers sent at once through", async () => {
    const id = await logEntry(vendor.memberCookie, { subject: "Samtidige svar", assessment: "in_line", concernCategory: "", concernDescription: "" });
    const answers = await Promise.all([
      entryAction(await formRequest(`/interactions/${id}`, { response: "confirm" }, { cookie: buyer.memberCookie, params: { id } })).catch((e: unknown) => e),
      entryAction(await formRequest(`/interactions/${id}`, { response: "dispute", account: "Nei." }, { cookie: buyer.adminCookie, params: { id } })).catch((e: unknown) => e),
    ]);
    const statuses = answers.map((a) => (a as Response).status).sort();
    expect(statuses).toEqual([302, 409]);
    expect(await t.db.selectFrom("interactionResponses").select("id").where("entryId", "=", id).execute()).toHaveLength(1);
    expect(await verifyOrganisationChain(t.db, buyer.org.id)).toMatchObject({ ok: true });
  });
});

describe("corrections", () => {
  it("supersede an entry with a new one; both stay, the old one marked, and it can be superseded only once", async () => {
    const oldId = await logEntry(vendor.memberCookie, { subject: "Feil dato" });
    const form = await readJson(await newLoader(await routeArgs(`/interactions/new?supersedes=${oldId}`, { cookie: vendor.memberCookie })));
    expect(form.defaults).toMatchObject({ subject: "Feil dato", occurredAt: "2026-11-20T14:30", counterpartId: buyer.org.id, supersedesId: oldId });

    const newId = await logEntry(vendor.memberCookie, { subject: "Riktig dato", occurredAt: "2026-11-21T09:00", supersedesId: oldId });
    const old = await readJson(await entryLoader(await routeArgs(`/interactions/${oldId}`, { cookie: buyer.memberCookie, params: { id: oldId } })));
    expect(old.entry.supersededById).toBe(newId);
    const correction = await readJson(await entryLoader(await routeArgs(`/interactions/${newId}`, { cookie: buyer.memberCookie, params: { id: newId } })));
    expect(correction.entry.supersedesId).toBe(oldId);

    const again = (await newAction(await formRequest("/interactions/new", entryFields({ supersedesId: oldId }), { cookie: vendor.memberCookie }))) as Response;
    expect(again.status).toBe(400);
    expect((await readJson(again)).error.supersedesId).toEqual(["conduct_cannot_supersede"]);
  });

  it("cannot be made by the counterpart or a third organisation", async () => {
    const id = await logEntry(vendor.memberCookie, { subject: "Bare vi retter" });
    expect((await respond(newLoader(await routeArgs(`/interactions/new?supersedes=${id}`, { cookie: buyer.memberCookie })))).status).toBe(404);
    const response = (await newAction(await formRequest("/interactions/new", entryFields({ counterpartId: vendor.org.id, supersedesId: id }), { cookie: buyer.memberCookie }))) as Response;
    expect(response.status).toBe(400);
    expect((await readJson(response)).error.supersedesId).toEqual(["conduct_cannot_supersede"]);
  });
});

describe("append-only in the database", () => {
  it("refuses UPDATE, DELETE and TRUNCATE of entries and answers, by raw SQL", async () => {
    const id = await logEntry(vendor.memberCookie, { subject: "Uforanderlig" });
    await respond(entryAction(await formRequest(`/interactions/${id}`, { response: "confirm" }, { cookie: buyer.memberCookie, params: { id } })));
    await expect(sql`update interaction_entries set subject = 'Omskrevet' where id = ${id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from interaction_entries where id = ${id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`update interaction_responses set response = 'dispute' where entry_id = ${id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from interaction_responses where entry_id = ${id}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate interaction_responses`.execute(t.db)).rejects.toThrow(/append-only/);
    const row = await t.db.selectFrom("interactionEntries").select("subject").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.subject).toBe("Uforanderlig");
  });

  it("refuses an answer from an organisation that is not the entry's counterpart, even by SQL", async () => {
    const id = await logEntry(vendor.memberCookie, { subject: "Feil svarer" });
    await expect(
      sql`insert into interaction_responses (id, entry_id, organisation_id, responded_by, response, recorded_at, chain_seq, prev_hash, hash)
          values (gen_random_uuid(), ${id}, ${third.org.id}, ${third.admin.id}, 'confirm', now(), 1, ${"0".repeat(64)}, ${"0".repeat(64)})`.execute(t.db),
    ).rejects.toThrow(/interaction_responses_by_counterpart/);
  });

  it("agrees with the domain's lists of channels and concern categories", async () => {
    const defs = await sql<{ name: string; def: string }>`
      select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
      where conname in ('interaction_entries_channel_check', 'interaction_entries_concern_category_check')`.execute(t.db);
    const def = (name: string) => defs.rows.find((r) => r.name === name)!.def;
    for (const c of INTERACTION_CHANNELS) expect(def("interaction_entries_channel_check")).toContain(`'${c}'`);
    for (const c of CONCERN_CATEGORIES) expect(def("interaction_entries_concern_category_check")).toContain(`'${c}'`);
  });
});

describe("the hash chain", () => {
  it("links every entry and answer an organisation appends, and verifies", async () => {
    const verdict = await verifyOrganisationChain(t.db, vendor.org.id);
    const entries = await t.db.selectFrom("interactionEntries").select("chainSeq").where("organisationId", "=", vendor.org.id).orderBy("chainSeq").execute();
    expect(verdict).toMatchObject({ ok: true, length: entries.length });
    expect(entries.map((e) => e.chainSeq)).toEqual(entries.map((_, i) => i + 1));
    // The buyer's chain holds its answers.
    expect(await verifyOrganisationChain(t.db, buyer.org.id)).toMatchObject({ ok: true });
    expect((await verifyOrganisationChain(t.db, buyer.org.id)).length).toBeGreaterThan(0);
  });

  it("never forks under concurrent appends", async () => {
    const before = (await verifyOrganisationChain(t.db, vendor.org.id)).length;
    await Promise.all(Array.from({ length: 5 }, (_, i) => logEntry(vendor.memberCookie, { subject: `Samtidig ${i}` })));
    expect(await verifyOrganisationChain(t.db, vendor.org.id)).toMatchObject({ ok: true, length: before + 5 });
  });

  it("detects a row changed by raw SQL behind the trigger's back, at that row", async () => {
    const org = await party("Manipulert AS", "vendor", "manipulert");
    const ids: string[] = [];
    for (const subject of ["Første", "Andre", "Tredje"]) ids.push(await logEntry(org.memberCookie, { subject, ownParticipants: [] }));
    expect(await verifyOrganisationChain(t.db, org.org.id)).toMatchObject({ ok: true, length: 3 });

    await t.db.transaction().execute(async (trx) => {
      await sql`alter table interaction_entries disable trigger interaction_entries_append_only`.execute(trx);
      await sql`update interaction_entries set summary = 'Det ble aldri bedt om noe.' where id = ${ids[1]!}`.execute(trx);
      await sql`alter table interaction_entries enable trigger interaction_entries_append_only`.execute(trx);
    });
    const row = { type: "entry", id: ids[1]!, entryId: ids[1]! };
    expect(await verifyOrganisationChain(t.db, org.org.id)).toEqual({ ok: false, length: 3, brokenAt: 1, seq: 2, reason: "hash_mismatch", breaks: [{ index: 1, seq: 2, reason: "hash_mismatch", row }] });

    const all = await verifyAllChains(t.db);
    expect(all.find((c) => c.id === org.org.id)!.verdict.ok).toBe(false);
    expect(all.find((c) => c.id === buyer.org.id)!.verdict.ok).toBe(true);
    const page = await readJson(await chainsLoader(await routeArgs("/admin/interaction-chains", { cookie: operatorCookie })));
    // Both pages get every break with its row, for the list people read (components/conduct/chain-status.tsx).
    expect(page.chains.find((c: { id: string }) => c.id === org.org.id).verdict).toMatchObject({ ok: false, breaks: [{ seq: 2, reason: "hash_mismatch", row }] });
    const list = await readJson(await listLoader(await routeArgs("/interactions", { cookie: org.memberCookie })));
    expect(list.verdict).toMatchObject({ ok: false, breaks: [{ seq: 2, reason: "hash_mismatch", row }] });
  });

  it("detects the last entry removed by raw SQL", async () => {
    const org = await party("Avkortet AS", "vendor", "avkortet");
    await logEntry(org.memberCookie, { subject: "Blir", ownParticipants: [] });
    const last = await logEntry(org.memberCookie, { subject: "Forsvinner", ownParticipants: [] });
    await t.db.transaction().execute(async (trx) => {
      await sql`alter table interaction_entries disable trigger interaction_entries_append_only`.execute(trx);
      await sql`delete from interaction_entries where id = ${last}`.execute(trx);
      await sql`alter table interaction_entries enable trigger interaction_entries_append_only`.execute(trx);
    });
    expect(await verifyOrganisationChain(t.db, org.org.id)).toMatchObject({ ok: false, seq: null, reason: "head_mismatch" });
  });

  it("shows the operator page to operators only", async () => {
    expect((await respond(chainsLoader(await routeArgs("/admin/interaction-chains", { cookie: vendor.adminCookie })))).status).toBe(403);
  });
});

describe("quiet period", () => {
  async function rfp(outcome: "procured" | null = null) {
    return t.db
      .insertInto("events")
      .values({
        buyerId: buyer.org.id,
        kind: "rfp",
        ...SCOPE_COLUMNS,
        ...CONTRACT_CHOICE_COLUMNS,
        title: "Anskaffelse av journalløsning",
        description: "",
        publishedAt: new Date("2026-10-01T08:00:00Z"),
        // A recorded outcome belongs to a closed event with its contract (events_* constraints).
        ...(outcome === "procured"
          ? {
              status: "closed" as const,
              closedAt: new Date("2026-11-01T08:00:00Z"),
              outcome,
              outcomeRecordedAt: new Date("2026-11-02T08:00:00Z"),
              outcomeContractValueNok: 3_000_000,
              outcomeContractDate: "2026-11-02",
            }
          : { status: "published" as const }),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
  }

  it("flags a one-to-one meeting about an RFP in its tender phase and asks the buyer's admins to share what was said", async () => {
    const event = await rfp();
    const id = await logEntry(vendor.memberCookie, { subject: "Lunsj om konkurransen", eventId: event.id, assessment: "in_line", concernCategory: "", concernDescription: "" });
    const row = await t.db.selectFrom("interactionEntries").select(["quietPeriodContact"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.quietPeriodContact).toBe(true);
    const mail = await t.db.selectFrom("outbox").selectAll().where("toAddress", "=", buyer.admin.email).where("template", "=", "quiet-period-contact").executeTakeFirst();
    expect(mail?.text).toContain(`/interactions/${id}`);
    const page = await readJson(await entryLoader(await routeArgs(`/interactions/${id}`, { cookie: buyer.memberCookie, params: { id } })));
    expect(page.entry).toMatchObject({ quietPeriodContact: true, eventTitle: "Anskaffelse av journalløsning", eventBuyerId: buyer.org.id });
    expect((await verifyOrganisationChain(t.db, vendor.org.id)).ok).toBe(true);
  });

  it("does not flag a conference or a tender with its outcome recorded", async () => {
    const open = await rfp();
    const done = await rfp("procured");
    for (const [eventId, channel] of [
      [open.id, "conference"],
      [done.id, "meeting"],
    ]) {
      const id = await logEntry(vendor.memberCookie, { eventId: eventId!, channel: channel!, assessment: "in_line", concernCategory: "", concernDescription: "" });
      const row = await t.db.selectFrom("interactionEntries").select("quietPeriodContact").where("id", "=", id).executeTakeFirstOrThrow();
      expect(row.quietPeriodContact).toBe(false);
    }
  });

  it("refuses an event held by neither party", async () => {
    const other = await t.db
      .insertInto("events")
      .values({ buyerId: third.org.id, kind: "rfi", status: "published", title: "Andres arrangement", description: "", publishedAt: new Date(), ...ipTermsColumns() })
      .returning("id")
      .executeTakeFirstOrThrow();
    const response = (await newAction(await formRequest("/interactions/new", entryFields({ eventId: other.id }), { cookie: vendor.memberCookie }))) as Response;
    expect(response.status).toBe(400);
    expect((await readJson(response)).error.eventId).toEqual(["conduct_event_not_between_parties"]);
  });
});

describe("public counts", () => {
  it("count entries by and about an organisation, concerns by category, and answers, leaving superseded entries out", async () => {
    const a = await party("Teller Kommune", "buyer", "teller");
    const b = await party("Tellet AS", "vendor", "tellet");
    const about = (cookie: string, counterpartId: string, extra: Record<string, string | string[]> = {}) =>
      logEntry(cookie, { counterpartId, ownParticipants: [], clauses: [], ...extra });
    const e1 = await about(b.memberCookie, a.org.id);
    const e2 = await about(b.memberCookie, a.org.id, { concernCategory: "gifts" });
    await about(b.memberCookie, a.org.id, { supersedesId: e2, concernCategory: "disrespect" });
    await about(a.memberCookie, b.org.id, { assessment: "in_line", concernCategory: "", concernDescription: "" });
    await respond(entryAction(await formRequest(`/interactions/${e1}`, { response: "dispute", account: "Nei." }, { cookie: a.memberCookie, params: { id: e1 } })));

    const counts = await interactionCounts(t.db, a.org.id);
    expect(counts.loggedAboutThem).toEqual({ total: 2, confirmed: 0, disputed: 1, unanswered: 1 });
    expect(counts.loggedByThem).toEqual({ total: 1, confirmed: 0, disputed: 0, unanswered: 1 });
    expect(counts.concernsReceived).toMatchObject({ unpaid_advisory_work: 1, disrespect: 1, gifts: 0 });
    expect(Object.values(counts.concernsRaised).reduce((x, y) => x + y, 0)).toBe(0);
    const other = await interactionCounts(t.db, b.org.id);
    expect(other.loggedByThem).toMatchObject({ total: 2, disputed: 1 });
    expect(other.concernsRaised).toMatchObject({ unpaid_advisory_work: 1, disrespect: 1 });
  });
});
