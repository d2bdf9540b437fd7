import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, screenshot, setupBrowser } from "./browser";

const browser = setupBrowser();
const PASSWORD = "grønne epler i november";

describe("sign-ins a person can see and end", () => {
  it("lists the sign-ins of two browsers on /settings, and ending one signs that browser out at its next request", async () => {
    const email = `sessions-${Date.now()}@example.test`;
    const first = await browser.newPage({ javaScriptEnabled: false });
    await first.goto("/signup");
    await first.getByLabel("Navn").fill("Siri Sesjon");
    await first.getByLabel("E-postadresse").fill(email);
    await first.getByLabel("Passord").fill(PASSWORD);
    await first.getByRole("button", { name: "Opprett konto" }).click();
    await first.waitForURL("**/verify-email**");

    const second = await browser.newPage();
    await second.goto("/login?redirectTo=/settings");
    await second.getByLabel("E-postadresse").fill(email);
    await second.getByLabel("Passord").fill(PASSWORD);
    await second.getByRole("button", { name: "Logg inn", exact: true }).click();
    // By path: the login page's own URL ends in "redirectTo=/settings", which a glob would match at once.
    await second.waitForURL((url) => url.pathname === "/settings");

    await first.setViewportSize({ width: 390, height: 844 });
    await first.goto("/settings");
    const sessions = first.locator("section", { has: first.getByRole("heading", { name: "Innlogginger" }) });
    expect(await sessions.locator("li").count()).toBe(2);
    expect(await sessions.getByText("Denne økten").count()).toBe(1);
    // Only the other browser's sign-in can be ended here; this one logs out instead.
    const end = sessions.getByRole("button", { name: /^Avslutt innloggingen: Chrome/ });
    expect(await end.count()).toBe(1);
    await expectNoAxeViolations(first);
    await screenshot(first, "settings-sessions-390");

    await end.click();
    await first.waitForLoadState();
    await expect.poll(() => first.getByText("Innloggingen er avsluttet.", { exact: false }).count()).toBe(1);
    expect(await sessions.locator("li").count()).toBe(1);

    await second.goto("/settings");
    expect(new URL(second.url()).pathname).toBe("/login");
    await first.goto("/settings");
    expect(new URL(first.url()).pathname).toBe("/settings");
  });
});
