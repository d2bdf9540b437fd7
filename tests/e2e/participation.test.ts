import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, logIn, screenshot, setupBrowser } from "./browser";
import { waitForMail } from "./mail";

const browser = setupBrowser();

// Helse Vestfjord HF's seeded supplier conference (amended once), open for registration; no other browser test changes it.
const EVENT = "00000000-0000-4000-8000-000000000102";
const QUESTION = "Må løsningen støtte FHIR R4 fra første dag?";

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

  it("over the API a vendor registers and asks; the buyer finds the question on the unanswered-questions page and answers it; the public API shows the answer without the asker", async () => {
    // Own data: a Bergvik supplier conference, created and published through the API.
    const api = (await browser.newPage()).request;
    const buyerToken = { Authorization: "Bearer demo-buyer-token" };
    const vendorToken = { Authorization: "Bearer demo-vendor-token" };
    const day = 24 * 3600 * 1000;
    const title = `Leverandørkonferanse om digitale trygghetsalarmer ${Date.now()}`;
    const created = await api.post("/api/v1/events", {
      headers: buyerToken,
      data: {
        kind: "supplier_conference",
        title,
        description: "Vi presenterer behovet og svarer på spørsmål.",
        region: "vestland",
        registrationDeadline: new Date(Date.now() + 20 * day).toISOString(),
        startsAt: new Date(Date.now() + 25 * day).toISOString(),
        endsAt: new Date(Date.now() + 25 * day + 3 * 3600 * 1000).toISOString(),
        location: "Bergvik rådhus",
        capacity: 20,
        attendeeLimitPerVendor: 1,
        effort: { level: "none", hoursPerVendor: 0, kindsOfWork: [] },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id: eventId } = await created.json();
    const published = await api.post(`/api/v1/events/${eventId}/publish`, { headers: buyerToken });
    expect(published.status(), await published.text()).toBe(200);

    const registered = await api.post(`/api/v1/events/${eventId}/registrations`, { headers: vendorToken, data: { note: "Vi kommer én." } });
    expect(registered.status(), await registered.text()).toBe(201);
    expect(await registered.json()).toMatchObject({ status: "registered" });
    const question = `Kan alarmene kobles til eksisterende responssenter? ${Date.now()}`;
    const asked = await api.post(`/api/v1/events/${eventId}/questions`, { headers: vendorToken, data: { question } });
    expect(asked.status(), await asked.text()).toBe(201);

    const buyer = await browser.newPage();
    await logIn(buyer, "buyer@demo.test", "/workspace/events");
    // The navigation counts the questions waiting for an answer beside the buyer's workspace link.
    await expect.poll(() => buyer.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: /^Mine markedsdialoger \([0-9]+ ubesvarte? spørsmål\)$/ }).count()).toBeGreaterThan(0);
    await buyer.getByRole("link", { name: /^[0-9]+ ubesvarte? spørsmål$/ }).click();
    await buyer.waitForURL("**/workspace/questions");
    const item = buyer.getByRole("listitem").filter({ hasText: question });
    expect(await item.textContent()).toContain("Nordlys Helse AS");
    await expectNoAxeViolations(buyer);
    await screenshot(buyer, "participation-buyer-questions");
    await item.getByRole("link", { name: /^Svar/ }).click();
    await buyer.waitForURL(`**/events/${eventId}#participation-answer-*`);
    const form = buyer.getByRole("form", { name: /Fra Nordlys Helse AS/ });
    await form.getByLabel("Spørsmålet slik det publiseres").fill("Kan alarmene kobles til eksisterende responssenter?");
    await form.getByLabel("Svar til alle deltakerne").fill("Ja, via standard alarmprotokoll.");
    await form.getByRole("button", { name: "Publiser svaret" }).click();
    await buyer.waitForURL(`**/events/${eventId}?done=answered`);
    await buyer.goto("/workspace/questions");
    expect(await buyer.getByText(question).count()).toBe(0);

    const answers = await (await browser.newPage()).request.get(`/api/v1/events/${eventId}/questions`);
    expect(answers.status()).toBe(200);
    const text = await answers.text();
    expect(JSON.parse(text).items).toEqual([expect.objectContaining({ question: "Kan alarmene kobles til eksisterende responssenter?", answer: "Ja, via standard alarmprotokoll." })]);
    expect(text).not.toContain("Nordlys");
    expect(text).not.toContain("Viktor");

    // The withdrawal frees the place; the vendor is no longer listed.
    const withdrawn = await api.delete(`/api/v1/events/${eventId}/registrations`, { headers: vendorToken });
    expect(await withdrawn.json()).toMatchObject({ status: "withdrawn" });
  }, 90_000);
});
