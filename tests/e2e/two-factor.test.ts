import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { totpCode } from "../fixtures/second-factor";
import { expectNoAxeViolations, screenshot, setupBrowser } from "./browser";

const browser = setupBrowser();
const PASSWORD = "grønne epler i november";

/** Logs out, then types the password again: an account with a factor lands at the code step. */
async function logOutAndInAgain(page: Page, email: string, loginPath: string) {
  await page.getByRole("button", { name: "Logg ut", exact: true }).click();
  // Until the sign-out has landed, /login would still see the session and send us on.
  await expect.poll(() => page.getByRole("link", { name: "Logg inn" }).count(), { timeout: 20_000 }).toBe(1);
  await page.goto(loginPath);
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord").fill(PASSWORD);
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await page.waitForURL("**/login/code**");
}

describe("two-factor sign-in in the browser", () => {
  it("enrols an authenticator app without JavaScript, then asks for its code at sign-in and refuses it used twice", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    const email = `totp-${Date.now()}@example.test`;
    await page.goto("/signup");
    await page.getByLabel("Navn").fill("Tove Totrinn");
    await page.getByLabel("E-postadresse").fill(email);
    await page.getByLabel("Passord").fill(PASSWORD);
    await page.getByRole("button", { name: "Opprett konto" }).click();
    await page.waitForURL("**/verify-email**");

    await page.goto("/settings/two-factor");
    await page.getByRole("button", { name: "Start oppsettet" }).click();
    await page.waitForLoadState();
    await expect.poll(() => page.getByRole("img", { name: "QR-kode for autentiseringsappen" }).locator("svg").count()).toBe(1);
    const key = (await page.getByTestId("totp-key").textContent())!.replace(/\s/g, "");
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    await expectNoAxeViolations(page);
    await page.getByLabel("Kode fra appen").fill(totpCode(key));
    await page.getByLabel("Nåværende passord").fill(PASSWORD);
    await page.getByRole("button", { name: "Bekreft og slå på" }).click();
    await page.waitForLoadState();
    await expect.poll(() => page.getByTestId("recovery-codes").locator("li").count()).toBe(10);
    await screenshot(page, "two-factor-recovery-codes");

    await logOutAndInAgain(page, email, "/login?redirectTo=/settings");
    // Nothing else opens at this step.
    await page.goto("/settings");
    expect(new URL(page.url()).pathname).toBe("/login/code");
    await expectNoAxeViolations(page);
    // The code used to confirm is spent; the next step's is accepted for clock drift.
    const code = totpCode(key, 1);
    await page.getByLabel("Kode", { exact: true }).fill(code);
    await page.getByRole("button", { name: "Bekreft", exact: true }).click();
    await page.waitForURL("**/settings");

    await logOutAndInAgain(page, email, "/login");
    await page.getByLabel("Kode", { exact: true }).fill(code);
    await page.getByRole("button", { name: "Bekreft", exact: true }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe("/login/code");
    expect(await page.getByText("Koden stemmer ikke, eller er allerede brukt.", { exact: false }).count()).toBe(1);
  });
});
