import { describe, expect, it } from "vitest";
import { comingQuarters } from "~/domain/quarters";
import { formatQuarter } from "~/i18n/format";
import { expectNoAxeViolations, logIn, screenshot, setupBrowser } from "./browser";

const browser = setupBrowser();

describe("effort requests in the browser", () => {
  it("refuses a demo request without an expectation, sends it once declared with a chosen quarter, shows it as declared, and the vendor accepts it", async () => {
    const title = `Demo av medisineringsstøtte ${Date.now()}`;
    const buyer = await browser.newPage();
    await logIn(buyer, "buyer@demo.test", "/effort-requests/new");
    await expectNoAxeViolations(buyer);
    await buyer.getByLabel("Tittel", { exact: true }).fill(title);
    await buyer.getByRole("checkbox", { name: "Demonstrasjon" }).check();
    await buyer.getByLabel("Timer per leverandør (anslag)").fill("12");
    const inTwoWeeks = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await buyer.getByLabel("Frist (norsk tid)").fill(`${inTwoWeeks}T12:00`);
    await buyer.getByRole("checkbox", { name: /^Nordlys Helse AS/ }).check();
    await buyer.getByRole("button", { name: "Send forespørselen" }).click();
    await expect.poll(() => buyer.getByRole("alert").first().textContent()).toContain("Oppgi forventet innkjøp før du ber leverandører om innsats.");
    expect(await buyer.getByLabel("Tittel", { exact: true }).inputValue()).toBe(title);
    await expectNoAxeViolations(buyer);
    await screenshot(buyer, "effort-request-refused");

    // The same controls and words as the event form: status as radios, the quarter from a list.
    await buyer.getByRole("radio", { name: /^Planlagt:/ }).check();
    await buyer.getByLabel("Budsjettramme fra (kr)").fill("2 500 000");
    await buyer.getByLabel("Budsjettramme til (kr)").fill("3 500 000");
    await buyer.getByLabel("Finansiering", { exact: true }).fill("Driftsbudsjett helse og omsorg");
    await buyer.getByLabel("Forventet mengde").fill("400");
    await buyer.getByLabel("Enhet", { exact: true }).fill("dispensere");
    const quarter = comingQuarters(new Date())[2]!;
    await buyer.getByLabel("Forventet kunngjøring av konkurranse").selectOption({ label: formatQuarter(quarter, "nb") });
    await buyer.getByRole("button", { name: "Send forespørselen" }).click();
    await buyer.waitForURL(/\/effort-requests\/[0-9a-f-]{36}\?done=sent$/);
    await expectNoAxeViolations(buyer);
    // The request page shows what was declared, the quantity included, and the quarter in words.
    const facts = buyer.locator("dl");
    await expect.poll(() => facts.textContent()).toContain("400 dispensere");
    expect(await facts.textContent()).toContain(formatQuarter(quarter, "nb"));
    expect(await facts.textContent()).not.toContain(quarter);
    expect(await facts.textContent()).toContain("Planlagt");

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

    // The vendor answers in writing (issue 17): a submitted response the buyer's team reads.
    const request = new URL(vendor.url()).pathname;
    await vendor.goto(`${request}/response`);
    await vendor.getByLabel("Svar (fritekst)").fill("Vi kan demonstrere dispenseren hos dere i uke 3, med to sykepleiere fra vårt team.");
    await vendor.getByRole("button", { name: "Send inn" }).click();
    await vendor.waitForURL(/[?&]submitted=1$/);

    // The request's pages at phone width, for both parties (the 390 px sweep counts on this: tests/e2e/phone-pages.ts).
    await buyer.goto(`${request}/responses`);
    const responseLink = buyer.locator(`a[href^="${request}/responses/"]`).first();
    const perVendor = await responseLink.getAttribute("href");
    const pages: [typeof buyer, string][] = [
      [buyer, request],
      [buyer, `${request}/documents`],
      [buyer, `${request}/responses`],
      [buyer, perVendor!],
      [vendor, request],
      [vendor, `${request}/response`],
    ];
    for (const [page, path] of pages) {
      await page.setViewportSize({ width: 390, height: 844 });
      expect((await page.goto(path))?.status(), path).toBe(200);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      await expectNoAxeViolations(page);
    }
    expect(await buyer.locator("body").innerText()).toContain("Vi kan demonstrere dispenseren hos dere i uke 3");
  });

  it("lays out the effort-request and event forms on a phone and a desktop, and tells the buyer before sending that the rule's refusals are counted publicly", async () => {
    const page = await browser.newPage();
    await logIn(page, "buyer@demo.test", "/effort-requests/new");
    for (const [path, name, submit] of [
      ["/effort-requests/new", "effort-request-form", "Send forespørselen"],
      ["/events/new", "event-form", "Publiser"],
    ] as const) {
      await page.goto(path);
      // Issue 14 (P3): the sentence sits beside the button that can be refused, in the same form.
      const form = page.locator("form", { has: page.getByRole("button", { name: submit, exact: true }) });
      expect(await form.getByText(/telles det som et stoppet forsøk på (det|oppdragsgiverens) offentlige resultatkort/).count(), path).toBe(1);
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(path);
        await screenshot(page, `${name}-${width}`);
        // Nothing wider than the window: no sideways scrolling.
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${width} px`).toBeLessThanOrEqual(width);
      }
    }
  });
});
