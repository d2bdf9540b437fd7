import { describe, expect, it } from "vitest";
import { orgNumberCheckDigit } from "~/domain/org-number";
import { expectNoAxeViolations, screenshot, setupBrowser } from "./browser";
import { linkIn, waitForMail } from "./mail";

const browser = setupBrowser();

function validOrgNumber(base: string) {
  return `${base}${orgNumberCheckDigit(base)}`;
}

describe("a new vendor joins the portal", () => {
  it("signs up, confirms the e-mail, registers the organisation, invites a colleague who joins", async () => {
    const founder = `grunnlegger-${Date.now()}@fjordtech.example`;
    const colleague = `kollega-${Date.now()}@fjordtech.example`;
    const password = "fjordtech er best i nord";

    // 1. Sign up.
    const page = await browser.newPage();
    await page.goto("/signup");
    await expectNoAxeViolations(page);
    await page.getByLabel("Navn").fill("Frida Fjordtech");
    await page.getByLabel("E-postadresse").fill(founder);
    await page.getByLabel("Passord").fill(password);
    await page.getByRole("button", { name: "Opprett konto" }).click();
    await page.waitForURL("**/verify-email**");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Bekreft e-postadressen");
    await expectNoAxeViolations(page);

    // 2. Confirm the address with the link from the e-mail.
    const verification = await waitForMail(founder);
    expect(verification.text).toContain("Frida Fjordtech");
    await page.goto(linkIn(verification.text, "/verify-email?token="));
    // Issue 14: the page it lands on says the address is confirmed.
    await page.waitForURL(/\/organisations\/new\?emailConfirmed=1$/);
    await expect.poll(() => page.getByRole("status").filter({ hasText: "E-postadressen er bekreftet." }).count()).toBe(1);

    // 3. Register the organisation.
    await expect.poll(() => page.locator("h1").textContent()).toBe("Registrer virksomhet");
    await expectNoAxeViolations(page);
    await page.getByLabel("Navn på virksomheten").fill("Fjordtech Helse AS");
    await page.getByRole("checkbox", { name: "Leverandør", exact: true }).check();
    await page.getByRole("radio", { name: "Registrert i Norge (organisasjonsnummer)" }).check();
    await page.getByLabel("Organisasjonsnummer", { exact: true }).fill("123 456 789");
    await page.getByLabel("Størrelse").selectOption("small");
    await page.getByRole("button", { name: "Registrer virksomhet" }).click();
    await expect.poll(() => page.getByText("Kontrollsifferet stemmer ikke").count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, "register-organisation-error");
    await page.getByLabel("Organisasjonsnummer", { exact: true }).fill(validOrgNumber("93100017"));
    await page.getByRole("button", { name: "Registrer virksomhet" }).click();
    await page.waitForURL("**/organisation");
    await expect.poll(() => page.getByRole("link", { name: "Fjordtech Helse AS" }).count()).toBeGreaterThan(0);
    // The first steps say what is left and lead there.
    const firstSteps = page.getByRole("region", { name: "Kom i gang" });
    expect(await firstSteps.getByText("0 av 2 steg er gjort.").count()).toBe(1);
    expect(await firstSteps.getByRole("link", { name: "Se kommende etterspørsel" }).getAttribute("href")).toBe("/demand");
    await expectNoAxeViolations(page);

    // 4. Invite a colleague.
    await page.goto("/organisation/members");
    await expectNoAxeViolations(page);
    await page.getByLabel("E-postadresse").fill(colleague);
    await page.getByRole("button", { name: "Send invitasjon" }).click();
    await expect.poll(() => page.getByText(`Invitasjonen er sendt til ${colleague}.`).count()).toBe(1);
    await screenshot(page, "members");

    // 5. The colleague opens the invitation, signs up with the invited address, confirms it and joins.
    const invitation = await waitForMail(colleague);
    const other = await browser.newPage();
    await other.goto(linkIn(invitation.text, "/invitations/"));
    await expectNoAxeViolations(other);
    await other.getByRole("link", { name: "Opprett konto" }).last().click();
    await other.waitForURL("**/signup**");
    expect(await other.getByLabel("E-postadresse").inputValue()).toBe(colleague);
    await other.getByLabel("Navn").fill("Kåre Kollega");
    await other.getByLabel("Passord").fill("kollegaen har et godt passord");
    await other.getByRole("button", { name: "Opprett konto" }).click();
    await other.waitForURL("**/verify-email**");
    const colleagueVerification = await waitForMail(colleague, { after: new Set([invitation.file]) });
    await other.goto(linkIn(colleagueVerification.text, "/verify-email?token="));
    await other.waitForURL("**/invitations/**");
    await other.getByRole("button", { name: "Bli med i Fjordtech Helse AS" }).click();
    await other.waitForURL("**/organisation");

    // 6. The founder sees the new member.
    await page.goto("/organisation/members");
    await expect.poll(() => page.getByRole("cell", { name: "Kåre Kollega", exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page);
  });
});
