// Issue 20: an API request costs one read and, at most once a minute per token, one write.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from "kysely";
import { describe, expect, it } from "vitest";
import { LAST_USE_INTERVAL_MS } from "~/domain/last-use";
import { createApiToken, findApiTokenUser } from "~/models/api-tokens.server";
import { loader as me } from "~/routes/api.v1.me";
import { setupTestDatabase } from "../fixtures/database";
import { respond } from "../fixtures/people";
import { routeArgs } from "../fixtures/requests";
import { createUser } from "../fixtures/users";

const t = setupTestDatabase();

/** Counts the statements Kysely sends, by kind, through the real database. */
class StatementCounter implements KyselyPlugin {
  readonly kinds: string[] = [];
  /** Rows changed by all statements, as the database reports them. */
  rowsChanged = 0n;
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    this.kinds.push(node.kind);
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.rowsChanged += result.numAffectedRows ?? 0n;
    return result;
  }
  get updates() {
    return this.kinds.filter((k) => k === "UpdateQueryNode").length;
  }
}

async function tokenFor() {
  const user = await createUser(t.db, { email: `token-${Math.random().toString(36).slice(2)}@example.no` });
  const { id, token } = await createApiToken(t.db, user.id, "integrasjon");
  const lastUsed = async () => (await t.db.selectFrom("apiTokens").select("lastUsedAt").where("id", "=", id).executeTakeFirstOrThrow()).lastUsedAt;
  return { user, id, token, lastUsed };
}

describe("an API token's last use", () => {
  it("is written on first use, then not again (no write at all) until a minute has passed", async () => {
    const { user, token, lastUsed } = await tokenFor();
    const counter = new StatementCounter();
    const db = t.db.withPlugin(counter);
    const start = new Date(Math.floor(Date.now() / 1000) * 1000);

    expect((await findApiTokenUser(db, token, start))?.id).toBe(user.id);
    expect(counter.updates).toBe(1);
    expect((await lastUsed())?.getTime()).toBe(start.getTime());

    for (const later of [1_000, 30_000, LAST_USE_INTERVAL_MS - 1]) {
      expect((await findApiTokenUser(db, token, new Date(start.getTime() + later)))?.id).toBe(user.id);
    }
    expect(counter.updates).toBe(1); // three reads, no statement that writes
    expect(counter.kinds.filter((k) => k === "SelectQueryNode")).toHaveLength(4);
    expect((await lastUsed())?.getTime()).toBe(start.getTime());

    const minuteLater = new Date(start.getTime() + LAST_USE_INTERVAL_MS);
    await findApiTokenUser(db, token, minuteLater);
    expect(counter.updates).toBe(2);
    expect((await lastUsed())?.getTime()).toBe(minuteLater.getTime());
  });

  it("is written once when two requests both saw an old time", async () => {
    const { token, id } = await tokenFor();
    const old = new Date(Date.now() - 5 * LAST_USE_INTERVAL_MS);
    await t.db.updateTable("apiTokens").set({ lastUsedAt: old }).where("id", "=", id).execute();
    const now = new Date();
    const counter = new StatementCounter();
    const db = t.db.withPlugin(counter);
    // Both read the old time before either writes: the write's own condition lets one through,
    // whichever of the two reaches the database first.
    const [a, b] = await Promise.all([findApiTokenUser(db, token, now), findApiTokenUser(db, token, new Date(now.getTime() + 10))]);
    expect(a && b).toBeTruthy();
    expect(counter.updates).toBe(2);
    expect(counter.rowsChanged).toBe(1n);
    const row = await t.db.selectFrom("apiTokens").select("lastUsedAt").where("id", "=", id).executeTakeFirstOrThrow();
    expect([now.getTime(), now.getTime() + 10]).toContain(row.lastUsedAt?.getTime());
  });

  it("through the API: requests within the minute leave the recorded time as it was", async () => {
    const { token, lastUsed } = await tokenFor();
    const call = async () => respond(me(await routeArgs("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })));
    expect((await call()).status).toBe(200);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    for (let i = 0; i < 3; i++) expect((await call()).status).toBe(200);
    expect((await lastUsed())?.getTime()).toBe(first!.getTime());
  });

  it("is not written for a revoked token, which finds nobody", async () => {
    const { token, id, lastUsed } = await tokenFor();
    await t.db.updateTable("apiTokens").set({ revokedAt: new Date() }).where("id", "=", id).execute();
    expect(await findApiTokenUser(t.db, token)).toBeNull();
    expect(await lastUsed()).toBeNull();
  });
});
