import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, screenshot, setupBrowser } from "./browser";

const browser = setupBrowser();

describe("public predictability scorecards", () => {
  it("opens a buyer's scorecard from its organisation page and switches to 36 months", async () => {
    const page = await browser.newPage();
    await page.goto("/organisations/bergvik-kommune");
    await page.getByRole("link", { name: "Se forutsigbarhetstallene for Bergvik kommune" }).click();
    await page.waitForURL(/\/buyers\/bergvik-kommune$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Forutsigbarhet hos Bergvik kommune");

    // The seed's history: the alarm RFI was procured within the grace quarter, the dispenser dialogue was not.
    const fulfilment = page.getByRole("region", { name: "Forventninger som endte i innkjøp i tide" });
    expect(await fulfilment.getByRole("img").getAttribute("aria-label")).toMatch(/Innfridd i tide: [1-9]/);
    const notProcured = page.getByRole("table", { name: "Ikke anskaffet, etter årsak" });
    expect(await notProcured.getByRole("row", { name: /Budsjettet er trukket/ }).getByRole("cell").textContent()).toBe("1");
    expect(await page.getByRole("table", { name: "Avsluttede piloter" }).getByRole("row", { name: /Kriteriene oppfylt, ikke kjøpt/ }).getByRole("cell").textContent()).toBe("1");
    await expect.poll(() => page.getByText("Nasjonal løsning for pasientvarsling ventes om to år").count()).toBe(1);
    // Linked from the list of events and from the purchases behind "Kjøpt mot erklært verdi", both to the event.
    const alarmLinks = page.getByRole("link", { name: "Forespørsel om informasjon: digitale trygghetsalarmer" });
    await expect.poll(() => alarmLinks.evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href")))])).toEqual(["/events/00000000-0000-4000-8000-000000000811"]);
    expect(await alarmLinks.count()).toBe(2);
    await expectNoAxeViolations(page);
    await screenshot(page, "scorecard-buyer");

    await page.getByRole("link", { name: "Siste 36 måneder" }).click();
    await page.waitForURL(/window=36/);
    await expect.poll(() => page.getByRole("link", { name: "Siste 36 måneder" }).getAttribute("aria-current")).toBe("page");
    await expectNoAxeViolations(page);
  });

  it("answers 404 for an organisation that is not a buyer", async () => {
    const page = await browser.newPage();
    const response = await page.goto("/buyers/00000000-0000-4000-8000-000000000000");
    expect(response?.status()).toBe(404);
  });

  it("shows the sector overview from the main menu", async () => {
    const page = await browser.newPage();
    await page.goto("/");
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Innsikt" }).click();
    await page.waitForURL(/\/insights$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Innsikt: forutsigbarhet i sektoren");
    // The sector figures are drawn as bars; their table opens on request.
    await page.getByText("Vis alle nøkkeltall per sektor i en tabell").click();
    const bySector = page.getByRole("table", { name: /Nøkkeltall per sektor/ });
    expect(await bySector.getByRole("row", { name: /Kommune/ }).count()).toBe(1);
    expect(await page.getByRole("table", { name: "Erklært etterspørsel per kvartal og CPV-hovedgruppe" }).getByRole("row").count()).toBeGreaterThan(1);
    await expectNoAxeViolations(page);
    await screenshot(page, "scorecard-insights");
  });

  for (const width of [1280, 390]) {
    it(`draws every chart within the Content-Security-Policy, loaded afresh at ${width} px`, async () => {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/organisations/bergvik-kommune");
      const scorecard = await page.getByRole("link", { name: "Se forutsigbarhetstallene for Bergvik kommune" }).getAttribute("href");
      for (const path of ["/insights", "/insights?window=36", scorecard, `${scorecard}?window=36`]) {
        // A full page load: the policy judges the server's HTML (a client-side navigation would draw the bars by script).
        const response = await page.goto(path!);
        expect(response?.status(), path!).toBe(200);
        // Every chart draws its largest bar: a bar the policy had blocked would have no width.
        const largestBars = await page
          .locator("[role=img]:has(rect)")
          .evaluateAll((charts) => charts.map((chart) => Math.max(0, ...[...chart.querySelectorAll("rect.fill-brand-700")].map((rect) => rect.getBoundingClientRect().width))));
        expect(largestBars.length, path!).toBeGreaterThan(5);
        expect(Math.max(...largestBars), path!).toBeGreaterThan(width === 390 ? 40 : 100);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `overflow on ${path}`).toBe(0);
        // The tables behind the disclosures are audited too.
        for (const details of await page.locator("details").all()) await details.evaluate((d) => d.setAttribute("open", ""));
        await expectNoAxeViolations(page);
        if (path === scorecard || path === "/insights") await screenshot(page, `charts-${path === "/insights" ? "insights" : "buyer"}-${width}`);
      }
    });
  }
});
