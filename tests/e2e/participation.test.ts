import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, screenshot, setupBrowser } from "./browser";
import { waitForMail } from "./mail";

const browser = setupBrowser();
type Page = Awaited<ReturnType<typeof browser.newPage>>;

// Helse Vestfjord HF's seeded supplier conference (amended once), open for registration; no other browser test changes it.
const EVENT = "00000000-0000-4000-8000-000000000102";
const QUESTION = "Må løsningen støtte FHIR R4 fra første dag?";

async function logIn(page: Page, email: string, to: string) {
  await page.goto(`/login?redirectTo=${encodeURIComponent(to)}`);
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord").fill("demo-password-1");
  await page.getByRole("button", { name: "Logg inn" }).click();
  await page.waitForURL(`**${to}`);
}

describe("vendors take part", () => {
  it("a vendor registers and asks; the buyer sees the participant and answers; another vendor sees the answer", async () => {
    const vendor = await browser.newPage();
    await logIn(vendor, "vendor@demo.test", `/events/${EVENT}`);
    const panel = vendor.locator("#participation");
    await panel.getByLabel("Viktor Leverandør").check();
    await panel.getByLabel("Merknad til oppdragsgiveren (valgfritt)").fill("Vi tar med produkteier.");
    await panel.getByRole("button", { name: "Meld på" }).click();
    await vendor.waitForURL(`**/events/${EVENT}?done=registered`);
    await screenshot(vendor, "participation-registered");
    await expect.poll(() => vendor.getByText("Dere er påmeldt. En bekreftelse er sendt på e-post.").count()).toBe(1);
    await expect.poll(() => panel.getByText("Status for Nordlys Helse AS: Påmeldt.").count()).toBe(1);
    const confirmation = await waitForMail("vendor@demo.test");
    expect(confirmation.text).toContain("Nordlys Helse AS er påmeldt");
    expect(confirmation.text).toContain("text/calendar");

    // An empty question is refused beside the field.
    await vendor.getByRole("button", { name: "Send spørsmålet" }).click();
    expect(await vendor.getByText("Dette feltet må fylles ut.").count()).toBeGreaterThan(0);
    await vendor.getByLabel("Spørsmålet ditt").fill(QUESTION);
    await vendor.getByRole("button", { name: "Send spørsmålet" }).click();
    await vendor.waitForURL(`**/events/${EVENT}?done=asked`);
    await expect.poll(() => vendor.getByText("Venter på svar").count()).toBe(1);
    await expectNoAxeViolations(vendor);
    await screenshot(vendor, "participation-vendor");

    const buyer = await browser.newPage();
    await logIn(buyer, "hf-buyer@demo.test", `/events/${EVENT}`);
    const participants = buyer.locator("section", { has: buyer.getByRole("heading", { name: "Deltakerliste" }) });
    expect(await participants.getByRole("row", { name: /Nordlys Helse AS/ }).textContent()).toContain("Viktor Leverandør");
    const csv = await buyer.request.get(`/events/${EVENT}/participants.csv`);
    expect(await csv.text()).toContain("Nordlys Helse AS");
    const form = buyer.getByRole("form", { name: /Fra Nordlys Helse AS/ });
    await form.getByLabel("Svar til alle deltakerne").fill("Ja, FHIR R4 med de norske basisprofilene.");
    await expectNoAxeViolations(buyer);
    await screenshot(buyer, "participation-buyer");
    await form.getByRole("button", { name: "Publiser svaret" }).click();
    await buyer.waitForURL(`**/events/${EVENT}?done=answered`);
    await expect.poll(() => buyer.getByText("Ingen ubesvarte spørsmål.").count()).toBe(1);

    const other = await browser.newPage();
    await logIn(other, "kam@demo.test", `/events/${EVENT}`);
    const qa = other.locator("section", { has: other.getByRole("heading", { name: "Spørsmål og svar", exact: true }) });
    await expect.poll(() => qa.getByText(QUESTION).count()).toBe(1);
    await expect.poll(() => qa.getByText("Ja, FHIR R4 med de norske basisprofilene.").count()).toBe(1);
    expect(await qa.textContent()).not.toContain("Nordlys");
    await expectNoAxeViolations(other);
    await screenshot(other, "participation-other-vendor");
  }, 90_000);
});
