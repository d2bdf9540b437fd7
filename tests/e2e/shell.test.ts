import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, screenshot, setupBrowser } from "./browser";

const browser = setupBrowser();

describe("the portal shell", () => {
  it("renders the home page in bokmål, with demo events and no accessibility violations", async () => {
    const page = await browser.newPage();
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("nb");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Markedsdialog i helse og omsorg");
    // Every card says plainly what purchase to expect (other test files add events, so no fixed card is asserted).
    const cards = page.locator("main li");
    expect(await cards.count()).toBeGreaterThan(0);
    expect(await cards.filter({ hasText: /Kjøp forventet:|Ingen innkjøp forventet|Forventet innkjøp er ikke oppgitt/ }).count()).toBe(await cards.count());
    await expectNoAxeViolations(page);
    await screenshot(page, "home-nb");
  });

  it("switches to English and keeps the choice across pages", async () => {
    const page = await browser.newPage();
    await page.goto("/");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.waitForURL("**/");
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("h1").textContent()).toBe("Market dialogue in health and care");
    await expectNoAxeViolations(page);
    await screenshot(page, "home-en");

    await page.getByRole("link", { name: "Accessibility statement" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Accessibility statement");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expectNoAxeViolations(page);
  });

  it("switches language without JavaScript too", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto("/accessibility");
    expect(await page.locator("h1").textContent()).toBe("Tilgjengelighetserklæring");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe("/accessibility");
    expect(await page.locator("h1").textContent()).toBe("Accessibility statement");
    await expectNoAxeViolations(page);
  });

  it("shows a friendly 404 page without a stack trace", async () => {
    const page = await browser.newPage();
    const response = await page.goto("/finnes-ikke");
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Fant ikke siden");
    expect(await page.content()).not.toMatch(/at .*\.js:\d+/);
    await expectNoAxeViolations(page);
  });

  it("reports health with the database kind", async () => {
    const page = await browser.newPage();
    const response = await page.goto("/healthz");
    expect(response?.status()).toBe(200);
    expect(await response?.json()).toEqual({ ok: true, db: "pglite" });
  });
});
