import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, logIn, screenshot, setupBrowser } from "./browser";

const browser = setupBrowser();

describe("the code of conduct and the interaction log in the browser", () => {
  it("shows the code of conduct and its first version to anyone, and passes axe", async () => {
    const page = await browser.newPage();
    await page.goto("/conduct");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Samspillsnormer for markedsdialog");
    expect(await page.getByRole("heading", { name: "9. Ikke gratis rådgivning" }).count()).toBe(1);
    // Where the principles come from, and which the portal enforces.
    const origin = page.getByRole("region", { name: "Hvor prinsippene kommer fra" });
    expect(await origin.textContent()).toContain("sak 22/219");
    expect(await origin.getByRole("term").allTextContents()).toEqual(["Sourcingstrategi", "Kontraktsvalg", "Næringsutvikling", "Samspillsnormer", "Forutsigbarhet"]);
    await expectNoAxeViolations(page);
    // Every published version is linked from the code, the first one too.
    await page.getByRole("region", { name: "Alle versjoner" }).getByRole("link", { name: "Versjon 1" }).click();
    await page.waitForURL("**/conduct/versions/1");
    await expectNoAxeViolations(page);
  });

  it("a vendor logs a meeting with a concern about unpaid advisory work; the buyer disputes it; both accounts show", async () => {
    const vendor = await browser.newPage({ javaScriptEnabled: false });
    await logIn(vendor, "vendor@demo.test", "/interactions/new");
    expect(await vendor.locator("h1").textContent()).toBe("Loggfør samhandling");
    await expectNoAxeViolations(vendor);
    await vendor.getByLabel("Motpart (virksomhet)").selectOption({ label: "Bergvik kommune" });
    await vendor.getByLabel("Når (norsk tid)").fill("2026-11-20T14:30");
    await vendor.getByLabel("Møte", { exact: true }).check();
    await vendor.getByLabel("Deltakere fra motparten (ett navn per linje)").fill("Berit Innkjøp");
    await vendor.getByLabel("Emne").fill("Dialogmøte om ny journalløsning");
    await vendor.getByLabel("Hva skjedde").fill("Vi ble bedt om å skrive utkast til kravspesifikasjon.");
    await vendor.getByLabel("9. Ikke gratis rådgivning").check();
    await vendor.getByLabel("Bekymring", { exact: true }).check();
    // Without a description the concern is refused by the field, and what was typed stays.
    await vendor.getByRole("button", { name: "Før i loggen" }).click();
    await vendor.waitForLoadState();
    await expect.poll(() => vendor.getByText("Velg hva slags bekymring det er.").count()).toBe(1);
    expect(await vendor.getByText("Beskriv bekymringen, slik at motparten kan svare på den.").count()).toBe(1);
    expect(await vendor.getByLabel("Emne").inputValue()).toBe("Dialogmøte om ny journalløsning");
    await expectNoAxeViolations(vendor);

    await vendor.getByLabel("Type bekymring").selectOption({ label: "Ubetalt rådgivning" });
    await vendor.getByLabel("Beskriv bekymringen").fill("To dagsverk med kravarbeid uten betaling eller forventet innkjøp.");
    await vendor.getByRole("button", { name: "Før i loggen" }).click();
    await vendor.waitForURL(/\/interactions\/[0-9a-f-]{36}\?logged=1$/);
    const entryPath = new URL(vendor.url()).pathname;
    expect(await vendor.getByRole("status").textContent()).toContain("Samhandlingen er ført");
    await expectNoAxeViolations(vendor);

    const buyer = await browser.newPage({ javaScriptEnabled: false });
    await logIn(buyer, "buyer@demo.test", entryPath);
    expect(await buyer.getByText("To dagsverk med kravarbeid").count()).toBe(1);
    await buyer.getByLabel("Bestrid oppføringen").check();
    await buyer.getByLabel("Deres framstilling").fill("Vi ba om innspill på en halv side, ikke en kravspesifikasjon.");
    await buyer.getByRole("button", { name: "Send svar" }).click();
    await buyer.waitForURL(/\?answered=1$/);
    expect(await buyer.getByText("Bestridt av Berit Innkjøp").count()).toBe(1);
    await expectNoAxeViolations(buyer);
    await screenshot(buyer, "interaction-disputed");

    await vendor.goto(entryPath);
    expect(await vendor.getByText("To dagsverk med kravarbeid").count()).toBe(1);
    expect(await vendor.getByText("Vi ba om innspill på en halv side, ikke en kravspesifikasjon.").count()).toBe(1);

    await vendor.goto("/interactions");
    expect(await vendor.getByText("Kjeden er kontrollert").count()).toBe(1);
    await expectNoAxeViolations(vendor);

    const third = await browser.newPage();
    await logIn(third, "kam@demo.test", "/interactions");
    const response = await third.goto(entryPath);
    expect(response?.status()).toBe(404);
  });

  it("shows operators every chain verified, and passes axe", async () => {
    const page = await browser.newPage();
    await logIn(page, "admin@demo.test", "/admin/interaction-chains");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Kontroll av samhandlingsloggene");
    expect(await page.getByText(/^Brutt/).count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.goto("/admin/conduct");
    await expectNoAxeViolations(page);
  });
});
