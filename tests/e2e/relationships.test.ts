import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, logIn, screenshot, setupBrowser } from "./browser";

const browser = setupBrowser();

// Log-ins go through the login page itself, without redirectTo: where the portal sends the person is under test.
describe("relationships in the browser", () => {
  it("a business development manager lands on relationships, opens a buyer, adds a follow-up and a private note the buyer never sees", async () => {
    const secret = `Privat notat ${randomUUID().slice(0, 8)}: budsjettet er ikke vedtatt`;
    const title = `Ring Per om demo ${randomUUID().slice(0, 8)}`;
    const vendor = await browser.newPage();
    await logIn(vendor, "vendor@demo.test");
    expect(new URL(vendor.url()).pathname).toBe("/relationships");
    await vendor.getByRole("heading", { level: 1, name: "Relasjoner" }).waitFor();
    await expectNoAxeViolations(vendor);
    await screenshot(vendor, "relationships-list");

    // Sorting and filtering live in the URL.
    await vendor.getByLabel("Vis", { exact: true }).selectOption({ label: "Med åpne oppfølginger" });
    await vendor.getByRole("button", { name: "Oppdater listen" }).click();
    await vendor.waitForURL(/show=followUps/);
    await vendor.getByRole("link", { name: "Bergvik kommune" }).click();
    await vendor.waitForURL((url) => url.pathname === "/relationships/bergvik-kommune");
    await vendor.getByRole("heading", { level: 1, name: "Relasjon: Bergvik kommune" }).waitFor();
    await expectNoAxeViolations(vendor);

    // A follow-up: without a title it is refused by the field.
    const followUps = vendor.locator("#follow-ups");
    await followUps.getByLabel("Frist").fill("2030-01-15");
    await followUps.getByRole("button", { name: "Legg til oppfølgingen" }).click();
    expect(await followUps.getByText("Dette feltet må fylles ut.").count()).toBe(1);
    await followUps.getByLabel("Hva skal følges opp").fill(title);
    await followUps.getByRole("button", { name: "Legg til oppfølgingen" }).click();
    await vendor.waitForURL(/notice=followUps\.added/);
    expect(await vendor.getByRole("status").first().textContent()).toContain("Oppfølgingen er lagt til");
    expect(await followUps.locator("li", { hasText: title }).count()).toBe(1);

    const notes = vendor.locator("#notes");
    await notes.getByLabel("Notat", { exact: true }).fill(secret);
    await notes.getByRole("button", { name: "Lagre notatet" }).click();
    await vendor.waitForURL(/notice=notes\.added/);
    await notes.locator("li", { hasText: secret }).waitFor();
    expect(await notes.locator("li", { hasText: secret }).count()).toBe(1);
    // The add-form starts empty again after a save.
    expect(await notes.getByLabel("Notat", { exact: true }).inputValue()).toBe("");
    await expectNoAxeViolations(vendor);
    await screenshot(vendor, "relationship-page");

    await vendor.goto("/follow-ups");
    expect(await vendor.getByRole("cell", { name: title, exact: true }).count()).toBe(1);
    await expectNoAxeViolations(vendor);
    await screenshot(vendor, "follow-ups");

    // The buyer's members see their own relationship with the vendor, never the vendor's note.
    // Without JavaScript, as every form must work.
    const buyer = await browser.newPage({ javaScriptEnabled: false });
    await logIn(buyer, "buyer@demo.test");
    expect(new URL(buyer.url()).pathname).toBe("/relationships");
    await buyer.getByRole("heading", { level: 1, name: "Relasjoner" }).waitFor();
    await buyer.getByRole("link", { name: "Nordlys Helse AS" }).click();
    await buyer.waitForURL((url) => url.pathname === "/relationships/nordlys-helse-as");
    await buyer.getByRole("heading", { level: 1, name: "Relasjon: Nordlys Helse AS" }).waitFor();
    expect(await buyer.getByText(secret).count()).toBe(0);
    expect(await buyer.getByText(title).count()).toBe(0);
    expect(await buyer.content()).not.toContain(secret);
    await expectNoAxeViolations(buyer);

    // The buyer's own contact at the vendor: a bad e-mail address is refused by its field, what was typed stays.
    const contacts = buyer.locator("#contacts");
    await contacts.getByLabel("Navn", { exact: true }).fill("Vera Salg");
    await contacts.getByLabel("E-post", { exact: true }).fill("vera-at-nordlys");
    await contacts.getByRole("button", { name: "Legg til kontakten" }).click();
    await buyer.waitForLoadState();
    await expect.poll(() => contacts.getByText("Skriv en gyldig e-postadresse").count()).toBe(1);
    expect(await contacts.getByLabel("Navn", { exact: true }).inputValue()).toBe("Vera Salg");
    await expectNoAxeViolations(buyer);
    await contacts.getByLabel("E-post", { exact: true }).fill("vera@nordlys.example");
    await contacts.getByRole("button", { name: "Legg til kontakten" }).click();
    await buyer.waitForURL(/notice=contacts\.added/);
    expect(await contacts.locator("li", { hasText: "Vera Salg" }).count()).toBe(1);
    // …which the vendor, in turn, never sees.
    await vendor.goto("/relationships/bergvik-kommune");
    expect(await vendor.content()).not.toContain("Vera Salg");
    const own = await buyer.goto("/relationships/bergvik-kommune");
    expect(own?.status()).toBe(404);
  });
});
