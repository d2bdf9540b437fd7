import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, logIn, screenshot, setupBrowser } from "./browser";

const browser = setupBrowser();

const RFI = "00000000-0000-4000-8000-000000000101";
const AMENDED = "00000000-0000-4000-8000-000000000102";
const DRAFT = "00000000-0000-4000-8000-000000000108";
// Closed by a test below; no other browser test relies on it (they share one seeded server).
const RFP = "00000000-0000-4000-8000-000000000107";

describe("the public event page", () => {
  it("shows a seeded RFI with its expectation first, the short-contract justification and a calendar file", async () => {
    const page = await browser.newPage();
    await page.goto("/");
    await page.getByRole("link", { name: "Digital hjemmeoppfølging for personer med kroniske sykdommer" }).click();
    await page.waitForURL(`**/events/${RFI}`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Digital hjemmeoppfølging for personer med kroniske sykdommer");
    const header = (await page.locator("article > header").textContent()) ?? "";
    expect(header).toMatch(/Kjøp forventet: planlagt, 4–6 MNOK, anbud \d\. kvartal \d{4}/);
    expect(await page.getByText("Den garanterte grunnperioden er kortere enn behovet varer (24 av 72 måneder).").count()).toBe(1);
    expect(await page.getByRole("link", { name: "Bergvik kommune" }).first().getAttribute("href")).toBe("/organisations/bergvik-kommune");
    expect(await page.getByText("48814000-7 Medisinske informasjonssystemer").count()).toBe(1);
    expect(await page.locator("time[datetime]").count()).toBeGreaterThan(2);

    const href = await page.getByRole("link", { name: "Legg i kalenderen (.ics)" }).getAttribute("href");
    const calendar = await page.request.get(href!);
    expect(calendar.status()).toBe(200);
    expect(calendar.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(await calendar.text()).toContain("BEGIN:VEVENT");

    await expectNoAxeViolations(page);
    await screenshot(page, "event-page-rfi");
  });

  it("shows the change log of an amended event: when, what, why", async () => {
    const page = await browser.newPage();
    await page.goto(`/events/${AMENDED}`);
    const log = page.locator("section", { has: page.getByRole("heading", { name: "Endringslogg" }) });
    expect(await log.getByText("Flere påmeldte enn ventet: vi flytter til et større lokale.").count()).toBe(1);
    const capacity = log.getByRole("row", { name: /Plasser/ });
    expect(await capacity.textContent()).toBe("Plasser3060");
    expect(await log.locator("time[datetime]").count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, "event-page-amended");
  });

  it("answers 404 for a draft to a visitor", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`/events/${DRAFT}`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Fant ikke siden");
  });

  it("shows vendors no buyer forms", async () => {
    const page = await browser.newPage();
    await logIn(page, "vendor@demo.test", `/events/${RFI}`);
    expect(await page.getByRole("heading", { name: "For oppdragsgiveren" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Mine markedsdialoger" }).count()).toBe(0);
  });
});

describe("the buyer's workspace and outcome", () => {
  it("takes the buyer from the workspace to the event waiting for an outcome, and records it", async () => {
    const page = await browser.newPage();
    await logIn(page, "buyer@demo.test", "/");
    await page.getByRole("link", { name: "Mine markedsdialoger" }).click();
    await page.waitForURL("**/workspace/events");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Mine markedsdialoger");
    const waiting = page.locator("section", { has: page.getByRole("heading", { name: /Venter på utfall/ }) });
    expect(await waiting.getAttribute("data-attention")).toBe("true");
    expect(await waiting.getByRole("link").allTextContents()).toEqual(["Dialogmøter om digitalt tilsyn om natten"]);
    await expectNoAxeViolations(page);
    await screenshot(page, "workspace-events");

    await waiting.getByRole("link", { name: "Dialogmøter om digitalt tilsyn om natten" }).click();
    await page.waitForURL("**/events/*");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Dialogmøter om digitalt tilsyn om natten");
    await expectNoAxeViolations(page);
    await screenshot(page, "event-page-outcome-form");

    // Bad input: told by the field, nothing stored.
    await page.getByLabel("Kontraktsverdi i kroner").fill("mange");
    await page.getByRole("button", { name: "Registrer som anskaffet" }).click();
    await expect.poll(() => page.getByText("Oppgi et helt tall.").count()).toBe(1);
    expect(await page.getByText("Dette feltet må fylles ut.").count()).toBe(1);
    await expectNoAxeViolations(page);

    await page.getByLabel("Kontraktsverdi i kroner").fill("720 000");
    await page.getByLabel("Kontraktsdato").fill("2026-10-01");
    await page.getByLabel("Valgt leverandør (valgfritt)").selectOption({ label: "Nordlys Helse AS" });
    await page.getByRole("button", { name: "Registrer som anskaffet" }).click();
    await expect.poll(() => page.getByText("Utfallet er registrert.").count()).toBe(1);
    const outcome = page.locator("section", { has: page.getByRole("heading", { name: "Utfall", exact: true }) });
    expect(await outcome.textContent()).toContain("Anskaffet");
    expect(await outcome.textContent()).toContain("Nordlys Helse AS");
    expect(await page.getByRole("heading", { name: "For oppdragsgiveren" }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, "event-page-outcome-recorded");

    await page.goto("/workspace/events");
    expect(await page.getByText("Alle avsluttede markedsdialoger har et utfall.").count()).toBe(1);
    // Nothing waits any more: no warning colours for "Venter på utfall (0)".
    const none = page.locator("section", { has: page.getByRole("heading", { name: "Venter på utfall (0)" }) });
    expect(await none.getAttribute("data-attention")).toBe("false");
    expect(await none.getAttribute("class")).not.toContain("amber");
  });

  it("closes a published event without JavaScript", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await logIn(page, "buyer@demo.test", `/events/${RFP}`);
    // Irreversible, so it says what will happen and asks for a ticked confirmation first.
    expect(await page.getByText(/Markedsdialogen avsluttes og påmeldingen stenger for godt\. \d+ påmeldte? leverandør/).count()).toBe(1);
    // Closing and withdrawing each ask for the same confirmation; tick the one in the closing form.
    const closeForm = page.locator("form", { has: page.getByRole("button", { name: "Avslutt markedsdialogen" }) });
    await closeForm.getByLabel("Jeg forstår at dette ikke kan angres").check();
    await closeForm.getByRole("button", { name: "Avslutt markedsdialogen" }).click();
    await page.waitForURL(`**/events/${RFP}?saved=closed`);
    expect(await page.getByText("Markedsdialogen er avsluttet.").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Registrer som anskaffet" }).count()).toBe(1);
    await expectNoAxeViolations(page);
  });
});
