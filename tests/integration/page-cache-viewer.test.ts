// Who a signed-in request is, for the page cache (ADR 0039): the key names the person and
// everything the page shows of them, read fresh from the database, so one person's page is never
// another's and a change to what the header shows is a new key.
import { describe, expect, it } from "vitest";
import { db } from "@db/db.server";
import { createAppContext } from "~/auth/context.server";
import { lucia } from "~/auth/lucia.server";
import { pageCacheViewer } from "~/http/page-cache-viewer.server";
import { createApiToken } from "~/models/api-tokens.server";
import { setupTestDatabase } from "../fixtures/database";
import { addMember, createOrganisation } from "../fixtures/organisations";
import { createUser, signIn } from "../fixtures/users";

setupTestDatabase();

const SAME_FOR_EVERYONE = ["/api/v1/demand"];
const resolve = (headers: { cookie?: string; authorization?: string }) =>
  createAppContext({ cookieHeader: headers.cookie ?? null, authorization: headers.authorization ?? null, ip: "127.0.0.1", userAgent: "vitest" });
const page = { path: "/demand", url: "/demand?cpv=48" };

describe("pageCacheViewer", () => {
  it("keys a signed-in person's page by who they are and what the header shows, and hands that reading to the loader", async () => {
    const vendor = await createOrganisation(db(), { name: "Nordavind Helse AS", kind: "vendor" });
    const anna = await createUser(db(), { name: "Anna Berg" });
    const ola = await createUser(db(), { name: "Ola Dahl" });
    await addMember(db(), anna.id, vendor.id);
    await addMember(db(), ola.id, vendor.id);

    const resolved = await resolve({ cookie: await signIn(anna.id) });
    const annaKey = await pageCacheViewer(db(), resolved, page, SAME_FOR_EVERYONE);
    expect(annaKey).toMatch(new RegExp(`^${anna.id}:[A-Za-z0-9_-]{27}$`));
    // The root loader renders from the same reading.
    expect(resolved.context.signedInView?.account).toMatchObject({ name: "Anna Berg", activeOrganisation: { name: "Nordavind Helse AS" } });

    // Another session of the same person, same header: the same key.
    expect(await pageCacheViewer(db(), await resolve({ cookie: await signIn(anna.id) }), page, SAME_FOR_EVERYONE)).toBe(annaKey);
    // Another person of the same organisation: another key.
    const olaKey = await pageCacheViewer(db(), await resolve({ cookie: await signIn(ola.id) }), page, SAME_FOR_EVERYONE);
    expect(olaKey).not.toBe(annaKey);
    expect(olaKey?.startsWith(`${ola.id}:`)).toBe(true);

    // What the header shows changes (a new organisation in the list): a new key.
    const second = await createOrganisation(db(), { name: "Sørlys Omsorg AS", kind: "vendor" });
    await addMember(db(), anna.id, second.id);
    const afterJoining = await pageCacheViewer(db(), await resolve({ cookie: await signIn(anna.id) }), page, SAME_FOR_EVERYONE);
    expect(afterJoining).not.toBe(annaKey);
    await db().updateTable("users").set({ name: "Anna Berg-Lie" }).where("id", "=", anna.id).execute();
    expect(await pageCacheViewer(db(), await resolve({ cookie: await signIn(anna.id) }), page, SAME_FOR_EVERYONE)).not.toBe(afterJoining);

    // The confirmation notice after an e-mailed link is part of what the page shows.
    const confirmed = await pageCacheViewer(db(), await resolve({ cookie: await signIn(ola.id) }), { path: "/demand", url: "/demand?emailConfirmed=1" }, SAME_FOR_EVERYONE);
    expect(confirmed).not.toBe(olaKey);
  });

  it("renders what it cannot key: nobody, an unknown session, a session being renewed, a token on a page", async () => {
    const person = await createUser(db());
    expect(await pageCacheViewer(db(), await resolve({}), page, SAME_FOR_EVERYONE)).toBeNull();
    const unknown = await resolve({ cookie: `${lucia.sessionCookieName}=no-such-session` });
    expect(unknown.setCookie).not.toBeNull();
    expect(await pageCacheViewer(db(), unknown, page, SAME_FOR_EVERYONE)).toBeNull();
    const renewed = await resolve({ cookie: await signIn(person.id) });
    expect(await pageCacheViewer(db(), { ...renewed, setCookie: "md_session=renewed" }, page, SAME_FOR_EVERYONE)).toBeNull();
    const { token } = await createApiToken(db(), person.id, "bench");
    expect(await pageCacheViewer(db(), await resolve({ authorization: `Bearer ${token}` }), page, SAME_FOR_EVERYONE)).toBeNull();
    expect(await pageCacheViewer(db(), await resolve({ authorization: "Bearer not-a-token" }), { path: "/api/v1/demand", url: "/api/v1/demand" }, SAME_FOR_EVERYONE)).toBeNull();
  });

  it("shares the anonymous entry where the answer is the same for everyone, with a valid token or session", async () => {
    const person = await createUser(db());
    const { token } = await createApiToken(db(), person.id, "bench");
    const api = { path: "/api/v1/demand", url: "/api/v1/demand?q=epj" };
    expect(await pageCacheViewer(db(), await resolve({ authorization: `Bearer ${token}` }), api, SAME_FOR_EVERYONE)).toBe("");
    expect(await pageCacheViewer(db(), await resolve({ cookie: await signIn(person.id) }), api, SAME_FOR_EVERYONE)).toBe("");
  });
});
