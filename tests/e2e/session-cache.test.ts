// What a shared cache (a proxy, a CDN) is told by the running server: pages and feeds depend
// on the session and the language cookie, so every answer varies on Cookie, and no answer to
// a signed-in request may be kept for someone else, the public page cache's hits included.
import { describe, expect, inject, it } from "vitest";

const baseURL = inject("baseURL");

async function signIn(email: string) {
  const response = await fetch(`${baseURL}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL },
    body: new URLSearchParams({ email, password: "demo-password-1", redirectTo: "/" }),
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  expect(cookies.some((c) => c?.startsWith("md_session="))).toBe(true);
  return cookies.join("; ");
}

const varies = (response: Response) => (response.headers.get("vary") ?? "").split(",").map((v) => v.trim().toLowerCase());
const shared = (response: Response) => !/\b(private|no-store)\b/.test(response.headers.get("cache-control") ?? "");

describe("answers that depend on the session", () => {
  const paths = ["/", "/demand", "/demand?q=journal", "/insights", "/events/00000000-0000-4000-8000-000000000101", "/demand.atom", "/organisations/bergvik-kommune.atom", "/events/00000000-0000-4000-8000-000000000101.ics", "/api/v1/demand", "/demand?_data=routes%2Fdemand._index"];

  it("vary on Cookie for anonymous readers, feeds and the page cache's hits included", async () => {
    for (const path of paths) {
      const response = await fetch(`${baseURL}${path}`);
      expect(response.status, path).toBe(200);
      expect(varies(response), path).toContain("cookie");
    }
    await fetch(`${baseURL}/demand?q=vary-check`);
    const hit = await fetch(`${baseURL}/demand?q=vary-check`);
    expect(hit.headers.get("x-page-cache")).toBe("hit");
    expect(varies(hit)).toContain("cookie");
  });

  it("are private when signed in, even where a route says public for anonymous readers", async () => {
    const cookie = await signIn("buyer@demo.test");
    for (const path of [...paths, "/organisation", "/workspace/events"]) {
      const response = await fetch(`${baseURL}${path}`, { headers: { Cookie: cookie } });
      expect(response.status, path).toBe(200);
      expect(shared(response), `${path}: ${response.headers.get("cache-control")}`).toBe(false);
      expect(varies(response), path).toContain("cookie");
    }
    // The public feeds stay public for anonymous readers.
    expect((await fetch(`${baseURL}/demand.atom`)).headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("a signed-in page never comes from the public page cache", async () => {
    const cookie = await signIn("vendor@demo.test");
    await fetch(`${baseURL}/demand?q=signed-in-check`);
    const signedIn = await fetch(`${baseURL}/demand?q=signed-in-check`, { headers: { Cookie: cookie } });
    expect(signedIn.headers.get("x-page-cache")).toBeNull();
    expect(await signedIn.text()).toContain("Logg ut");
  });
});
