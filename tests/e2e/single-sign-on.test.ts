import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestProvider, TEST_CLIENT, type TestProvider } from "../fixtures/oidc-test-provider";
import { freePort, startServer, stopServer, type ServerProcess } from "../fixtures/server-process";
import { setupBrowser } from "./browser";

// Single sign-on in Chromium (issue 21): a real OpenID provider (oidc-provider) on 127.0.0.1,
// started by this file, and a portal of its own (demo data) allowed to talk plain HTTP to a
// provider on this machine (SSO_ALLOW_LOOPBACK_ISSUERS). Bergvik's admin registers the provider
// in the portal; a new person signs in at the provider's own login page and lands signed in.
const browser = setupBrowser();
const DOMAIN = "sso-e2e.test.no";
const dataDir = mkdtempSync(path.join(tmpdir(), "markedsdialog-sso-"));
let server: ServerProcess;
let provider: TestProvider;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startTestProvider({ domain: DOMAIN, redirectUri: `${base}/login/sso/callback` });
  server = await startServer(
    { PGLITE_DIR: path.join(dataDir, "pglite"), DATABASE_URL: undefined, PUBLIC_URL: base, SSO_ALLOW_LOOPBACK_ISSUERS: "true", SECRET_ENCRYPTION_KEY: randomBytes(32).toString("base64") },
    { port, timeoutMs: 150_000 },
  );
}, 180_000);
afterAll(async () => {
  if (server) await stopServer(server, 5000);
  if (provider) await provider.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("single sign-on in the browser", () => {
  it("signs a new person in at the organisation's provider and lands them signed in", async () => {
    const page = await browser.newPage();

    // Bergvik's admin registers the provider.
    await page.goto(`${base}/login?redirectTo=/organisation/single-sign-on`);
    await page.getByLabel("E-postadresse").fill("buyer@demo.test");
    await page.getByLabel("Passord").fill("demo-password-1");
    await page.getByRole("button", { name: "Logg inn", exact: true }).click();
    await page.waitForURL("**/organisation/single-sign-on", { timeout: 20_000 });
    await page.getByLabel("Utsteder (issuer URL)").fill(provider.issuer);
    await page.getByLabel("Klient-ID").fill(TEST_CLIENT.client_id);
    await page.getByLabel("Klienthemmelighet").fill(TEST_CLIENT.client_secret);
    await page.getByLabel("E-postdomener").fill(DOMAIN);
    await page.getByLabel("Blir medlem automatisk").check();
    await page.getByRole("button", { name: "Lagre innloggingen" }).click();
    await expect.poll(() => page.getByText("Virksomhetens innlogging er lagret.").count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole("button", { name: "Logg ut", exact: true }).click();
    await expect.poll(() => page.getByRole("link", { name: "Logg inn" }).count(), { timeout: 20_000 }).toBe(1);

    // A new person at Bergvik's provider.
    await page.goto(`${base}/login/sso`);
    await page.getByLabel("E-postadresse").fill(`kari@${DOMAIN}`);
    await page.getByRole("button", { name: "Fortsett" }).click();
    await page.waitForURL((url) => url.origin === provider.issuer, { timeout: 20_000 });
    await page.locator('input[name="login"]').fill("kari");
    await page.locator('input[name="password"]').fill("any");
    await page.locator('button[type="submit"]').first().click();
    await page.waitForURL((url) => url.origin === base && !url.pathname.startsWith("/login"), { timeout: 30_000 });

    await page.goto(`${base}/settings`);
    expect(new URL(page.url()).pathname).toBe("/settings");
    await expect.poll(() => page.getByText(`kari@${DOMAIN}`, { exact: true }).count(), { timeout: 20_000 }).toBe(1);
  });

  it("signs in without JavaScript too: the form's answer takes the person to the provider", async () => {
    // A redirect after a form post to another origin is stopped by form-action 'self'; the page goes there itself.
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${base}/login/sso`);
    await page.getByLabel("E-postadresse").fill(`ola@${DOMAIN}`);
    await page.getByRole("button", { name: "Fortsett" }).click();
    await page.waitForURL((url) => url.origin === provider.issuer, { timeout: 20_000 });
    await page.locator('input[name="login"]').fill("ola");
    await page.locator('input[name="password"]').fill("any");
    await page.locator('button[type="submit"]').first().click();
    await page.waitForURL((url) => url.origin === base && !url.pathname.startsWith("/login"), { timeout: 30_000 });
    await page.goto(`${base}/settings`);
    await expect.poll(() => page.getByText(`ola@${DOMAIN}`, { exact: true }).count(), { timeout: 20_000 }).toBe(1);
  });
});
