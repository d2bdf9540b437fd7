import { describe, expect, it } from "vitest";
import { logIn, setupBrowser } from "./browser";

const browser = setupBrowser();

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1] ?? null;

function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get("content-security-policy");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
  // The browser suite's server runs with NODE_ENV=production.
  expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
}

describe("security headers", () => {
  it("are on pages, API answers, static files, the health check and error pages", async () => {
    for (const path of ["/", "/events/101", "/api/v1/demand", "/api/v1/nothing-here", "/favicon.svg", "/healthz", "/no-such-page", "/login"]) {
      const response = await fetch(`${browser.baseURL}${path}`);
      expect(response.status, path).toBeLessThan(500);
      expectSecurityHeaders(response);
    }
  });

  it("give each rendered page a fresh nonce and put it on every inline script, and on nothing else", async () => {
    // A page the page cache does not keep (the home page and the demand pages it does: the next test).
    const first = await fetch(`${browser.baseURL}/organisations`);
    const second = await fetch(`${browser.baseURL}/organisations`);
    const nonce = nonceOf(first.headers.get("content-security-policy"));
    expect(nonce).not.toBeNull();
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonce);
    const html = await first.text();
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const [, attributes] of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
  });

  it("answer a page from the public page cache with the policy whose nonce the page carries", async () => {
    const url = `${browser.baseURL}/demand?q=cache-and-nonce`;
    await fetch(url);
    const hit = await fetch(url);
    expect(hit.headers.get("x-page-cache")).toBe("hit");
    const nonce = nonceOf(hit.headers.get("content-security-policy"));
    const html = await hit.text();
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const [, attributes] of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
  });

  it("let the portal run in Chromium without a single Content-Security-Policy violation", async () => {
    const page = await browser.newPage();
    const reports: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) reports.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        const w = window as unknown as { cspViolations?: string[] };
        (w.cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
      });
    });
    const violations = async () => (await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])) as string[];

    await logIn(page, "buyer@demo.test", "/organisation");
    expect(await violations()).toEqual([]);

    for (const path of ["/", "/demand", "/demand/pipeline", "/organisations", "/events/new", "/interactions", "/standards", "/settings"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      // Hydrated: React took over the server HTML (the scripts ran under the nonce).
      await page.waitForFunction(() => "__remixContext" in window && "__remixRouter" in window);
      expect(await violations(), path).toEqual([]);
    }
    // A client-side navigation loads route modules and data by fetch.
    await page.goto("/");
    await page.waitForFunction(() => "__remixRouter" in window);
    await page.locator("header").getByRole("link").nth(1).click();
    await page.waitForLoadState("networkidle");
    expect(await violations()).toEqual([]);
    expect(reports).toEqual([]);
  });
});
