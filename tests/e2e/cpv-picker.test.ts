import { describe, expect, it } from "vitest";
import { logIn, setupBrowser } from "./browser";

const browser = setupBrowser();

describe("the CPV picker in the event form", () => {
  it("finds codes by compound parts and the field's synonyms, as the demand search does", async () => {
    const page = await browser.newPage();
    await logIn(page, "buyer@demo.test", "/events/new");
    const visible = () => page.locator("label[data-cpv]:not([hidden])").allTextContents();
    const filter = page.locator("#cpv-filter");

    // No label says "journal": an EPJ is a clinical information system.
    await filter.fill("journal");
    await expect.poll(visible).toEqual(expect.arrayContaining([expect.stringContaining("Klinisk informasjonssystem")]));
    expect((await visible()).every((text) => !text.includes("Infusjonspumper"))).toBe(true);

    // Inside a longer word: "informasjonssystemer".
    await filter.fill("informasjonssystem");
    await expect.poll(visible).toEqual(expect.arrayContaining([expect.stringContaining("Medisinske informasjonssystemer")]));

    await filter.fill("");
    await expect.poll(async () => (await visible()).length).toBe(await page.locator("label[data-cpv]").count());
  });
});
