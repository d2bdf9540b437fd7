import { describe, expect, it } from "vitest";
import { json } from "@remix-run/node";
import { action as loginAction } from "~/routes/login";
import { action as interactionsNewAction } from "~/routes/interactions.new/route";
import { setupTestDatabase } from "../fixtures/database";
import { expectHandled, routeFiles, routeModulePath } from "../fixtures/hostile";
import { HOSTILE_API_ROUTES, HOSTILE_FORM_ROUTES } from "../fixtures/hostile-routes";
import { createOrganisationWith, createPerson } from "../fixtures/people";
import { routeArgs, thrown } from "../fixtures/requests";

const t = setupTestDatabase();

describe("the hostile-input suite covers every route that takes input", () => {
  it("lists every route module with an action, and every API route", async () => {
    const covered = new Set([...HOSTILE_FORM_ROUTES, ...HOSTILE_API_ROUTES].map((r) => r.file));
    const missing: string[] = [];
    const files = routeFiles();
    for (const file of files) {
      const module = (await import(routeModulePath(file))) as Record<string, unknown>;
      if ((typeof module.action === "function" || file.startsWith("api.")) && !covered.has(file)) missing.push(file);
    }
    expect(missing, "routes with an action or under /api that tests/fixtures/hostile-routes.ts does not list").toEqual([]);
    // And nothing listed that no longer exists.
    expect([...covered].filter((f) => !files.includes(f))).toEqual([]);
  });
});

describe("the hostile-input check itself", () => {
  it("fails on a 5xx, on a thrown error, and on a refused request that wrote a row", async () => {
    const args = await routeArgs("/nowhere");
    await expect(expectHandled(t.db, () => json({}, { status: 500 }), args, "five hundred")).rejects.toThrow(/answered 500/);
    await expect(
      expectHandled(t.db, () => {
        throw new TypeError("boom");
      }, args, "thrown"),
    ).rejects.toThrow(/threw TypeError: boom/);
    await expect(
      expectHandled(t.db, async () => {
        await createPerson(t.db);
        return json({ errors: {} }, { status: 400 });
      }, args, "half-saved"),
    ).rejects.toThrow(/changed .*users 0→1/);
    expect((await expectHandled(t.db, () => json({ errors: { title: ["required"] } }, { status: 400 }), args, "refused")).status).toBe(400);
  });
});

describe("a body that is not a form (found by the hostile-input suite)", () => {
  it("answers 400 to JSON and to a broken multipart body posted to a form action, instead of a 500", async () => {
    const asJson = await routeArgs("/login", { method: "POST", body: JSON.stringify({ email: "a@b.c" }), headers: { "Content-Type": "application/json" } });
    expect((await thrown(loginAction(asJson))).status).toBe(400);

    const person = await createPerson(t.db);
    await createOrganisationWith(t.db, [{ person, role: "admin" }], { isBuyer: false, isVendor: true });
    const broken = await routeArgs("/interactions/new", {
      method: "POST",
      body: "--nothing\r\ngarbage",
      headers: { "Content-Type": "multipart/form-data; boundary=nothing" },
      cookie: person.cookie,
    });
    expect((await thrown(interactionsNewAction(broken))).status).toBe(400);
  });
});
