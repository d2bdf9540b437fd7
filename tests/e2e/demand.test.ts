import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, screenshot, setupBrowser } from "./browser";

const browser = setupBrowser();

describe("upcoming demand", () => {
  it("filters by CPV and region, and the URL reproduces the filter", async () => {
    const page = await browser.newPage();
    await page.goto("/demand");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Kommende etterspørsel");
    expect(await page.getByRole("listitem").filter({ hasText: "Behovsmelding: regional løsning" }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, "demand-nb");

    await page.getByLabel("CPV-kode (med underkoder)").selectOption("48");
    await page.getByLabel("Region").selectOption("vestland");
    await page.getByRole("button", { name: "Vis treff" }).click();
    await page.waitForURL(/cpv=48/);
    const url = new URL(page.url());
    expect(url.pathname).toBe("/demand");
    expect(url.searchParams.get("cpv")).toBe("48");
    expect(url.searchParams.get("region")).toBe("vestland");

    const titles = () => page.locator("ol > li h3").allTextContents();
    // The URL can change before the filtered list is drawn: wait for the list itself.
    await expect.poll(async () => (await titles()).length).toBe(2);
    await expect.poll(titles).toEqual(
      expect.arrayContaining([
        "Leverandørkonferanse: ny løsning for kurve og legemiddelhåndtering",
        "Digital hjemmeoppfølging for personer med kroniske sykdommer",
      ]),
    );
    expect(await titles()).toHaveLength(2);
    expect(await page.getByText("Kjøp forventet: planlagt, 4–6 MNOK").count()).toBe(1);
    expect(await page.getByRole("link", { name: "Digital hjemmeoppfølging for personer med kroniske sykdommer" }).getAttribute("href")).toBe(
      "/events/00000000-0000-4000-8000-000000000101",
    );
    await expectNoAxeViolations(page);
    await screenshot(page, "demand-filtered");

    // The same URL in a fresh page, without JavaScript, gives the same list and the same form.
    const again = await browser.newPage({ javaScriptEnabled: false });
    await again.goto(url.pathname + url.search);
    expect(await again.locator("ol > li h3").allTextContents()).toEqual(await titles());
    expect(await again.getByLabel("Region").inputValue()).toBe("vestland");
    expect(await again.getByLabel("CPV-kode (med underkoder)").inputValue()).toBe("48");
  });

  it("searches and pages without JavaScript", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto("/demand");
    await page.getByLabel("Søk i tittel, beskrivelse og oppdragsgiver").fill("kommune");
    await page.getByRole("button", { name: "Søk", exact: true }).click();
    await page.waitForURL(/q=kommune/);
    expect(await page.locator("ol > li").count()).toBeGreaterThan(0);

    await page.goto("/demand?limit=2");
    const first = await page.locator("ol > li h3").allTextContents();
    await page.getByRole("link", { name: "Neste side" }).click();
    await page.waitForURL(/cursor=/);
    const second = await page.locator("ol > li h3").allTextContents();
    expect(second).toHaveLength(2);
    expect(second.some((title) => first.includes(title))).toBe(false);
  });

  it("finds Norwegian compounds and says how many events match in all", async () => {
    const page = await browser.newPage();
    await page.goto("/demand");
    await page.getByLabel("Søk i tittel, beskrivelse og oppdragsgiver").fill("journal");
    await page.getByRole("button", { name: "Søk", exact: true }).click();
    await page.waitForURL(/q=journal/);
    const titles = () => page.locator("ol > li h3").allTextContents();
    // "pasientjournal", "journalføring" and "journalløsninger": the three demo events that say them.
    await expect.poll(async () => (await titles()).sort()).toEqual(
      [
        "Digital hjemmeoppfølging for personer med kroniske sykdommer",
        "Leverandørkonferanse: ny løsning for kurve og legemiddelhåndtering",
        "Dialogmøter om trygghetsalarmer og digitalt tilsyn",
      ].sort(),
    );
    const count = 3;
    expect(await page.getByRole("status").filter({ hasText: "treff" }).textContent()).toBe(`${count} treff`);
    await expectNoAxeViolations(page);

    // Two to a page: the total is every match, not the page.
    await page.goto("/demand?q=journal&limit=2");
    expect(await page.locator("ol > li").count()).toBe(2);
    expect(await page.getByRole("status").filter({ hasText: "treff" }).textContent()).toBe(`${count} treff`);
  });

  it("lays the filtered demand out by quarter with a chart and a table of the numbers", async () => {
    const page = await browser.newPage();
    await page.goto("/demand/pipeline?region=vestland");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Etterspørsel per kvartal");
    expect(await page.getByRole("img", { name: /Oppgitt budsjettramme/ }).count()).toBe(1);
    const table = page.getByRole("table");
    // The total counts every event the list shows for the same filter, and is the sum of the quarters.
    const totalEvents = Number(await table.locator("tfoot td").first().textContent());
    const perQuarter = (await table.locator("tbody tr").evaluateAll((rows) =>
      rows.map((row) => Number(row.querySelector("td")?.textContent ?? "NaN")),
    )) as number[];
    expect(totalEvents).toBeGreaterThan(0);
    expect(perQuarter.reduce((sum, n) => sum + n, 0)).toBe(totalEvents);
    const list = await browser.newPage();
    await list.goto("/demand?region=vestland");
    expect(await list.getByRole("status").filter({ hasText: "treff" }).textContent()).toBe(`${totalEvents} treff`);
    await list.close();
    await expectNoAxeViolations(page);
    await screenshot(page, "demand-pipeline");
  });

  it("shows unreadable parameters plainly instead of failing", async () => {
    const page = await browser.newPage();
    const response = await page.goto("/demand?region=atlantis&budgetFrom=mye");
    expect(response?.status()).toBe(200);
    expect(await page.getByRole("status").filter({ hasText: "Noen filtre ble ikke brukt" }).textContent()).toContain("atlantis");
    await expectNoAxeViolations(page);
  });
});

describe("the standards roadmap", () => {
  it("shows which buyers require each standard from when, with links to the events", async () => {
    const page = await browser.newPage();
    await page.goto("/standards");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Standardveikart");
    // The timeline draws one line per dated standard and says in words what it shows.
    const timeline = page.getByRole("region", { name: "Tidslinje" });
    expect(await timeline.getByRole("img", { name: /^HL7 FHIR R4: .*Bergvik kommune/ }).count()).toBe(1);
    expect(await timeline.locator("svg[role=img] rect.fill-brand-700").count()).toBeGreaterThan(0);
    // The exact figures are in a table under each standard, behind a summary.
    const fhir = page.getByRole("region", { name: "HL7 FHIR R4" });
    await fhir.locator("summary").click();
    expect(await fhir.getByRole("table", { name: "Oppdragsgivere som nevner HL7 FHIR R4" }).textContent()).toContain("Bergvik kommune");
    await fhir.getByRole("link", { name: "Vis hendelsene som nevner HL7 FHIR R4" }).click();
    await page.waitForURL(/\/demand\?standard=hl7-fhir-r4/);
    await expect.poll(() => page.locator("ol > li h3").count()).toBeGreaterThan(0);
    await page.goto("/standards");
    await expectNoAxeViolations(page);
    await screenshot(page, "standards-nb");
  });
});
