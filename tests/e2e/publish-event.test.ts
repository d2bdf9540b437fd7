import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, logIn, screenshot, setupBrowser } from "./browser";

const browser = setupBrowser();

describe("the predictability rule in the browser", () => {
  it("refuses an RFI asking 40 hours without an expectation, by the field, then publishes it once declared", async () => {
    const page = await browser.newPage();
    await logIn(page, "buyer@demo.test", "/events/new");
    await expectNoAxeViolations(page);

    await page.getByLabel("Type", { exact: true }).selectOption("rfi");
    await page.getByLabel("Tittel", { exact: true }).fill("RFI: digitalt tilsyn i sykehjem");
    await page.getByLabel("Beskrivelse", { exact: true }).fill("Vi ønsker skriftlige innspill om **digitalt tilsyn**.");
    const inThreeWeeks = new Date(Date.now() + 21 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await page.getByLabel("Påmeldingsfrist").fill(`${inThreeWeeks}T12:00`);
    await page.getByRole("radio", { name: /^Betydelig/ }).check();
    await page.getByLabel("Timer per leverandør (anslag)").fill("40");
    await page.getByRole("checkbox", { name: "Skriftlig svar (RFI/RFP)" }).check();
    // An RFI states its IP terms, and the buyer gives the non-use undertaking when publishing (issue 17).
    await page.getByLabel("Bakgrunnsrettigheter forblir hos leverandøren", { exact: true }).selectOption("yes");
    await page.getByLabel("Leverandørens eksisterende produkter overdras ikke", { exact: true }).selectOption("yes");
    await page.getByLabel("Hvem eier resultatene?", { exact: true }).selectOption("vendor");
    await page.getByLabel("Hva brukes leverandørenes innspill til?", { exact: true }).selectOption("this_procurement");
    await page.getByRole("checkbox", { name: /^Vi vil ikke bruke leverandørenes informasjon i egen forretningsdrift/ }).check();
    await page.getByRole("button", { name: "Publiser" }).click();

    // The ticked undertaking is not saved with the draft; the edit page ticks it again.
    await page.waitForURL(/\/edit\?check=publish&undertaking=1$/);
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toContain("Oppgi forventet innkjøp før du ber leverandører om innsats.");
    expect(await alert.textContent()).toContain("Forutsigbarhet: leverandører skal vite hvilket innkjøp de kan forvente");
    // The message stands by the field too, and everything typed is still there.
    expect(await page.locator("#f-expectation").textContent()).toContain("Oppgi forventet innkjøp");
    expect(await page.getByLabel("Tittel", { exact: true }).inputValue()).toBe("RFI: digitalt tilsyn i sykehjem");
    expect(await page.getByLabel("Timer per leverandør (anslag)").inputValue()).toBe("40");
    expect(await page.getByLabel("Hvem eier resultatene?", { exact: true }).inputValue()).toBe("vendor");
    expect(await page.getByRole("checkbox", { name: /^Vi vil ikke bruke leverandørenes informasjon/ }).isChecked()).toBe(true);
    expect(await alert.textContent()).not.toContain("Kryss av for at dere ikke vil bruke leverandørenes informasjon");
    await expectNoAxeViolations(page);
    await screenshot(page, "publish-refused");

    await page.getByRole("radio", { name: /^Planlagt:/ }).check();
    await page.getByLabel("Budsjettramme fra (kr)").fill("4 000 000");
    await page.getByLabel("Budsjettramme til (kr)").fill("6 000 000");
    await page.getByLabel("Finansiering", { exact: true }).fill("Økonomiplan 2027–2030");
    await page.getByLabel("Forventet mengde").fill("40");
    await page.getByLabel("Enhet", { exact: true }).fill("sykehjem");
    await page.getByLabel("Forventet kunngjøring av konkurranse").selectOption({ index: 3 });
    await page.getByRole("button", { name: "Publiser" }).click();

    await page.waitForURL(/\/events\/[0-9a-f-]{36}\?published=1$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("RFI: digitalt tilsyn i sykehjem");
    // Issue 14: the page says it is published.
    expect(await page.getByRole("status").filter({ hasText: "Markedsdialogen er publisert." }).count()).toBe(1);
    expect(await page.getByText(/Kjøp forventet: planlagt, 4–6 MNOK/).count()).toBeGreaterThan(0);
    // The terms and the buyer's named, dated undertaking stand on the event page.
    const ip = page.locator("section", { has: page.getByRole("heading", { name: "Immaterielle rettigheter" }) });
    expect(await ip.textContent()).toContain("Bakgrunnsrettigheter forblir hos leverandøren");
    expect(await ip.textContent()).toContain("Oppdragsgiverens forpliktelse");
    expect(await ip.textContent()).toMatch(/Gitt av Berit Innkjøp for Bergvik kommune/);
    await expectNoAxeViolations(page);
    await screenshot(page, "published-event");
  });
});
