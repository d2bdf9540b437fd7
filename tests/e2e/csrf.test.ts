// A cross-site form post to every route that has an action is refused before it
// reaches the route. The list of routes comes from the Remix build itself, so a
// new action route is covered (or this test fails) without anyone editing it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { setupBrowser } from "./browser";

const { baseURL } = setupBrowser();

async function actionRoutes() {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const fullPath = (id: string): string => {
    const route = build.routes[id];
    if (!route) return "";
    const parent = route.parentId ? fullPath(route.parentId) : "";
    return [parent, route.path ?? ""].filter(Boolean).join("/");
  };
  return Object.values(build.routes)
    .filter((route) => route?.module.action)
    .map((route) => {
      const url = "/" + fullPath(route!.id).replace(/:[A-Za-z]+/g, "1").replace(/\*$/, "anything");
      return { id: route!.id, url: route!.index ? `${url}?index` : url };
    });
}

/** Route files in app/routes that export an action, read from the source; a folder route's module is its route.tsx. */
function routeFilesWithAction() {
  return readdirSync("app/routes", { withFileTypes: true })
    .flatMap((entry) => {
      const module = entry.isDirectory() ? ["route.tsx", "route.ts"].map((f) => path.join("app/routes", entry.name, f)).find((f) => existsSync(f)) : path.join("app/routes", entry.name);
      return module ? [{ id: `routes/${entry.name.replace(/\.tsx?$/, "")}`, module }] : [];
    })
    .filter(({ module }) => /export ((async )?function action\b|const action\b|\{[^}]*\baction\b)/.test(readFileSync(module, "utf8")))
    .map(({ id }) => id)
    .sort();
}

async function signIn(): Promise<string> {
  const response = await fetch(`${baseURL}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL },
    body: new URLSearchParams({ email: "buyer@demo.test", password: "demo-password-1", redirectTo: "/" }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("md_session="));
  if (!cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie.split(";")[0]!;
}

const REFUSED = "Cross-site request refused";

describe("cross-site request forgery", () => {
  it("finds every action route of the source in the build", async () => {
    const routes = await actionRoutes();
    expect(routes.map((r) => r.id).sort()).toEqual(routeFilesWithAction());
    expect(routes.length).toBeGreaterThan(20);
  });

  it("refuses a cross-site form post, with the victim's session cookie, to every action route", async () => {
    const cookie = await signIn();
    const routes = await actionRoutes();
    for (const { url } of routes) {
      for (const headers of <Record<string, string>[]>[
        { Origin: "https://angriper.example" },
        { Origin: "null" },
        { "Sec-Fetch-Site": "cross-site" },
        { Referer: "https://angriper.example/side" },
      ]) {
        const response = await fetch(`${baseURL}${url}`, {
          method: "POST",
          redirect: "manual",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, ...headers },
          body: new URLSearchParams({ intent: "delete", title: "forged" }),
        });
        expect(response.status, `${url} ${JSON.stringify(headers)}`).toBe(403);
        expect(await response.text()).toContain(REFUSED);
      }
    }
  });

  it("lets the same post through from the portal's own origin (so the refusal above is the origin check)", async () => {
    for (const { url } of await actionRoutes()) {
      const response = await fetch(`${baseURL}${url}`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL },
        body: new URLSearchParams({}),
      });
      expect(response.status, url).toBeLessThan(500);
      expect(await response.text(), url).not.toContain(REFUSED);
    }
  });
});
