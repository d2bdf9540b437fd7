import { describe, expect, it } from "vitest";
import { relyingParty } from "~/domain/passkeys";
import { publicBaseUrl } from "~/http/public-url.server";
import { action as twoFactorAction } from "~/routes/settings_.two-factor/route";
import { setupTestDatabase } from "../fixtures/database";
import { respond } from "../fixtures/people";
import { formRequest, readJson } from "../fixtures/requests";
import { storedTotpKey, totpCode } from "../fixtures/second-factor";
import { SoftwareAuthenticator } from "../fixtures/software-authenticator";
import { createUser, signIn, TEST_PASSWORD } from "../fixtures/users";

// Every change of a person's factors is told to them by e-mail, as a changed password is (issue
// 21): written to the outbox with the change, in the person's language.

const t = setupTestDatabase();
const rp = relyingParty(publicBaseUrl());

async function settings(fields: Record<string, string>, cookie: string) {
  return respond(twoFactorAction(await formRequest("/settings/two-factor", fields, { cookie })));
}

const mailsTo = (email: string) => t.db.selectFrom("outbox").select(["template", "language", "subject", "text"]).where("toAddress", "=", email).orderBy("createdAt").orderBy("id").execute();

describe("notices of a change of factors", () => {
  it("tells a bokmål reader of setting up the app, new recovery codes and turning the app off, each in the change's transaction", async () => {
    const user = await createUser(t.db, { language: "nb", name: "Kari Nordmann" });
    const cookie = await signIn(user.id);
    expect((await settings({ intent: "start" }, cookie)).status).toBe(200);
    const key = await storedTotpKey(t.db, user.id);
    // A refused change tells nobody anything.
    expect((await settings({ intent: "confirm", code: totpCode(key), currentPassword: "not my password" }, cookie)).status).toBe(400);
    expect(await mailsTo(user.email)).toEqual([]);

    expect((await settings({ intent: "confirm", code: totpCode(key), currentPassword: TEST_PASSWORD }, cookie)).status).toBe(200);
    expect((await settings({ intent: "regenerate", currentPassword: TEST_PASSWORD }, cookie)).status).toBe(200);
    expect((await settings({ intent: "disable", currentPassword: TEST_PASSWORD }, cookie)).status).toBe(200);

    const mails = await mailsTo(user.email);
    expect(mails.map((m) => [m.template, m.language, m.subject])).toEqual([
      ["factor-changed", "nb", "Autentiseringsappen er satt opp for kontoen din i Markedsdialog"],
      ["factor-changed", "nb", "Du har fått nye gjenopprettingskoder i Markedsdialog"],
      ["factor-changed", "nb", "Autentiseringsappen er slått av for kontoen din i Markedsdialog"],
    ]);
    expect(mails[0]!.text).toContain("Hei Kari Nordmann,");
    expect(mails[2]!.text).toContain("gjenopprettingskodene virker ikke lenger");
  });

  it("tells an English reader of a passkey added and removed, naming it", async () => {
    const user = await createUser(t.db, { language: "en", name: "Ola Vendor" });
    const cookie = await signIn(user.id);
    const key = new SoftwareAuthenticator({ origin: rp.origin, rpId: rp.id });
    const started = await readJson(await settings({ intent: "passkey-options", currentPassword: TEST_PASSWORD, name: "Work laptop" }, cookie));
    const { challengeId, options } = started.passkeyCeremony;
    expect((await settings({ intent: "passkey-register", challengeId, response: JSON.stringify(key.register(options)), name: "Work laptop" }, cookie)).status).toBe(200);
    const passkey = await t.db.selectFrom("passkeys").select("id").where("userId", "=", user.id).executeTakeFirstOrThrow();
    expect((await settings({ intent: "passkey-remove", passkeyId: passkey.id, currentPassword: TEST_PASSWORD }, cookie)).status).toBe(200);

    const mails = await mailsTo(user.email);
    expect(mails.map((m) => [m.template, m.language, m.subject])).toEqual([
      ["factor-changed", "en", "A passkey was added to your Markedsdialog account"],
      ["factor-changed", "en", "A passkey was removed from your Markedsdialog account"],
    ]);
    expect(mails[0]!.text).toContain("The passkey “Work laptop” was added");
    expect(mails[1]!.text).toContain("The passkey “Work laptop” was removed");
    const actions = await t.db.selectFrom("auditLog").select("action").where("actorUserId", "=", user.id).orderBy("id").execute();
    expect(actions.map((a) => a.action)).toEqual(["passkey_added", "passkey_removed"]);
  });
});
