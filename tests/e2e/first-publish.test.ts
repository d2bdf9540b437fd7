import { describe, expect, it } from "vitest";
import { orgNumberCheckDigit } from "~/domain/org-number";
import { expectNoAxeViolations, logIn, screenshot, setupBrowser } from "./browser";
import { linkIn, waitForMail } from "./mail";

const browser = setupBrowser();

/** A valid organisation number no other test uses: eight digits from the clock and their check digit. */
function freshOrgNumber(): string {
  for (let n = Date.now() % 10_000_000; ; n++) {
    const base = `9${String(n).padStart(7, "0")}`;
    const check = orgNumberCheckDigit(base);
    if (check !== null) return `${base}${check}`;
  }
}

// Issue 14: a new buyer needed three rounds to publish one RFI. With the live checklist beside
// the form, a buyer who follows it publishes on the first submit, and nothing is counted against it.
describe("a new buyer's first RFI", () => {
  it("follows the live checklist to publish on the first submit; the public scorecard counts no blocked attempt", async () => {
    const email = `innkjop-${Date.now()}@solvik.kommune.example`;
    const page = await browser.newPage();
    await page.goto("/signup");
    await page.getByLabel("Navn").fill("Siri Solvik");
    await page.getByLabel("E-postadresse").fill(email);
    await page.getByLabel("Passord").fill("solvik kommune kjøper smart");
    await page.getByRole("button", { name: "Opprett konto" }).click();
    await page.waitForURL("**/verify-email**");
    await page.goto(linkIn((await waitForMail(email)).text, "/verify-email?token="));
    await page.waitForURL(/\/organisations\/new\?emailConfirmed=1$/);

    const name = `Solvik kommune ${Date.now() % 100_000}`;
    await page.getByLabel("Navn på virksomheten").fill(name);
    await page.getByRole("checkbox", { name: "Oppdragsgiver", exact: true }).check();
    await page.getByRole("radio", { name: "Registrert i Norge (organisasjonsnummer)" }).check();
    await page.getByLabel("Organisasjonsnummer", { exact: true }).fill(freshOrgNumber());
    await page.getByLabel("Sektor", { exact: true }).selectOption({ index: 1 });
    await page.getByLabel("Region", { exact: true }).selectOption({ index: 1 });
    await page.getByRole("button", { name: "Registrer virksomhet" }).click();
    await page.waitForURL("**/organisation");

    // An operator verifies the new buyer.
    const operator = await browser.newPage();
    await logIn(operator, "admin@demo.test", "/admin/organisations");
    const verify = operator.locator("details", { has: operator.locator("summary", { hasText: `Verifiser ${name}` }) });
    await verify.locator("summary").click();
    await verify.getByLabel(`Jeg har kontrollert at ${name} er en offentlig oppdragsgiver`).check();
    await verify.getByRole("button", { name: "Verifiser", exact: true }).click();
    await expect.poll(() => operator.locator("summary", { hasText: `Verifiser ${name}` }).count()).toBe(0);

    // The form, with the checklist beside it, before anything is typed.
    await page.goto("/events/new");
    const checklist = page.getByTestId("publish-checklist");
    const status = checklist.getByRole("status");
    await page.getByLabel("Type", { exact: true }).selectOption("rfi");
    await page.getByLabel("Tittel", { exact: true }).fill("RFI: digital legemiddelhåndtering i hjemmetjenesten");
    await page.getByLabel("Beskrivelse", { exact: true }).fill("Vi ønsker skriftlige innspill om løsninger for legemiddelhåndtering.");
    const inThreeWeeks = new Date(Date.now() + 21 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await page.getByLabel("Påmeldingsfrist").fill(`${inThreeWeeks}T12:00`);
    await page.getByRole("radio", { name: /^Betydelig/ }).check();
    await page.getByLabel("Timer per leverandør (anslag)").fill("30");
    await page.getByRole("checkbox", { name: "Skriftlig svar (RFI/RFP)" }).check();
    // Asking for real effort without an expectation: the checklist names what is missing, before any submit.
    await expect.poll(() => status.textContent()).toMatch(/punkt(er)? mangler før du kan publisere/);
    expect(await checklist.textContent()).toContain("Oppgi forventet innkjøp");
    await screenshot(page, "first-publish-checklist-missing");

    // Follow the checklist item by item until it says nothing is missing.
    await page.getByRole("radio", { name: /^Planlagt:/ }).check();
    await page.getByLabel("Budsjettramme fra (kr)").fill("2 000 000");
    await page.getByLabel("Budsjettramme til (kr)").fill("3 500 000");
    await page.getByLabel("Finansiering", { exact: true }).fill("Økonomiplan 2027–2030");
    await page.getByLabel("Forventet mengde").fill("12");
    await page.getByLabel("Enhet", { exact: true }).fill("soner");
    await page.getByLabel("Forventet kunngjøring av konkurranse").selectOption({ index: 3 });
    await page.getByLabel("Bakgrunnsrettigheter forblir hos leverandøren", { exact: true }).selectOption("yes");
    await page.getByLabel("Leverandørens eksisterende produkter overdras ikke", { exact: true }).selectOption("yes");
    await page.getByLabel("Hvem eier resultatene?", { exact: true }).selectOption("vendor");
    await page.getByLabel("Hva brukes leverandørenes innspill til?", { exact: true }).selectOption("this_procurement");
    await page.getByRole("checkbox", { name: /^Vi vil ikke bruke leverandørenes informasjon i egen forretningsdrift/ }).check();
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe("Ingenting mangler: du kan publisere.");
    await expectNoAxeViolations(page);
    await screenshot(page, "first-publish-checklist-ready");

    await page.getByRole("button", { name: "Publiser" }).click();
    await page.waitForURL(/\/events\/[0-9a-f-]{36}\?published=1$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("RFI: digital legemiddelhåndtering i hjemmetjenesten");

    // Anyone reading the buyer's scorecard sees one published event and no blocked attempt.
    const visitor = await browser.newPage();
    await visitor.goto("/organisations");
    await visitor.getByRole("link", { name }).first().click();
    await visitor.getByRole("link", { name: `Se forutsigbarhetstallene for ${name}` }).click();
    await visitor.waitForURL(/\/buyers\//);
    const blocked = visitor.getByRole("table", { name: "Stoppede publiseringsforsøk" });
    expect(await blocked.getByRole("row", { name: /^Stoppede forsøk \d+$/ }).getByRole("cell").textContent()).toBe("0");
    expect(await blocked.getByRole("row", { name: /^Stoppede forsøk per publiserte hendelse/ }).getByRole("cell").textContent()).toBe("0");
    expect(await blocked.getByRole("row", { name: /^Publiserte hendelser/ }).getByRole("cell").textContent()).toBe("1");
    await expectNoAxeViolations(visitor);
  });
});
