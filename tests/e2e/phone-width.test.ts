// A sweep of the portal's pages at 390 px, as the visitors who use them: nothing pushes the
// page sideways (wide tables scroll in their own box), and axe finds nothing at that width.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectNoAxeViolations, logIn, setupBrowser } from "./browser";

const browser = setupBrowser();

async function expectFitsPhone(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${path} is ${scroll} px wide at ${width} px`).toBeLessThanOrEqual(width);
  await expectNoAxeViolations(page);
}

const VISITORS: [string, string | null, string[]][] = [
  [
    "an anonymous visitor",
    null,
    [
      "/",
      "/demand",
      "/demand/pipeline",
      "/pilots",
      "/events/00000000-0000-4000-8000-000000000815/pilot-exit",
      "/insights",
      "/standards",
      "/standards/roadmaps/bergvik-kommune",
      "/conduct",
      "/conduct/versions/1",
      "/accessibility",
      "/organisations",
      "/organisations/bergvik-kommune",
      "/organisations/nordlys-helse-as",
      // Widened in the issue 14 audit: the forms and the event page a newcomer meets first.
      "/events/00000000-0000-4000-8000-000000000101",
      "/signup",
      "/login",
      "/forgot-password",
    ],
  ],
  ["a buyer", "buyer@demo.test", ["/workspace/events", "/workspace/questions", "/workspace/contracts", "/events/new", "/interactions", "/follow-ups", "/organisation/members", "/organisation/audit", "/settings", "/organisation", "/effort-requests/new", "/contracts/new", "/interactions/new", "/events/00000000-0000-4000-8000-000000000101/responses/compare"]],
  ["a vendor", "vendor@demo.test", ["/workspace/participation", "/workspace/contracts", "/watches", "/interactions", "/relationships", "/relationships/bergvik-kommune", "/interactions/new"]],
  ["an operator", "admin@demo.test", ["/admin/organisations", "/admin/audit", "/admin/outbox", "/admin/conduct", "/admin/interaction-chains"]],
];

describe("at 390 px", () => {
  it.each(VISITORS)("no page pushes sideways or fails axe for %s", async (_who, email, paths) => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    if (email) await logIn(page, email, "/");
    for (const path of paths) await expectFitsPhone(page, path);
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
