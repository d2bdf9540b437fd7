import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, logIn, screenshot, setupBrowser } from "./browser";

// Responses to an RFI in Chromium (issue 17): the demo vendor amends its response to the Bergvik
// RFI as a draft with a document, then submits it with an answer marked as a business secret;
// the demo buyer (an admin, so the event's team) opens the table, the per-vendor view and the
// comparison. Every page passes axe, and a file name and an answer carrying an HTML payload are
// shown as the text they are: no dialog, no element made from them.
const browser = setupBrowser();

const RFI = "00000000-0000-4000-8000-000000000101";
const PAYLOAD = "<img src=x onerror=alert(1)>";
const FILE_NAME = `svar ${PAYLOAD}.txt`;
const ANSWER = `Fjordheim kommune ${PAYLOAD}`;

/** A page that records every dialog opened in it. */
async function watchedPage() {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, dialogs };
}

/** The page as loaded: axe finds nothing, nothing ran, the payload made no element, and `shown` stands as text. */
async function expectSafe(page: Page, dialogs: string[], shown: string[]) {
  await page.waitForLoadState("load");
  // Give hydration and any injected handler a moment to fire.
  await page.waitForTimeout(300);
  expect(dialogs, `dialogs on ${page.url()}`).toEqual([]);
  const live = await page.evaluate(() => ({
    handlers: [...document.querySelectorAll("body *")].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML.slice(0, 120)),
    injected: document.querySelectorAll("body img[src='x']").length,
  }));
  expect(live, `live markup on ${page.url()}`).toEqual({ handlers: [], injected: 0 });
  const text = await page.locator("body").innerText();
  for (const s of shown) expect(text, `${page.url()} shows ${s} as text`).toContain(s);
  await expectNoAxeViolations(page);
}

describe("responses in the browser", () => {
  it("lets the vendor draft and submit a response with a document and a secret answer, and the buyer's team read it in the table, the per-vendor view and the comparison", async () => {
    const { page: vendor, dialogs: vendorDialogs } = await watchedPage();
    await logIn(vendor, "vendor@demo.test", `/events/${RFI}/response`);
    await expectSafe(vendor, vendorDialogs, ["Innsendte versjoner"]);

    // A draft: a document whose name carries the payload.
    await vendor.getByLabel("Legg ved et dokument").setInputFiles({ name: FILE_NAME, mimeType: "text/plain", buffer: Buffer.from("Referanseliste for digital hjemmeoppfølging.\n") });
    await vendor.getByRole("button", { name: "Lagre utkast" }).click();
    await vendor.waitForURL(/[?&]saved=/);
    await expect.poll(() => vendor.getByRole("status").filter({ hasText: "Utkastet er lagret." }).count()).toBe(1);
    await expectSafe(vendor, vendorDialogs, [FILE_NAME]);

    // Submitted: the references answer carries the payload and is marked as a business secret.
    const references = vendor.locator("div.rounded").filter({ has: vendor.locator('[data-question="references"]') });
    await references.getByLabel("Oppgi referanser fra norsk helse- og omsorgssektor.").fill(ANSWER);
    await references.getByRole("checkbox", { name: "Svaret er en forretningshemmelighet" }).check();
    await references.getByLabel("Hvorfor svaret er en forretningshemmelighet").fill("Referansene har ikke sagt ja til å bli omtalt offentlig.");
    await vendor.getByRole("button", { name: "Send inn" }).click();
    await vendor.waitForURL(/[?&]submitted=/);
    await expect.poll(() => vendor.getByText("Svaret er sendt inn som versjon 2.").count()).toBe(1);
    await expectSafe(vendor, vendorDialogs, [FILE_NAME]);
    await screenshot(vendor, "response-vendor-submitted");

    // The buyer's team: the table, the per-vendor view (the secret answer read), the comparison.
    const { page: buyer, dialogs: buyerDialogs } = await watchedPage();
    await logIn(buyer, "buyer@demo.test", `/events/${RFI}/responses`);
    await expectSafe(buyer, buyerDialogs, ["Nordlys Helse AS"]);
    await buyer.getByRole("link", { name: "Åpne svaret fra Nordlys Helse AS" }).click();
    await buyer.waitForURL(new RegExp(`/events/${RFI}/responses/[0-9a-f-]{36}$`));
    await expectSafe(buyer, buyerDialogs, [FILE_NAME, ANSWER]);
    await screenshot(buyer, "response-buyer-view");
    await buyer.goto(`/events/${RFI}/responses`);
    await buyer.getByRole("link", { name: "Sammenlign svarene side om side" }).click();
    await buyer.waitForURL(`**/events/${RFI}/responses/compare`);
    await expectSafe(buyer, buyerDialogs, [ANSWER]);

    // The vendor sees who read the secret answer.
    await vendor.goto(`/events/${RFI}/response`);
    await expectSafe(vendor, vendorDialogs, ["Lest av Berit Innkjøp"]);
  });
});
