import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, logIn, screenshot, setupBrowser } from "./browser";

const browser = setupBrowser();

describe("effort requests in the browser", () => {
  it("refuses a demo request without an expectation, sends it once declared, and the vendor accepts it", async () => {
    const title = `Demo av medisineringsstøtte ${Date.now()}`;
    const buyer = await browser.newPage();
    await logIn(buyer, "buyer@demo.test", "/effort-requests/new");
    await expectNoAxeViolations(buyer);
    await buyer.getByLabel("Tittel", { exact: true }).fill(title);
    await buyer.getByRole("checkbox", { name: "Demonstrasjon" }).check();
    await buyer.getByLabel("Forventede timer per leverandør").fill("12");
    const inTwoWeeks = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await buyer.getByLabel("Frist (norsk tid)").fill(`${inTwoWeeks}T12:00`);
    await buyer.getByRole("checkbox", { name: /^Nordlys Helse AS/ }).check();
    await buyer.getByRole("button", { name: "Send forespørselen" }).click();
    await expect.poll(() => buyer.getByRole("alert").first().textContent()).toContain("Oppgi forventet innkjøp før du ber leverandører om innsats.");
    expect(await buyer.getByLabel("Tittel", { exact: true }).inputValue()).toBe(title);
    await expectNoAxeViolations(buyer);
    await screenshot(buyer, "effort-request-refused");

    await buyer.getByLabel("Hvor sikkert er innkjøpet?").selectOption("planned");
    await buyer.getByLabel("Budsjett fra (kroner)").fill("2500000");
    await buyer.getByLabel("Budsjett til (kroner)").fill("3500000");
    await buyer.getByLabel("Finansieringskilde").fill("Driftsbudsjett helse og omsorg");
    await buyer.getByLabel("Antall").fill("400");
    await buyer.getByLabel("Enhet", { exact: true }).fill("dispensere");
    await buyer.getByLabel("Forventet kunngjøring (f.eks. 2027-Q2)").fill("2027-Q3");
    await buyer.getByRole("button", { name: "Send forespørselen" }).click();
    await buyer.waitForURL(/\/effort-requests\/[0-9a-f-]{36}\?done=sent$/);
    await expectNoAxeViolations(buyer);

    const vendor = await browser.newPage();
    await logIn(vendor, "vendor@demo.test", "/workspace/participation");
    await expectNoAxeViolations(vendor);
    await vendor.getByRole("link", { name: title }).first().click();
    await vendor.waitForURL(/\/effort-requests\/[0-9a-f-]{36}$/);
    await vendor.getByRole("button", { name: "Takk ja" }).click();
    await vendor.waitForURL(/done=answered$/);
    await expect.poll(() => vendor.getByText("Svaret er registrert.").count()).toBe(1);
    await expectNoAxeViolations(vendor);
    await screenshot(vendor, "effort-request-accepted");
  });
});
