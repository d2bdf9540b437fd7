import { parseFeed } from "@rowanmanning/feed-parser";
import ICAL from "ical.js";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { jsonb } from "@db/jsonb";
import { scheduledJobs } from "~/jobs/index.server";
import { runWatchDigests } from "~/models/watches.server";
import { generateToken, hashToken } from "~/auth/tokens.server";
import { loader as demandAtom } from "~/routes/demand[.]atom";
import { loader as watchAtom } from "~/routes/feeds.watches.$token[.atom]";
import { loader as watchIcs } from "~/routes/feeds.watches.$token[.ics]";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "~/routes/unsubscribe.$token";
import { toMailOptions } from "@emails/sender.server";
import { loader as buyerAtom } from "~/routes/organisations.$slug[.atom]";
import { action as watchesAction, loader as watchesLoader } from "~/routes/watches._index/route";
import { authorizationMatrix } from "../fixtures/authorization";
import { DEMO_ROADMAP_CONSULTATION_ID } from "@db/seed/demo-consultations";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson, respond, type Person } from "../fixtures/people";
import { formRequest, readJson, routeArgs } from "../fixtures/requests";

const t = setupTestDatabase();

let buyer: { id: string; slug: string; name: string };
let owner: Person;
let other: Person;

beforeAll(async () => {
  owner = await createPerson(t.db, { name: "Vera Vakt" });
  other = await createPerson(t.db, { name: "Otto Annen" });
  const buyerAdmin = await createPerson(t.db);
  buyer = await createOrganisationWith(t.db, [{ person: buyerAdmin, role: "admin" }], { name: "Fjordby kommune" });
});

/** A published event of the test buyer (a demand notice asks no effort, so no expectation is needed). */
async function publish(title: string, { cpv = ["48814000-7"], region = "vestland" as const, at = new Date(), startsAt = null as Date | null } = {}) {
  const row = await t.db
    .insertInto("events")
    .values({
      buyerId: buyer.id,
      kind: "demand_notice",
      status: "published",
      title,
      description: `${title} – beskrivelse`,
      cpvCodes: cpv,
      region,
      publishedAt: at,
      updatedAt: at,
      startsAt,
      registrationDeadline: startsAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function amend(eventId: string, reason: string, at: Date) {
  await t.db.insertInto("eventAmendments").values({ eventId, at, reason, changes: jsonb([{ field: "title", before: "a", after: "b" }]) }).execute();
  await t.db.updateTable("events").set({ updatedAt: at }).where("id", "=", eventId).execute();
}

async function saveWatch(person: Person, fields: Record<string, string>) {
  return respond(watchesAction(await formRequest("/watches", { intent: "create", frequency: "immediate", ...fields }, { cookie: person.cookie })));
}

/** Saves a watch and dates it, so that the digest's "since the watch was saved" is chosen by the test. */
async function watchSince(person: Person, name: string, query: string, frequency: "immediate" | "daily", createdAt: Date) {
  const body = await readJson(await saveWatch(person, { name, query, frequency }));
  await sql`update watches set created_at = ${createdAt} where id = ${body.id}`.execute(t.db);
  return body as { id: string; feed: { atom: string; ics: string } };
}

function mailTo(email: string) {
  return t.db.selectFrom("outbox").select(["subject", "text", "template"]).where("toAddress", "=", email).orderBy("createdAt").execute();
}

describe("saving and changing watches", () => {
  it("saves the current /demand filter, normalised, with a name and frequency, and shows it readable with a link back", async () => {
    const response = await saveWatch(owner, { name: "Velferdsteknologi", query: "?region=vestland&cpv=48814000-7&cursor=abc&limit=5&kind=nonsense" });
    expect(response.status).toBe(200);
    const body = await readJson(response);
    expect(body.feed.atom).toMatch(/^http:\/\/localhost\/feeds\/watches\/[A-Za-z0-9_-]{40,}\.atom$/);
    const stored = await t.db.selectFrom("watches").selectAll().where("id", "=", body.id).executeTakeFirstOrThrow();
    expect(stored.query).toBe("cpv=48814&region=vestland");
    expect(stored.feedTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.feedTokenHash).not.toContain(body.feed.atom.split("/").at(-1).replace(".atom", ""));

    const page = await readJson(await respond(watchesLoader(await routeArgs("/watches", { cookie: owner.cookie }))));
    const watch = page.watches.find((w: { id: string }) => w.id === body.id);
    expect(watch.demandHref).toBe("/demand?cpv=48814&region=vestland");
    expect(watch.filterLines).toEqual([
      { label: "CPV-kode (med underkoder)", value: expect.stringMatching(/^48814 /) },
      { label: "Region", value: "Vestland" },
    ]);
  });

  it("refuses a blank name or an unknown frequency by the field, and stores nothing", async () => {
    const before = await t.db.selectFrom("watches").select("id").execute();
    const response = await saveWatch(owner, { name: "  ", frequency: "hourly", query: "region=vestland" });
    expect(response.status).toBe(400);
    const body = await readJson(response);
    expect(body.errors.name).toEqual(["required"]);
    expect(body.errors.frequency).toEqual(["invalid_choice"]);
    expect(body.values.query).toBe("region=vestland");
    expect(await t.db.selectFrom("watches").select("id").execute()).toHaveLength(before.length);
  });

  it("lets only the owner see, rename, revoke the feeds of and delete a watch", async () => {
    const { id } = await readJson(await saveWatch(owner, { name: "Privat", query: "region=oslo" }));
    const others = await readJson(await respond(watchesLoader(await routeArgs("/watches", { cookie: other.cookie }))));
    expect(others.watches.map((w: { id: string }) => w.id)).not.toContain(id);
    const attempts: Record<string, string>[] = [
      { intent: "update", id, name: "Kapret", frequency: "daily" },
      { intent: "new-feed-url", id, confirm: "yes" },
      { intent: "delete", id, confirm: "yes" },
    ];
    for (const fields of attempts) {
      const response = await respond(watchesAction(await formRequest("/watches", fields, { cookie: other.cookie })));
      expect(response.status).toBe(404);
    }
    const anonymous = await respond(watchesLoader(await routeArgs("/watches")));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);

    const renamed = await respond(watchesAction(await formRequest("/watches", { intent: "update", id, name: "Oslo", frequency: "daily" }, { cookie: owner.cookie })));
    expect(renamed.status).toBe(200);
    expect(await t.db.selectFrom("watches").select(["name", "frequency"]).where("id", "=", id).executeTakeFirst()).toEqual({ name: "Oslo", frequency: "daily" });
    const badRename = await respond(watchesAction(await formRequest("/watches", { intent: "update", id, name: "x".repeat(101), frequency: "daily" }, { cookie: owner.cookie })));
    expect(badRename.status).toBe(400);
    expect((await readJson(badRename)).errors.name).toEqual(["too_long"]);

    expect((await respond(watchesAction(await formRequest("/watches", { intent: "delete", id, confirm: "yes" }, { cookie: owner.cookie })))).status).toBe(200);
    expect(await t.db.selectFrom("watches").select("id").where("id", "=", id).execute()).toEqual([]);
  });
});

describe("the digest", () => {
  it("is a scheduled job", () => {
    expect(scheduledJobs.map((job) => job.name)).toContain("watch-digests");
  });

  it("e-mails new matching events and amendments to matching events at once for an immediate watch, each once", async () => {
    const person = await createPerson(t.db, { name: "Ida Straks" });
    const watch = await watchSince(person, "Vestland-journal", "cpv=48814&region=vestland", "immediate", new Date("2030-01-01T00:00:00Z"));
    const matching = await publish("Digest: journal i Vestland", { at: new Date("2030-01-01T01:00:00Z") });
    await publish("Digest: journal i Oslo", { region: "oslo" as never, at: new Date("2030-01-01T01:00:00Z") });
    await publish("Digest: senger i Vestland", { cpv: ["33192000-2"], at: new Date("2030-01-01T01:00:00Z") });
    await publish("Digest: for tidlig publisert", { at: new Date("2029-12-31T23:00:00Z") });

    expect(await runWatchDigests(t.db, new Date("2030-01-01T01:05:00Z"), { baseUrl: "https://md.example" })).toBeGreaterThanOrEqual(1);
    let mails = await mailTo(person.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.template).toBe("watch-digest");
    expect(mails[0]!.subject).toBe("Vestland-journal: 1 nyhet");
    expect(mails[0]!.text).toContain("Digest: journal i Vestland");
    expect(mails[0]!.text).toContain(`https://md.example/events/${matching}`);
    expect(mails[0]!.text).not.toMatch(/Oslo|senger|for tidlig/);

    // Nothing new: nothing sent, however often the job runs.
    await runWatchDigests(t.db, new Date("2030-01-01T01:10:00Z"), { baseUrl: "https://md.example" });
    await runWatchDigests(t.db, new Date("2030-01-01T01:15:00Z"), { baseUrl: "https://md.example" });
    expect(await mailTo(person.email)).toHaveLength(1);

    await amend(matching, "Ny frist for innspill", new Date("2030-01-01T02:00:00Z"));
    await runWatchDigests(t.db, new Date("2030-01-01T02:05:00Z"), { baseUrl: "https://md.example" });
    await runWatchDigests(t.db, new Date("2030-01-01T02:10:00Z"), { baseUrl: "https://md.example" });
    mails = await mailTo(person.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain("1 endret arrangement");
    expect(mails[1]!.text).toContain("Ny frist for innspill");
    const deliveries = await t.db.selectFrom("watchDeliveries").select(["eventId", "change"]).where("eventId", "=", matching).where("watchId", "=", watch.id).execute();
    expect(deliveries.map((d) => d.change).sort()).toEqual(["amended", "published"]);
  });

  it("sends a daily watch's digest once each Oslo morning, not before seven", async () => {
    const person = await createPerson(t.db, { name: "Dag Daglig" });
    await watchSince(person, "Daglig", "cpv=48814&region=vestland", "daily", new Date("2030-03-09T12:00:00Z"));
    await publish("Daglig: første", { at: new Date("2030-03-09T20:00:00Z") });

    // 06:30 in Oslo (UTC+1 in March before the change): not yet.
    await runWatchDigests(t.db, new Date("2030-03-10T05:30:00Z"), { baseUrl: "https://md.example" });
    expect(await mailTo(person.email)).toHaveLength(0);
    // 07:05 in Oslo: the digest; later that morning: nothing more.
    await runWatchDigests(t.db, new Date("2030-03-10T06:05:00Z"), { baseUrl: "https://md.example" });
    await publish("Daglig: andre", { at: new Date("2030-03-10T06:20:00Z") });
    await runWatchDigests(t.db, new Date("2030-03-10T06:30:00Z"), { baseUrl: "https://md.example" });
    let mails = await mailTo(person.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("Daglig: første");
    expect(mails[0]!.text).not.toContain("Daglig: andre");
    // Next morning: only what is new since.
    await runWatchDigests(t.db, new Date("2030-03-11T06:05:00Z"), { baseUrl: "https://md.example" });
    mails = await mailTo(person.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain("Daglig: andre");
    expect(mails[1]!.text).not.toContain("Daglig: første");
  });

  it("sends a daily watch saved in the afternoon its first digest the next morning, not the same evening", async () => {
    const person = await createPerson(t.db, { name: "Ettermiddag Lagret" });
    // Saved 15:00 in Oslo; a match published at 16:00.
    await watchSince(person, "Ettermiddag", "cpv=48814&region=vestland", "daily", new Date("2030-04-09T13:00:00Z"));
    await publish("Ettermiddag: treff", { at: new Date("2030-04-09T14:00:00Z") });
    // 20:00 in Oslo (UTC+2 in April): not yet.
    await runWatchDigests(t.db, new Date("2030-04-09T18:00:00Z"), { baseUrl: "https://md.example" });
    expect(await mailTo(person.email)).toHaveLength(0);
    // 07:05 the next morning: the first digest.
    await runWatchDigests(t.db, new Date("2030-04-10T05:05:00Z"), { baseUrl: "https://md.example" });
    const mails = await mailTo(person.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("Ettermiddag: treff");
  });

  it("offers one-click unsubscribe (RFC 8058) in every digest, by a secret link that works without signing in", async () => {
    const person = await createPerson(t.db, { name: "Una Avmeld" });
    const { id } = await watchSince(person, "Avmeld", "cpv=48814&region=vestland", "immediate", new Date("2030-05-01T00:00:00Z"));
    await publish("Avmeld: treff", { at: new Date("2030-05-01T01:00:00Z") });
    await runWatchDigests(t.db, new Date("2030-05-01T01:05:00Z"), { baseUrl: "https://md.example" });
    const row = await t.db.selectFrom("outbox").selectAll().where("toAddress", "=", person.email).executeTakeFirstOrThrow();
    const url = row.headers["List-Unsubscribe"]!.match(/^<(https:\/\/md\.example\/unsubscribe\/([A-Za-z0-9_-]+))>$/);
    expect(url).not.toBeNull();
    expect(row.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(row.text).toContain(url![1]);
    const sent = toMailOptions({ id: row.id, createdAt: row.createdAt, from: "a@b.no", to: row.toAddress, language: row.language, subject: row.subject, html: row.html, text: row.text, attachments: [], headers: row.headers });
    expect(sent.headers).toMatchObject({ "List-Unsubscribe": `<${url![1]}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });

    const token = url![2]!;
    // GET only asks (link scanners fetch links): the watch stays.
    const page = await unsubscribeLoader(await routeArgs(`/unsubscribe/${token}`, { params: { token } }));
    expect((await readJson(page)).watchName).toBe("Avmeld");
    expect(await t.db.selectFrom("watches").select("id").where("id", "=", id).executeTakeFirst()).toBeDefined();
    // The mail client's one-click POST, signed out and without an Origin header.
    const oneClick = await respond(
      unsubscribeAction(await routeArgs(`/unsubscribe/${token}`, { method: "POST", params: { token }, body: "List-Unsubscribe=One-Click", headers: { "Content-Type": "application/x-www-form-urlencoded" } })),
    );
    expect(oneClick.status).toBe(200);
    expect(await t.db.selectFrom("watches").select("id").where("id", "=", id).executeTakeFirst()).toBeUndefined();
    await publish("Avmeld: etterpå", { at: new Date("2030-05-01T02:00:00Z") });
    await runWatchDigests(t.db, new Date("2030-05-01T02:05:00Z"), { baseUrl: "https://md.example" });
    expect(await mailTo(person.email)).toHaveLength(1);
    // Used again, or a made-up token: 404, nothing else happens.
    expect((await respond(unsubscribeAction(await formRequest(`/unsubscribe/${token}`, {}, { params: { token } })))).status).toBe(404);
    expect((await unsubscribeLoader(await routeArgs("/unsubscribe/nope", { params: { token: "nope" } }))).status).toBe(404);
  });

  it("does not e-mail an unconfirmed address", async () => {
    const person = await createPerson(t.db, { verified: false });
    await watchSince(person, "Ubekreftet", "region=vestland", "immediate", new Date("2031-01-01T00:00:00Z"));
    await publish("Ubekreftet: treff", { at: new Date("2031-01-01T01:00:00Z") });
    await runWatchDigests(t.db, new Date("2031-01-01T01:05:00Z"), { baseUrl: "https://md.example" });
    expect(await mailTo(person.email)).toHaveLength(0);
  });
});

describe("feeds", () => {
  let eventId: string;
  beforeAll(async () => {
    eventId = await publish("Feed: pasientforløp i Vestland", { at: new Date("2026-06-01T10:00:00Z"), startsAt: new Date("2027-02-01T09:00:00Z") });
    await amend(eventId, "Flyttet", new Date("2026-06-02T10:00:00Z"));
    await publish("Feed: ikke treff", { region: "oslo" as never, cpv: ["33192000-2"], at: new Date("2026-06-03T10:00:00Z") });
  });

  const token = (url: string) => url.split("/").at(-1)!.replace(/\.(atom|ics)$/, "");

  it("gives each watch a private Atom feed of its matching events, newest change first", async () => {
    const { feed } = await readJson(await saveWatch(owner, { name: "Feedtest", query: "cpv=48814&region=vestland" }));
    const response = await watchAtom(await routeArgs(`/feeds/watches/${token(feed.atom)}.atom`, { params: { token: token(feed.atom) } }));
    expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toContain("private");
    const parsed = parseFeed(await response.text());
    expect(parsed.meta.type).toBe("atom");
    expect(parsed.title).toBe("Feedtest – Markedsdialog");
    expect(parsed.self).toBe(feed.atom);
    expect(parsed.url).toBe("http://localhost/demand?cpv=48814&region=vestland");
    const titles = parsed.items.map((item) => item.title);
    expect(titles).toContain("Feed: pasientforløp i Vestland");
    expect(titles).not.toContain("Feed: ikke treff");
    const entry = parsed.items.find((item) => item.title === "Feed: pasientforløp i Vestland")!;
    expect(entry.url).toBe(`http://localhost/events/${eventId}`);
    expect(entry.id).toBe(`urn:uuid:${eventId}`);
    expect(entry.updated?.toISOString()).toBe("2026-06-02T10:00:00.000Z");
    expect(entry.published?.toISOString()).toBe("2026-06-01T10:00:00.000Z");
    const updated = parsed.items.map((item) => item.updated!.getTime());
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    expect(parsed.updated?.getTime()).toBe(updated[0]);
  });

  it("gives each watch a private iCalendar feed with the events' times and deadlines", async () => {
    const { feed } = await readJson(await saveWatch(owner, { name: "Kalender", query: "cpv=48814&region=vestland" }));
    const response = await watchIcs(await routeArgs(`/feeds/watches/${token(feed.ics)}.ics`, { params: { token: token(feed.ics) } }));
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Kalender – Markedsdialog");
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const mine = events.filter((e) => e.uid.startsWith(eventId));
    expect(mine.map((e) => e.summary).sort()).toEqual(["Feed: pasientforløp i Vestland", "Påmeldingsfrist: Feed: pasientforløp i Vestland"]);
    expect(mine[0]!.startDate.toJSDate().toISOString()).toBe("2027-02-01T09:00:00.000Z");
    expect(mine[0]!.sequence).toBe(1);
    expect(events.some((e) => e.summary.includes("ikke treff"))).toBe(false);
  });

  it("revokes the old addresses when new ones are made, and answers unknown ones with 404", async () => {
    const { id, feed } = await readJson(await saveWatch(owner, { name: "Rotasjon", query: "region=vestland" }));
    // Renewing revokes the addresses in use: without the ticked box the old ones keep working.
    const unconfirmed = await respond(watchesAction(await formRequest("/watches", { intent: "new-feed-url", id }, { cookie: owner.cookie })));
    expect(unconfirmed.status).toBe(400);
    expect((await readJson(unconfirmed)).errors).toEqual({ confirm: ["confirm_required"] });
    expect((await respond(watchAtom(await routeArgs("/x", { params: { token: token(feed.atom) } })))).status).toBe(200);
    const renewed = await readJson(await respond(watchesAction(await formRequest("/watches", { intent: "new-feed-url", id, confirm: "yes" }, { cookie: owner.cookie }))));
    expect(token(renewed.feed.atom)).not.toBe(token(feed.atom));
    const old = await respond(watchAtom(await routeArgs("/x", { params: { token: token(feed.atom) } })));
    expect(old.status).toBe(404);
    const oldIcs = await respond(watchIcs(await routeArgs("/x", { params: { token: token(feed.ics) } })));
    expect(oldIcs.status).toBe(404);
    const fresh = await respond(watchAtom(await routeArgs("/x", { params: { token: token(renewed.feed.atom) } })));
    expect(fresh.status).toBe(200);
    expect((await respond(watchAtom(await routeArgs("/x", { params: { token: "nope" } })))).status).toBe(404);
    expect((await respond(watchAtom(await routeArgs("/x", { params: { token: randomUUID().replace(/-/g, "") } })))).status).toBe(404);
  });

  it("publishes the whole demand list as Atom, honouring the /demand filter parameters", async () => {
    const response = await demandAtom(await routeArgs("/demand.atom?region=vestland&cpv=48814"));
    const parsed = parseFeed(await response.text());
    expect(parsed.title).toBe("Kommende etterspørsel – Markedsdialog");
    expect(parsed.self).toBe("http://localhost/demand.atom?cpv=48814&region=vestland");
    expect(parsed.url).toBe("http://localhost/demand?cpv=48814&region=vestland");
    const titles = parsed.items.map((item) => item.title);
    expect(titles).toContain("Feed: pasientforløp i Vestland");
    expect(titles).not.toContain("Feed: ikke treff");

    const all = parseFeed(await (await demandAtom(await routeArgs("/demand.atom"))).text());
    expect(all.items.map((item) => item.title)).toContain("Feed: ikke treff");
    const empty = parseFeed(await (await demandAtom(await routeArgs("/demand.atom?q=kvantedatamaskin"))).text());
    expect(empty.items).toEqual([]);
    expect(empty.updated?.toISOString()).toBe("1970-01-01T00:00:00.000Z");
  });

  it("publishes each buyer's events as Atom, and 404 for an organisation that is not a buyer", async () => {
    const response = await buyerAtom(await routeArgs(`/organisations/${buyer.slug}.atom`, { params: { slug: buyer.slug } }));
    const parsed = parseFeed(await response.text());
    expect(parsed.title).toBe("Fjordby kommune – Kommende etterspørsel – Markedsdialog");
    expect(parsed.items.length).toBeGreaterThanOrEqual(2);
    expect(parsed.items.every((item) => item.authors[0]?.name === "Fjordby kommune")).toBe(true);

    const vendorAdmin = await createPerson(t.db);
    const vendor = await createOrganisationWith(t.db, [{ person: vendorAdmin, role: "admin" }], { isBuyer: false, isVendor: true });
    const refused = await respond(buyerAtom(await routeArgs(`/organisations/${vendor.slug}.atom`, { params: { slug: vendor.slug } })));
    expect(refused.status).toBe(404);
  });
});

describe("demo data", () => {
  it("gives the demo vendor two watches (one on consultations) with documented feed addresses and Bergvik kommune a roadmap, once however often it runs", async () => {
    const { seedDemoData } = await import("@db/seed/demo");
    await seedDemoData(t.db);
    await seedDemoData(t.db);
    const watches = await t.db
      .selectFrom("watches")
      .innerJoin("users", "users.id", "watches.userId")
      .select(["watches.name", "watches.query", "watches.frequency"])
      .where("users.email", "=", "vendor@demo.test")
      .orderBy("watches.name")
      .execute();
    expect(watches).toEqual([
      { name: "Høringer fra helseforetak", query: "kind=consultation&sector=health_trust", frequency: "daily" },
      { name: "Journal og velferdsteknologi i Vestland", query: "cpv=48814&region=vestland", frequency: "daily" },
    ]);
    const feed = await watchAtom(await routeArgs("/feeds/watches/demo-vendor-watch-feed-token.atom", { params: { token: "demo-vendor-watch-feed-token" } }));
    expect(parseFeed(await feed.text()).items.length).toBeGreaterThan(0);
    // The second shows Helse Vestfjord HF's open consultation (issue 18), and no event.
    const token = "demo-vendor-consultation-watch-feed-token";
    const consultations = await watchAtom(await routeArgs(`/feeds/watches/${token}.atom`, { params: { token } }));
    expect(parseFeed(await consultations.text()).items.map((i) => i.url)).toEqual([`http://localhost/consultations/${DEMO_ROADMAP_CONSULTATION_ID}`]);
    const roadmap = await t.db
      .selectFrom("buyerRoadmapEntries")
      .innerJoin("organisations", "organisations.id", "buyerRoadmapEntries.organisationId")
      .select("buyerRoadmapEntries.status")
      .where("organisations.slug", "=", "bergvik-kommune")
      .execute();
    expect(roadmap.map((r) => r.status).sort()).toEqual(["implemented", "planned", "required"]);
    expect(await t.db.selectFrom("buyerRoadmapChanges").select("id").execute()).toHaveLength(3);
  });
});

describe("who may use a digest's unsubscribe link", () => {
  /** A watch of the world's member and a digest link for it, as runWatchDigests makes them. */
  async function unsubscribeLink(personId: string) {
    const watch = await t.db
      .insertInto("watches")
      .values({ userId: personId, name: `Matrise ${randomUUID()}`, query: "", frequency: "daily", feedTokenHash: hashToken(generateToken()) })
      .returning("id")
      .executeTakeFirstOrThrow();
    const token = generateToken();
    await t.db.insertInto("watchUnsubscribeTokens").values({ tokenHash: hashToken(token), watchId: watch.id }).execute();
    return token;
  }
  // The secret link is the permission (it reaches only the watch's owner, by e-mail): anyone holding it may use it.
  authorizationMatrix(() => t.db, [
    {
      route: "GET /unsubscribe/<token>",
      call: unsubscribeLoader,
      request: async (w, cookie) => {
        const token = await unsubscribeLink(w.people.member.id);
        return routeArgs(`/unsubscribe/${token}`, { cookie, params: { token } });
      },
      expect: { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
    {
      route: "POST /unsubscribe/<token>",
      call: unsubscribeAction,
      request: async (w, cookie) => {
        const token = await unsubscribeLink(w.people.member.id);
        return formRequest(`/unsubscribe/${token}`, { "List-Unsubscribe": "One-Click" }, { cookie, params: { token } });
      },
      expect: { anonymous: "ok", outsider: "ok", member: "ok", admin: "ok", operator: "ok" },
    },
  ]);
});
