import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startServer, stopServer, type ServerProcess } from "../fixtures/server-process";
import { expectNoAxeViolations, screenshot, setupBrowser } from "./browser";

// Passkeys in Chromium through the DevTools virtual authenticator. WebAuthn binds a passkey to a
// host name, never an IP address, so this test runs its own portal whose public address is
// http://localhost:PORT (the shared one is configured as 127.0.0.1).
const browser = setupBrowser();
const PASSWORD = "blå fjorder i desember";
const dataDir = mkdtempSync(path.join(tmpdir(), "markedsdialog-passkeys-"));
let server: ServerProcess;

beforeAll(async () => {
  const port = await freePort();
  server = await startServer({ PGLITE_DIR: path.join(dataDir, "pglite"), SEED_DEMO: "false", DATABASE_URL: undefined, PUBLIC_URL: `http://localhost:${port}` }, { port, timeoutMs: 150_000 });
}, 180_000);
afterAll(async () => {
  if (server) await stopServer(server, 5000);
  rmSync(dataDir, { recursive: true, force: true });
});

describe("passkeys in the browser", () => {
  it("registers a passkey, signs in with it alone, and removes it", async () => {
    const base = `http://localhost:${server.port}`;
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });

    const email = `passkey-${Date.now()}@example.test`;
    await page.goto(`${base}/signup`);
    await page.getByLabel("Navn").fill("Petra Passnøkkel");
    await page.getByLabel("E-postadresse").fill(email);
    await page.getByLabel("Passord").fill(PASSWORD);
    await page.getByRole("button", { name: "Opprett konto" }).click();
    await page.waitForURL("**/verify-email**");

    await page.goto(`${base}/settings/two-factor`);
    const section = page.getByRole("region", { name: "Passnøkler" });
    await expect.poll(() => section.getByRole("button", { name: "Legg til passnøkkel" }).count()).toBe(1);
    await section.getByLabel("Navn på passnøkkelen (valgfritt)").fill("Jobb-PC");
    await section.getByLabel("Nåværende passord").fill(PASSWORD);
    await section.getByRole("button", { name: "Legg til passnøkkel" }).click();
    await expect.poll(() => section.getByText("Passnøkkelen er lagt til.", { exact: false }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => section.getByRole("list", { name: "Dine passnøkler" }).getByText("Jobb-PC", { exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, "passkeys-settings-390");

    // Signed out, the passkey alone signs in: no password, no code.
    await page.getByRole("button", { name: "Logg ut", exact: true }).click();
    // Until the sign-out has landed, /login would still see the session and send us on.
    await expect.poll(() => page.getByRole("link", { name: "Logg inn" }).count(), { timeout: 20_000 }).toBe(1);
    await page.goto(`${base}/login`);
    await page.getByRole("button", { name: "Logg inn med passnøkkel" }).click();
    await page.waitForURL((url) => url.pathname !== "/login", { timeout: 20_000 });
    await page.goto(`${base}/settings`);
    expect(new URL(page.url()).pathname).toBe("/settings");

    // Removing it asks for the password.
    await page.goto(`${base}/settings/two-factor`);
    await section.getByText("Fjern «Jobb-PC»").click();
    const removal = section.locator('form[id^="remove-passkey-"]');
    await removal.getByLabel("Nåværende passord").fill(PASSWORD);
    await removal.getByRole("button", { name: "Fjern passnøkkelen" }).click();
    await expect.poll(() => section.getByText("Du har ingen passnøkler.").count(), { timeout: 20_000 }).toBe(1);
  });
});
