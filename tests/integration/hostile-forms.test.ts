import { beforeAll, describe, it } from "vitest";
import { setupTestDatabase } from "../fixtures/database";
import { checkEveryFieldAt, checkRoute, createHostileWorld, HOSTILE_SEED, routeModulePath, type HostileWorld } from "../fixtures/hostile";
import { HOSTILE_FORM_ROUTES } from "../fixtures/hostile-routes";

// Property-based hostile input against every form action (fast-check, fixed seed
// HOSTILE_SEED, HOSTILE_RUNS runs per route): never a 5xx or a thrown error, and a
// refused request stores nothing.
const t = setupTestDatabase();
// One world for the file: each run signs in with a fresh session, so a logout does not
// carry over; a route that changes the world (a member leaves) leaves the rest still valid.
let world: HostileWorld;
beforeAll(async () => {
  world = await createHostileWorld(t.db);
});

describe.each(HOSTILE_FORM_ROUTES)(`hostile input (seed ${HOSTILE_SEED}): $file`, (route) => {
  it("answers every request with a 4xx or a success and stores nothing when it refuses", async () => {
    const module = (await import(routeModulePath(route.file))) as Record<string, unknown>;
    await checkRoute(t.db, world, route, module);
  }, 60_000);
  it.each(["a\u0000b", "\ud800"])("answers every field set to %j", async (value) => {
    const module = (await import(routeModulePath(route.file))) as Record<string, unknown>;
    await checkEveryFieldAt(t.db, world, route, module, value);
  }, 60_000);
});
