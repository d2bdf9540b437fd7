import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, screenshot, setupBrowser } from "./browser";
import { linkIn, waitForMail } from "./mail";

const browser = setupBrowser();

describe("accounts in the browser", () => {
  it("shows sign-up errors by the fields, keeps what was typed, and passes axe", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto("/signup");
    await page.getByLabel("Navn").fill("Kari");
    await page.getByLabel("E-postadresse").fill("ikke-en-adresse");
    await page.getByLabel("Passord").fill("kort");
    await page.getByRole("button", { name: "Opprett konto" }).click();
    await page.waitForLoadState();
    await expect.poll(() => page.getByText("Skriv en gyldig e-postadresse").count()).toBe(1);
    expect(await page.getByText("Passordet må ha minst 10 tegn.").count()).toBe(1);
    expect(await page.getByLabel("Navn").inputValue()).toBe("Kari");
    expect(await page.getByLabel("E-postadresse").getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);
    await screenshot(page, "signup-errors");
  });

  it("logs the demo buyer in, shows the organisation, creates an API token once, and logs out", async () => {
    const page = await browser.newPage();
    await page.goto("/login?redirectTo=/settings");
    await expectNoAxeViolations(page);
    await page.getByLabel("E-postadresse").fill("buyer@demo.test");
    await page.getByLabel("Passord").fill("demo-password-1");
    await page.getByRole("button", { name: "Logg inn", exact: true }).click();
    await page.waitForURL("**/settings");
    await expect.poll(() => page.getByRole("link", { name: "Bergvik kommune" }).count()).toBe(1);
    await expectNoAxeViolations(page);

    await page.getByLabel("Navn på nøkkelen").fill("E2E-nøkkel");
    await page.getByRole("button", { name: "Lag nøkkel" }).click();
    const tokenBox = page.getByRole("status").locator("code");
    await tokenBox.waitFor();
    const token = await tokenBox.textContent();
    expect(token).toMatch(/^md_/);
    await screenshot(page, "settings");

    const api = await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
    expect((await api.json()).email).toBe("buyer@demo.test");

    await page.reload();
    expect(await page.getByRole("status").locator("code").count()).toBe(0);
    expect(await page.getByRole("cell", { name: "E2E-nøkkel", exact: true }).count()).toBe(1);

    await page.getByRole("button", { name: "Logg ut", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(() => page.getByRole("link", { name: "Logg inn" }).count()).toBe(1);
  });

  it("refuses a wrong password with a message and passes axe", async () => {
    const page = await browser.newPage();
    await page.goto("/login");
    await page.getByLabel("E-postadresse").fill("vendor@demo.test");
    await page.getByLabel("Passord").fill("not the password");
    await page.getByRole("button", { name: "Logg inn", exact: true }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("E-postadressen eller passordet er feil.");
    await expectNoAxeViolations(page);
  });

  it("refuses a form post from another site", async () => {
    const page = await browser.newPage();
    const response = await page.request.post("/logout", { headers: { Origin: "https://evil.example" }, form: {} });
    expect(response.status()).toBe(403);
  });

  it("offers password reset without revealing accounts, and passes axe", async () => {
    const page = await browser.newPage();
    await page.goto("/forgot-password");
    await page.getByLabel("E-postadresse").fill("ingen@example.no");
    await page.getByRole("button", { name: "Send lenke" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Hvis det finnes en konto for ingen@example.no");
    await expectNoAxeViolations(page);
  });

  it("takes the first click on 'save new password' after a corrected field's message goes away", async () => {
    const email = `nytt-passord-${Date.now()}@example.no`;
    const password = "et langt og godt passord";
    const signup = await browser.newPage();
    await signup.goto("/signup");
    await signup.getByLabel("Navn").fill("Nina Nytt");
    await signup.getByLabel("E-postadresse").fill(email);
    await signup.getByLabel("Passord").fill("et annet langt passord");
    await signup.getByRole("button", { name: "Opprett konto" }).click();
    await signup.waitForURL("**/verify-email**");
    const verification = await waitForMail(email);

    const page = await browser.newPage();
    await page.goto("/forgot-password");
    await page.getByLabel("E-postadresse").fill(email);
    await page.getByRole("button", { name: "Send lenke" }).click();
    await expect.poll(() => page.getByRole("status").count()).toBe(1);
    const reset = await waitForMail(email, { after: new Set([verification.file]) });
    await page.goto(linkIn(reset.text, "/reset-password?token="));

    await page.getByLabel("Nytt passord").fill(password);
    await page.getByLabel("Gjenta passordet").fill(`${password}x`);
    await page.getByLabel("Gjenta passordet").press("Tab");
    await expect.poll(() => page.getByText("Passordene er ikke like.").count()).toBe(1);
    // Corrected while the field still has focus: the message goes as it is typed, so the
    // button does not move under the pointer when the click takes the focus away.
    await page.getByLabel("Gjenta passordet").fill(password);
    await page.getByRole("button", { name: "Lagre nytt passord" }).click();
    await page.waitForURL("**/settings?passwordChanged=1", { timeout: 5_000 });
  });
});
