import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from "vitest";
import { DEMO_SECOND_FACTORS } from "@db/seed/demo-data";
import { totpCode } from "../fixtures/second-factor";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

// Pages opened with JavaScript disabled: axe audits them from a scripted twin.
const scriptless = new WeakSet<Page>();

// Content-Security-Policy violations seen in the current test, with the page's address.
const cspViolations: string[] = [];
const CSP_MESSAGE = /Content[- ]Security[- ]Policy/i;

/**
 * Records every Content-Security-Policy violation in the context's pages: the browser's
 * console report (which also comes with JavaScript disabled) and the
 * `securitypolicyviolation` event, whose details name the directive and the source.
 */
async function watchContentSecurityPolicy(context: BrowserContext) {
  context.on("console", (message) => {
    if (CSP_MESSAGE.test(message.text())) cspViolations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
  });
  await context.exposeBinding("reportCspViolation", ({ page }, violation: string) => void cspViolations.push(`${page.url()}: ${violation}`));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      );
    });
  });
}

/**
 * One Debian Chromium per test file, each test in a fresh context (no shared cookies).
 * A test fails when any page it opened reported a Content-Security-Policy violation.
 */
export function setupBrowser() {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  // Playwright gives every launch a fresh, temporary user data directory.
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(() => {
    cspViolations.length = 0;
  });

  afterEach(() => {
    expect(cspViolations, "Content-Security-Policy violations").toEqual([]);
  });

  return {
    baseURL: inject("baseURL"),
    async newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
      const context = await browser.newContext({ baseURL: inject("baseURL"), javaScriptEnabled: options.javaScriptEnabled ?? true });
      contexts.push(context);
      await watchContentSecurityPolicy(context);
      const page = await context.newPage();
      if (options.javaScriptEnabled === false) scriptless.add(page);
      return page;
    },
  };
}

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page and fails on any violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Evaluated through the DevTools protocol rather than added as a <script>: the
  // portal's Content-Security-Policy (rightly) refuses inline script without its nonce.
  // (With script disabled an evaluation would never return, so it is not tried.)
  const axeLoaded = !scriptless.has(page) && (await page.evaluate(`${axeSource};\n"axe" in window`));
  if (!axeLoaded) {
    // The page runs without JavaScript, so axe cannot run in it: audit the same
    // URL, with the same cookies, in a context that allows script.
    const context = await page.context().browser()!.newContext({ storageState: await page.context().storageState() });
    await watchContentSecurityPolicy(context);
    try {
      const scripted = await context.newPage();
      await scripted.goto(page.url());
      return await expectNoAxeViolations(scripted);
    } finally {
      await context.close();
    }
  }
  const violations = await page.evaluate(async () => {
    // @ts-expect-error injected above
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return (result.violations as { id: string; help: string; nodes: { target: string[] }[] }[]).map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

/** Saves a screenshot under test-results/ for a person to look at. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join("test-results", `${name}.png`), fullPage: true });
}

/**
 * Logs a demo person in (password demo-password-1) and waits for the page named by
 * redirectTo; without one, from the login page itself, and waits to be sent anywhere else.
 */
export async function logIn(page: Page, email: string, redirectTo?: string) {
  await page.goto(redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login");
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord").fill("demo-password-1");
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
  const demoKey = DEMO_SECOND_FACTORS.find((d) => d.email === email)?.totpKey;
  if (demoKey && new URL(page.url()).pathname === "/login/code") await typeDemoCode(page, demoKey);
  await page.waitForURL((url) => (redirectTo ? url.pathname === redirectTo.split("?")[0] : !url.pathname.startsWith("/login")));
}

/**
 * The demo operator's second step, as an authenticator app would answer it. A code is accepted
 * once: when an earlier test used this step's code, the next step's (accepted for clock drift)
 * serves, and after that the test waits for the clock.
 */
async function typeDemoCode(page: Page, key: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const offset = attempt % 2;
    if (attempt === 2) await page.waitForTimeout(30_000);
    await page.getByLabel("Kode", { exact: true }).fill(totpCode(key, offset));
    // The answer to the form, with or without JavaScript: a redirect when accepted, 400 when not.
    const answer = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login/code");
    await page.getByRole("button", { name: "Bekreft", exact: true }).click();
    if ((await answer).status() < 400) return;
  }
  throw new Error("the demo operator's code was refused four times");
}
