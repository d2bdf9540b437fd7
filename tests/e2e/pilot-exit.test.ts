import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, logIn, screenshot, setupBrowser } from "./browser";

const browser = setupBrowser();

// Issue 16: after a pilot ends, the buyer judges each criterion and decides; the vendor answers.
// The demo's Helse Vestfjord R&D partnership ended without an exit record.
const PATH = "/events/00000000-0000-4000-8000-000000000816/pilot-exit";

describe("the decision after a pilot, in the browser", () => {
  it("refuses 'criteria not met' for met criteria by the field, records no budget, and the vendor answers without JavaScript", async () => {
    const buyer = await browser.newPage();
    await logIn(buyer, "hf-buyer@demo.test", PATH);
    const form = buyer.getByRole("form", { name: "Registrer vurdering og beslutning" });
    for (const n of [1, 2]) await form.getByRole("group", { name: `Kriterium ${n}` }).getByRole("radio", { name: "Oppfylt", exact: true }).check();
    await form.getByRole("group", { name: "Kriterium 1" }).getByLabel("Kort begrunnelse eller dokumentasjon").fill("19 % færre reinnleggelser");
    await form.getByRole("radio", { name: "Ikke kjøpt", exact: true }).check();
    await form.getByLabel("Årsak").selectOption("criteria_not_met");
    await form.getByRole("button", { name: "Registrer" }).click();
    await expect.poll(() => form.getByText("«Kriteriene ble ikke oppfylt» kan ikke være årsaken", { exact: false }).count()).toBe(1);
    expect(await form.getByLabel("Årsak").getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(buyer);

    await form.getByLabel("Årsak").selectOption("no_budget");
    await form.getByRole("button", { name: "Registrer" }).click();
    await buyer.waitForURL(/\?saved=exit$/);
    await expect.poll(() => buyer.getByText("Alle akseptkriteriene ble oppfylt, men piloten ble ikke kjøpt.").count()).toBe(1);
    expect(await buyer.getByRole("form", { name: "Registrer vurdering og beslutning" }).count()).toBe(0);

    const vendor = await browser.newPage({ javaScriptEnabled: false });
    await logIn(vendor, "vendor@demo.test", PATH);
    const answer = vendor.getByRole("form", { name: "Svar på vurderingen for Nordlys Helse AS" });
    await answer.getByRole("group", { name: "Kriterium 1" }).getByRole("radio", { name: "Vi bekrefter vurderingen" }).check();
    await answer.getByRole("group", { name: "Kriterium 2" }).getByRole("radio", { name: "Vi bestrider vurderingen" }).check();
    await answer.getByRole("button", { name: "Send svar" }).click();
    await expect.poll(() => vendor.getByText("Skriv deres framstilling når dere bestrider vurderingen.").count()).toBe(1);
    await vendor.getByRole("group", { name: "Kriterium 2" }).getByLabel("Deres framstilling").fill("Bare 64 % fullførte, målt før appen ble oppdatert.");
    await vendor.getByRole("group", { name: "Kriterium 2" }).getByRole("radio", { name: "Vi bestrider vurderingen" }).check();
    await vendor.getByRole("group", { name: "Kriterium 1" }).getByRole("radio", { name: "Vi bekrefter vurderingen" }).check();
    await vendor.getByRole("button", { name: "Send svar" }).click();
    await vendor.waitForURL(/\?saved=respond$/);
    await expect.poll(() => vendor.getByText("Nordlys Helse AS bestrider:").count()).toBe(1);
    await expectNoAxeViolations(vendor);
    await screenshot(vendor, "pilot-exit");

    await vendor.goto("/pilots?outcome=met_not_bought");
    await expect.poll(() => vendor.getByRole("link", { name: "FoU-samarbeid om digital oppfølging etter utskrivning" }).count()).toBe(1);
    await expectNoAxeViolations(vendor);
  });
});
