import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../fixtures/database";
import { createHostileWorld, freshCookie, HOSTILE_SEGMENTS, routeFiles, routeModulePath, type HostileWorld } from "../fixtures/hostile";
import { respond } from "../fixtures/people";
import { routeArgs } from "../fixtures/requests";

// Every route with a param in its path, asked with GET for hostile segments (a NUL, a lone
// surrogate, 2^31, 2^63, year 0001, a control character …) in each param, anonymously and
// signed in: a 4xx or an answer, never a 500 or a thrown error. server.ts normalises the
// path before a loader sees it (app/http/request-url.ts); the loaders hold on their own too.

const t = setupTestDatabase();
let world: HostileWorld;
beforeAll(async () => {
  world = await createHostileWorld(t.db);
});

const PARAM = /\$(\w*)/g;
const routesWithParams = routeFiles().filter((file) => file.includes("$"));

/** The route's params ("$" alone is the splat, "*") set to the value. */
const paramsOf = (file: string, value: string) => Object.fromEntries([...file.matchAll(PARAM)].map((m) => [m[1] || "*", value]));

/** A URL for the route with every param set to the value (lone surrogates as U+FFFD, as a browser would send them). */
function pathOf(file: string, value: string) {
  const segment = encodeURIComponent(value.replace(/[\ud800-\udfff]/g, "\ufffd"));
  return `/${file.replace(/\[\.(\w+)\]/g, ".$1").replace(/_(?=\.|$)/g, "").replace(/\.(?!(atom|ics|csv)$)/g, "/").replace(PARAM, segment)}`;
}

describe("hostile path segments in GET routes with params", () => {
  it("lists the routes with params", () => {
    expect(routesWithParams.length).toBeGreaterThan(20);
  });

  describe.each(routesWithParams)("%s", (file) => {
    it.each(["anonymous", "buyer"] as const)("answers every hostile segment below 500 as %s", async (caller) => {
      const module = (await import(routeModulePath(file))) as { loader?: (args: unknown) => unknown };
      if (!module.loader) return;
      const failures: string[] = [];
      for (const value of HOSTILE_SEGMENTS) {
        const cookie = caller === "anonymous" ? undefined : await freshCookie(world.buyer);
        const args = await routeArgs(pathOf(file, value), { params: paramsOf(file, value), cookie });
        try {
          const response = await respond(Promise.resolve().then(() => module.loader!(args)));
          if (response.status >= 500) failures.push(`${JSON.stringify(value)} → ${response.status}`);
          await response.body?.cancel().catch(() => {});
        } catch (error) {
          failures.push(`${JSON.stringify(value)} threw ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
        }
      }
      expect(failures).toEqual([]);
    }, 60_000);
  });
});
