import { describe, expect, it, beforeAll } from "vitest";
import { seedDemoData } from "@db/seed/demo";
import { loader as notFound } from "~/routes/api.$";
import { loader as me } from "~/routes/api.v1.me";
import { setupTestDatabase } from "../fixtures/database";
import { respond } from "../fixtures/people";
import { routeArgs } from "../fixtures/requests";
import { signIn } from "../fixtures/users";

const t = setupTestDatabase();
beforeAll(() => seedDemoData(t.db));

async function call(token?: string, cookie?: string) {
  return respond(me(await routeArgs("/api/v1/me", { headers: token ? { Authorization: `Bearer ${token}` } : {}, cookie })));
}

describe("API authentication", () => {
  it("acts as the demo buyer with the documented token, in their active organisation", async () => {
    const response = await call("demo-buyer-token");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.email).toBe("buyer@demo.test");
    expect(body.activeOrganisation).toMatchObject({ name: "Bergvik kommune", role: "admin", isBuyer: true });
  });

  it("answers 401 JSON without a token, with an unknown one, and with a revoked one", async () => {
    for (const token of [undefined, "not-a-token", "md_" + "x".repeat(43)]) {
      const response = await call(token);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "unauthenticated" });
    }
    await t.db.updateTable("apiTokens").set({ revokedAt: new Date() }).where("prefix", "=", "demo-vendo").execute();
    expect((await call("demo-vendor-token")).status).toBe(401);
  });

  it("accepts a browser session too", async () => {
    const user = await t.db.selectFrom("users").select("id").where("email", "=", "admin@demo.test").executeTakeFirstOrThrow();
    const response = await call(undefined, await signIn(user.id));
    expect((await response.json()).isOperator).toBe(true);
  });

  it("answers unknown API paths with JSON 404", async () => {
    const response = notFound();
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found" });
  });
});
