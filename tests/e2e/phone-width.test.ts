// A sweep of the portal's pages at 390 px, as the visitors who use them: nothing pushes the
// page sideways (wide tables scroll in their own box), and axe finds nothing at that width.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectNoAxeViolations, logIn, setupBrowser } from "./browser";
import { PHONE_SWEEP, type SweptPage } from "./phone-pages";

const browser = setupBrowser();

// The protected report form's labels (app/i18n/locales/nb/reports.ts).
const COUNTERPART = "Hvem gjelder det?";
const ACCOUNT = "Hva skjedde?";
const SUBMIT = "Send varselet";

async function expectFitsPhone(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${path} is ${scroll} px wide at ${width} px`).toBeLessThanOrEqual(width);
  await expectNoAxeViolations(page);
}

/** The page's address: given, or the first link on another page that matches. */
async function pathOf(page: Page, swept: SweptPage): Promise<string> {
  if (typeof swept.path === "string") return swept.path;
  const { from, link } = swept.path;
  await page.goto(from);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const found = hrefs.map((h) => h.split(/[?#]/)[0]!).find((h) => link.test(h));
  expect(found, `a link to ${swept.route} on ${from}`).toBeDefined();
  return found!;
}

async function phonePage() {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  return page;
}

// Every page of the portal (tests/e2e/phone-pages.ts; a test fails when a page is missing there).
describe("at 390 px", () => {
  it.each(PHONE_SWEEP.map((v) => [v.who, v] as const))("no page pushes sideways or fails axe for %s", async (_who, visitor) => {
    const page = await phonePage();
    if (visitor.email) await logIn(page, visitor.email, "/");
    for (const swept of visitor.pages) await expectFitsPhone(page, await pathOf(page, swept), swept.status);
  }, 600_000);

  it("pages reached by a flow: the sign-in code step, a protected report as its vendor and as the operator", async () => {
    const page = await phonePage();
    await page.goto("/login");
    await page.getByLabel("E-postadresse").fill("admin@demo.test");
    await page.getByLabel("Passord").fill("demo-password-1");
    await page.getByRole("button", { name: "Logg inn", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/login/code");
    await expectFitsPhone(page, "/login/code");

    const vendor = await phonePage();
    await logIn(vendor, "vendor@demo.test", "/reports/new");
    await vendor.getByLabel(COUNTERPART).selectOption({ label: "Bergvik kommune" });
    await vendor.locator('input[name="clauses"]').first().check();
    await vendor.getByLabel(ACCOUNT).fill("Vi ble bedt om å holde kritikken for oss selv etter dialogmøtet, ellers ville det få følger for senere konkurranser.");
    await vendor.getByRole("button", { name: SUBMIT }).click();
    await vendor.waitForURL(/\/reports\/[0-9a-f-]{36}\?done=sent$/);
    const report = new URL(vendor.url()).pathname;
    await expectFitsPhone(vendor, report);

    const operator = await phonePage();
    await logIn(operator, "admin@demo.test", "/admin/reports");
    await expectFitsPhone(operator, `/admin${report}`);
  }, 240_000);
});

describe("the main menu at 390 px", () => {
  it("folds into one line that names the current page, and opens without JavaScript", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, "vendor@demo.test", "/workspace/contracts");
    const menu = page.getByRole("navigation", { name: "Hovedmeny" });
    expect(await menu.getByRole("link", { name: "Innsikt" }).count()).toBe(0);
    await menu.getByText("Meny: Kontrakter").click();
    await menu.getByRole("link", { name: "Innsikt" }).click();
    await page.waitForURL("**/insights");
    const header = await page.locator("header").first().boundingBox();
    expect(header!.height).toBeLessThan(220);
    await expectNoAxeViolations(page);
  }, 120_000);
});

describe("/demand at 390 px", () => {
  it("shows the results before the filters, with a link down to the filters", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/demand");
    const results = await page.getByRole("heading", { name: "Treff", exact: true }).boundingBox();
    const filters = await page.getByRole("heading", { name: "Filtre", exact: true }).boundingBox();
    expect(results!.y).toBeLessThan(900);
    expect(results!.y).toBeLessThan(filters!.y);
    await page.getByRole("link", { name: /Flere filtre/ }).click();
    expect(page.url()).toContain("#demand-filters-title");
  }, 60_000);
});
