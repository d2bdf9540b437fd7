import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, logIn, screenshot, setupBrowser } from "./browser";

const browser = setupBrowser();

describe("operator pages", () => {
  it("lets the operator verify a waiting buyer, and the audit log shows it", async () => {
    const page = await browser.newPage();
    await logIn(page, "admin@demo.test", "/admin/organisations");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Verifisering av oppdragsgivere");
    await expectNoAxeViolations(page);
    await screenshot(page, "admin-organisations");
    // Verifying is behind its own summary, with a box the server requires.
    const verify = page.locator("details", { has: page.locator("summary", { hasText: "Verifiser Nordre Lia kommune" }) });
    await verify.locator("summary").click();
    await verify.getByLabel("Jeg har kontrollert at Nordre Lia kommune er en offentlig oppdragsgiver").check();
    await verify.getByRole("button", { name: "Verifiser", exact: true }).click();
    await expect.poll(() => page.locator("summary", { hasText: "Verifiser Nordre Lia kommune" }).count()).toBe(0);
    // Once verified, rejecting is no longer offered in passing: withdrawing is behind its own summary.
    const rejectReason = page.getByLabel("Begrunnelse for å avvise Nordre Lia kommune");
    expect(await rejectReason.isVisible()).toBe(false);
    await page.getByText("Trekk tilbake verifiseringen av Nordre Lia kommune").click();
    expect(await rejectReason.isVisible()).toBe(true);

    await page.getByRole("link", { name: "Aktivitetslogg" }).click();
    await page.waitForURL("**/admin/audit");
    await expect.poll(() => page.getByText("Nordre Lia kommune").count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Utgående e-post" }).click();
    await page.waitForURL("**/admin/outbox");
    await expectNoAxeViolations(page);
    // Every operator page carries the same tab bar.
    for (const [name, url] of [["Samspillsnormer", "**/admin/conduct"], ["Kontroll av loggene", "**/admin/interaction-chains"]] as const) {
      await page.getByRole("navigation", { name: "Driftssider" }).getByRole("link", { name }).click();
      await page.waitForURL(url);
      expect(await page.getByRole("navigation", { name: "Driftssider" }).getByRole("link").count()).toBe(6); // with the protected reports (issue 18)
      await expectNoAxeViolations(page);
    }
  });

  it("refuses operator pages to a buyer", async () => {
    const page = await browser.newPage();
    await logIn(page, "buyer@demo.test", "/organisation");
    const response = await page.goto("/admin/organisations");
    expect(response?.status()).toBe(403);
    expect(await page.locator("h1").textContent()).toBe("Ingen tilgang");
    await expectNoAxeViolations(page);
  });

  it("shows a buyer's public page with its verification and commercial contact", async () => {
    const page = await browser.newPage();
    await page.goto("/organisations/bergvik-kommune");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Bergvik kommune");
    expect(await page.getByText("Verifisert offentlig virksomhet").count()).toBeGreaterThan(0);
    expect(await page.getByText("Berit Innkjøp").count()).toBeGreaterThan(0);
    expect(await page.getByText(/har sluttet seg til versjon 1/).count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, "public-buyer");
  });

  it("shows concerns about an organisation by category, as counts only", async () => {
    const page = await browser.newPage();
    await page.goto("/organisations/helse-vestfjord-hf");
    const concerns = page.getByRole("table", { name: "Bekymringer etter kategori" });
    await expect.poll(() => concerns.getByRole("row", { name: /Ubetalt rådgivning/ }).textContent()).toContain("1");
    // The content of the entry is for the two parties only.
    expect(await page.getByText("Forespørsel om gratis løsningsskisse").count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
