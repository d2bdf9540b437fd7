import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, logIn, screenshot, setupBrowser } from "./browser";

const browser = setupBrowser();
// A contract from last January: every quarter of last year has begun, whatever today's date.
const year = new Date().getUTCFullYear() - 1;

describe("a contract after award in the browser", () => {
  it("the buyer records a framework and two quarters; the vendor confirms one and disputes one; the public sees 30 % and the dispute, not the account", async () => {
    const buyer = await browser.newPage({ javaScriptEnabled: false });
    await logIn(buyer, "buyer@demo.test", "/contracts/new");
    await expectNoAxeViolations(buyer);
    await buyer.getByLabel("Kontraktstype").selectOption({ label: "Rammeavtale" });
    await buyer.getByLabel("Navn på kontrakten").fill("Rammeavtale for velferdsteknologi (e2e)");
    await buyer.getByLabel("Leverandør", { exact: true }).selectOption({ label: "Nordlys Helse AS" });
    await buyer.getByLabel("Kontraktsstart").fill(`${year}-01-01`);
    await buyer.getByLabel("Grunnperioden slutter").fill(`${year + 1}-12-31`);
    await buyer.getByLabel("Indikert volum per år (kr)").fill("10 000 000");
    await buyer.getByLabel("Bindende minimum per år (kr)").fill("12 000 000");
    await buyer.getByLabel("Leverandøren må holde kapasitet").check();
    await buyer.getByRole("button", { name: "Registrer kontrakten" }).click();
    await buyer.waitForLoadState();
    // Refused by the field, what was typed kept.
    await expect.poll(() => buyer.getByText("Bindende minimum kan ikke være større enn indikert volum.").count()).toBe(1);
    expect(await buyer.getByLabel("Navn på kontrakten").inputValue()).toBe("Rammeavtale for velferdsteknologi (e2e)");
    await expectNoAxeViolations(buyer);

    await buyer.getByLabel("Bindende minimum per år (kr)").fill("0");
    await buyer.getByRole("button", { name: "Registrer kontrakten" }).click();
    await buyer.waitForURL(/\/contracts\/[0-9a-f-]{36}\?saved=created$/);
    const contractPath = new URL(buyer.url()).pathname;
    expect(await buyer.getByText("Kapasitetskrav uten forpliktelse").count()).toBeGreaterThan(0);
    expect(await buyer.getByText("0 kr – ingen forpliktelse").count()).toBe(1);

    for (const [quarter, value] of [
      [`${year}-Q1`, "2 000 000"],
      [`${year}-Q2`, "1 000 000"],
    ] as const) {
      await buyer.getByLabel("Kvartal", { exact: true }).selectOption(quarter);
      await buyer.getByLabel("Avropt verdi (kr)").fill(value);
      await buyer.getByRole("button", { name: "Registrer avrop" }).click();
      await buyer.waitForURL(/\?saved=call-off$/);
    }
    // A recorded quarter is no longer offered; a CSV that repeats it is refused by its row, and nothing is imported.
    expect(await buyer.getByLabel("Kvartal", { exact: true }).locator(`option[value="${year}-Q1"]`).count()).toBe(0);
    await buyer.getByText("Importer avrop fra CSV").click();
    await buyer.getByLabel("Eller lim inn radene her").fill(`kvartal;verdi;mengde;merknad\n${year}-Q1;5;;\n${year}-Q3;0;;`);
    await buyer.getByRole("button", { name: "Forhåndsvis" }).click();
    await buyer.waitForLoadState();
    await expect.poll(() => buyer.getByText("Kvartal: Avrop for dette kvartalet er allerede registrert.").count()).toBe(1);
    expect(await buyer.getByRole("button", { name: /Importer \d+ kvartal/ }).count()).toBe(0);
    await expectNoAxeViolations(buyer);

    const vendor = await browser.newPage({ javaScriptEnabled: false });
    await logIn(vendor, "vendor@demo.test", contractPath);
    const q1 = vendor.getByRole("form", { name: `Svar på 1. kvartal ${year}` });
    await q1.getByLabel("Bekreft kvartalet").check();
    await q1.getByRole("button", { name: "Send svaret" }).click();
    await vendor.waitForURL(/\?saved=answered$/);
    const q2 = vendor.getByRole("form", { name: `Svar på 2. kvartal ${year}` });
    await q2.getByLabel("Bestrid kvartalet").check();
    await q2.getByLabel("Deres framstilling").fill("Vi leverte for 1,6 MNOK i andre kvartal; resten ble ført på en annen avtale.");
    await q2.getByRole("button", { name: "Send svaret" }).click();
    await vendor.waitForURL(/\?saved=answered$/);
    expect(await vendor.getByText("Vi leverte for 1,6 MNOK").count()).toBe(1);
    await expectNoAxeViolations(vendor);

    const visitor = await browser.newPage();
    await visitor.goto(contractPath);
    expect(await visitor.getByText(/30\s%\sav indikert/).count()).toBe(1);
    expect(await visitor.getByText("1 kvartal bestridt av leverandøren").count()).toBe(1);
    expect(await visitor.getByRole("cell", { name: "Bestridt" }).count()).toBe(1);
    expect(await visitor.getByText("Vi leverte for 1,6 MNOK").count()).toBe(0);
    expect(await visitor.getByRole("button", { name: "Registrer avrop" }).count()).toBe(0);
    await expectNoAxeViolations(visitor);
    await visitor.setViewportSize({ width: 1280, height: 900 });
    await screenshot(visitor, "contract-1280");
    await visitor.setViewportSize({ width: 390, height: 844 });
    await screenshot(visitor, "contract-390");

    // The buyer's scorecard counts it among the contracts behind its figures.
    await visitor.setViewportSize({ width: 1280, height: 900 });
    await visitor.goto("/organisations/bergvik-kommune");
    const scorecardLink = await visitor.getByRole("link", { name: /resultatkort|scorecard/i }).first().getAttribute("href").catch(() => null);
    const buyerId = (await buyer.evaluate(() => document.querySelector('a[href^="/buyers/"]')?.getAttribute("href"))) ?? scorecardLink;
    await visitor.goto(buyerId!);
    expect(await visitor.getByRole("heading", { name: "Kontrakter: indikert og avropt" }).count()).toBe(1);
    expect(await visitor.getByRole("link", { name: "Rammeavtale for velferdsteknologi (e2e)" }).count()).toBe(1);
    await expectNoAxeViolations(visitor);
    await screenshot(visitor, "scorecard-contracts-1280");
    await visitor.setViewportSize({ width: 390, height: 844 });
    await screenshot(visitor, "scorecard-contracts-390");
  }, 240_000);
});
