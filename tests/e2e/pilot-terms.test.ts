import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, logIn, screenshot, setupBrowser } from "./browser";

const browser = setupBrowser();

// Issue 16: a pilot says before publishing how it is judged and what follows success.
describe("a pilot's acceptance criteria and purchase option in the browser", () => {
  it("refuses a pilot without criteria and a path, by the fields, then publishes it with two criteria and an unbudgeted option", async () => {
    const page = await browser.newPage();
    await logIn(page, "buyer@demo.test", "/events/new");

    await page.getByLabel("Type", { exact: true }).selectOption("pilot");
    await page.getByLabel("Tittel", { exact: true }).fill("Utprøving: digital legemiddelhåndtering");
    const inThreeWeeks = new Date(Date.now() + 21 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await page.getByLabel("Påmeldingsfrist").fill(`${inThreeWeeks}T12:00`);
    await page.getByRole("radio", { name: /^Betydelig/ }).check();
    await page.getByLabel("Timer per leverandør (anslag)").fill("40");
    await page.getByRole("checkbox", { name: "Utprøving", exact: true }).check();
    await page.getByRole("radio", { name: "Ingen innkjøp forventet" }).check();
    await page.getByLabel("Kompensasjon per leverandør (kr)").fill("20 000");
    // A pilot states its IP terms, and the buyer gives the non-use undertaking when publishing (issue 17).
    await page.getByLabel("Bakgrunnsrettigheter forblir hos leverandøren", { exact: true }).selectOption("yes");
    await page.getByLabel("Leverandørens eksisterende produkter overdras ikke", { exact: true }).selectOption("yes");
    await page.getByLabel("Hvem eier resultatene?", { exact: true }).selectOption("licence");
    await page.getByLabel("Hva lisensen omfatter", { exact: true }).fill("Bergvik kommune kan bruke resultatene i egen drift.");
    await page.getByLabel("Hva brukes leverandørenes innspill til?", { exact: true }).selectOption("this_procurement");
    await page.getByRole("checkbox", { name: /^Vi vil ikke bruke leverandørenes informasjon i egen forretningsdrift/ }).check();
    await page.getByRole("button", { name: "Publiser" }).click();

    // The ticked undertaking is not saved with the draft; the edit page ticks it again.
    await page.waitForURL(/\/edit\?check=publish&undertaking=1$/);
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toContain("Oppgi minst ett godkjenningskriterium");
    expect(await alert.textContent()).toContain("Oppgi hva som skjer hvis kriteriene nås");
    expect(await page.locator("#f-pilotPath-acceptanceCriteria").textContent()).toContain("Oppgi minst ett godkjenningskriterium");
    await expectNoAxeViolations(page);

    // Two empty criterion rows are offered without JavaScript; the second half-filled is named by its field.
    const part = (i: number, name: string) => page.locator(`#f-pilotPath-acceptanceCriteria-${i}-${name}`);
    await part(0, "measure").fill("Avvik i legemiddellister");
    await part(0, "threshold").fill("Under 2 %");
    await part(0, "method").fill("Månedlig stikkprøve");
    await part(0, "judgedBy").fill("Fagsykepleier");
    await part(1, "measure").fill("Tid brukt på utdeling");
    await page.getByRole("radio", { name: "Kjøpsopsjon i innovasjonspartnerskapet" }).check();
    await page.getByLabel("Makspris for opsjonen (kr)").fill("3 000 000");
    await page.getByLabel("Opsjonen kan utløses fra").selectOption("2027-Q3");
    await page.getByLabel("Opsjonen kan utløses til og med").selectOption("2027-Q4");
    await page.getByLabel("Er pengene til kjøpet satt av?").selectOption("no");
    await page.getByLabel("Hvem beslutter kjøpet (rolle)").fill("Kommunalsjef helse");
    await page.getByLabel("Hvem beslutter kjøpet (virksomhet)").fill("Bergvik kommune");
    await page.getByLabel("Egen innsats, timer per leverandør").fill("120");
    await page.getByRole("button", { name: "Publiser" }).click();

    await page.waitForURL(/\/edit\?check=publish&undertaking=1$/);
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Fyll ut denne delen av kriteriet.");
    expect(await page.locator("#f-pilotPath-acceptanceCriteria-1-threshold-error").textContent()).toContain("Fyll ut denne delen");
    expect(await part(1, "measure").inputValue()).toBe("Tid brukt på utdeling");
    // A third row is offered now that two are filled in.
    expect(await part(2, "measure").count()).toBe(1);

    await part(1, "threshold").fill("Minst 20 % kortere");
    await part(1, "method").fill("Tidsregistrering to uker før og etter");
    await part(1, "judgedBy").fill("Enhetsleder");
    await page.getByRole("button", { name: "Publiser" }).click();

    await page.waitForURL(/\/events\/[0-9a-f-]{36}\?published=1$/);
    const section = page.locator("section", { has: page.getByRole("heading", { name: "Godkjenningskriterier og vei til innkjøp" }) });
    await expect.poll(() => section.textContent()).toContain("Kjøpsopsjon: ikke budsjettert");
    const text = await section.textContent();
    expect(text).toContain("Avvik i legemiddellister: Under 2 %");
    expect(text).toContain("Tid brukt på utdeling: Minst 20 % kortere");
    expect(text).toContain("3. kvartal 2027 – 4. kvartal 2027");
    expect(text).toContain("Kommunalsjef helse, Bergvik kommune");
    await expectNoAxeViolations(page);
    await screenshot(page, "published-pilot-terms");
  });
});
