import { parseFeed } from "@rowanmanning/feed-parser";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, logIn, screenshot, setupBrowser } from "./browser";

const browser = setupBrowser();

async function signedIn(email: string, redirectTo: string): Promise<Page> {
  const page = await browser.newPage();
  await logIn(page, email, redirectTo);
  return page;
}

describe("watches", () => {
  it("saves a CPV and region filter as a watch that shows the matching event and feeds it", async () => {
    // The key account manager has no watch of their own in the demo data.
    const page = await signedIn("kam@demo.test", "/demand");
    await page.getByLabel("CPV-kode (med underkoder)").selectOption("48");
    await page.getByLabel("Region").selectOption("vestland");
    await page.getByRole("button", { name: "Vis treff" }).click();
    await page.waitForURL(/cpv=48/);
    const filtered = new URL(page.url());
    expect(filtered.searchParams.get("region")).toBe("vestland");
    await expect.poll(() => page.locator("ol > li h3").allTextContents()).toContain("Digital hjemmeoppfølging for personer med kroniske sykdommer");
    expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute("href")).toBe("/demand.atom?cpv=48&region=vestland");

    await page.getByText("Lagre som overvåking").click();
    await page.getByLabel("Navn").fill("Vestland, IT-systemer");
    await page.getByLabel("Varsel på e-post").selectOption("immediate");
    await page.getByRole("button", { name: "Lagre overvåking" }).click();
    await page.waitForURL((url) => url.pathname === "/watches");
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Overvåkingen «Vestland, IT-systemer» er lagret.");

    const card = page.getByRole("region", { name: "Vestland, IT-systemer" });
    expect(await card.getByRole("link", { name: "Digital hjemmeoppfølging for personer med kroniske sykdommer" }).count()).toBe(1);
    expect(await card.getByText("Region:").count()).toBe(1);
    // The watch's link reproduces the filter.
    const matches = card.getByRole("link", { name: /Vis treffene/ });
    expect(await matches.getAttribute("href")).toBe("/demand?cpv=48&region=vestland");
    await expectNoAxeViolations(page);
    await screenshot(page, "watches-saved");

    // The private feed address is shown once, and reads as Atom with the matching event.
    const atomUrl = await card.getByRole("link", { name: /\/feeds\/watches\/.+\.atom$/ }).getAttribute("href");
    const feed = parseFeed(await (await page.request.get(atomUrl!)).text());
    expect(feed.title).toBe("Vestland, IT-systemer – Markedsdialog");
    expect(feed.items.map((item) => item.title)).toContain("Digital hjemmeoppfølging for personer med kroniske sykdommer");

    await matches.click();
    await page.waitForURL(/\/demand\?/);
    expect(new URL(page.url()).search).toBe("?cpv=48&region=vestland");
    expect(await page.getByLabel("Region").inputValue()).toBe("vestland");

    // Revoking makes a new address; the old one is gone.
    await page.goto("/watches");
    const renew = page.locator("details", { has: page.locator("summary", { hasText: "Trekk tilbake og lag nye adresser (Vestland, IT-systemer)" }) });
    await renew.locator("summary").click();
    await renew.getByLabel("Jeg forstår at dette ikke kan angres").check();
    await renew.getByRole("button", { name: "Trekk tilbake og lag nye adresser", exact: true }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Nye strømadresser er laget");
    expect((await page.request.get(atomUrl!)).status()).toBe(404);
  });

  it("passes axe on the demand list, the pipeline, the standards roadmap and a buyer's roadmap", async () => {
    const page = await browser.newPage();
    for (const path of ["/demand", "/demand/pipeline", "/standards", "/standards/roadmaps/bergvik-kommune"]) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
    await page.goto("/standards");
    await page.getByRole("region", { name: "HL7 FHIR R4" }).locator("summary").click();
    expect(await page.getByRole("table", { name: "Oppdragsgiveres egne veikart for HL7 FHIR R4" }).getByRole("link", { name: "Bergvik kommune" }).count()).toBe(1);
    await screenshot(page, "standards-with-roadmaps");
  });

  it("lets a buyer's member change the roadmap, with errors by the field, and shows the change dated", async () => {
    const page = await signedIn("buyer@demo.test", "/standards/roadmaps/bergvik-kommune");
    await page.getByLabel("Standard", { exact: true }).selectOption({ label: "SNOMED CT" });
    await page.getByLabel("Status").selectOption("planned");
    await page.getByRole("button", { name: "Lagre i veikartet" }).click();
    await expect.poll(() => page.locator("#roadmap-date-error").textContent()).toContain("må ha en dato");
    await expectNoAxeViolations(page);

    await page.getByLabel("Dato").fill("2029-06-30");
    await page.getByLabel("Merknad").fill("Sammen med ny EPJ");
    await page.getByRole("button", { name: "Lagre i veikartet" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Veikartet er oppdatert.");
    const history = page.getByRole("region", { name: "Endringslogg" });
    const change = await history.getByRole("listitem").filter({ hasText: "SNOMED CT" }).first().textContent();
    expect(change).toContain("Planlagt innen");
    expect(change).toContain("Sammen med ny EPJ");
    expect(change).toMatch(/Endret .* av Bergvik kommune/);
    await expectNoAxeViolations(page);
    await screenshot(page, "buyer-roadmap");
  });
});
