import { beforeAll, describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { seedDemoData } from "@db/seed/demo";
import { EMPTY_REGISTER_FILTER } from "~/domain/pilot-register";
import { osloDate } from "~/domain/zoned-time";
import { listPilotRegister } from "~/models/pilot-register.server";
import { consultationResponses, consultationsOnConductVersion, getConsultation, listConsultations } from "~/models/consultations.server";
import { buyerScorecard } from "~/models/scorecard.server";
import { sealPlainTotpKeys, verifySecondFactor } from "~/models/two-factor.server";
import { secretEncryptionKey } from "~/auth/secret-box.server";
import { DEMO_SECOND_FACTORS } from "@db/seed/demo-data";
import { prefillAnswers } from "~/domain/questionnaire";
import { getAnswerProfile, getQuestionnaire } from "~/models/questionnaires.server";
import { setupTestDatabase } from "../fixtures/database";
import { totpCode } from "../fixtures/second-factor";

// The demo data tells one consistent story: a reader clicking through it finds no date that
// contradicts another.

const t = setupTestDatabase();
beforeAll(() => seedDemoData(t.db));

describe("the demo data", () => {
  it("asks the Bergvik RFI's questions from the bank and one of its own, and the demo vendor's answer profile fills in the bank questions", async () => {
    const questions = await getQuestionnaire(t.db, "00000000-0000-4000-8000-000000000101");
    expect(questions.filter((q) => q.bankKey).length).toBeGreaterThanOrEqual(10);
    expect(questions.filter((q) => !q.bankKey)).toHaveLength(1);
    const vendor = await t.db.selectFrom("organisations").select("id").where("slug", "=", "nordlys-helse-as").executeTakeFirstOrThrow();
    const prefilled = prefillAnswers(questions, await getAnswerProfile(t.db, vendor.id));
    // Every bank question but the pricing model is answered from the profile.
    expect(questions.filter((q) => q.bankKey && !prefilled[q.key]).map((q) => q.bankKey)).toEqual(["pricing_model"]);
  });

  it("has a joint dialogue led by Helse Vestfjord HF with two municipalities that accepted and Bergvik still invited, waiting for it", async () => {
    const rows = await t.db
      .selectFrom("eventCoBuyers")
      .innerJoin("organisations", "organisations.id", "eventCoBuyers.organisationId")
      .innerJoin("events", "events.id", "eventCoBuyers.eventId")
      .innerJoin("organisations as lead", "lead.id", "events.buyerId")
      .select(["lead.slug as lead", "organisations.slug", "organisations.buyerSector", "eventCoBuyers.status", "events.status as eventStatus", "events.openToJoinUntil", "eventCoBuyers.invitedAt", "events.publishedAt"])
      .where("lead.slug", "=", "helse-vestfjord-hf")
      .orderBy("organisations.slug")
      .execute();
    expect(rows.map((r) => [r.slug, r.status])).toEqual([
      ["bergvik-kommune", "invited"],
      ["fjordheim-kommune", "accepted"],
      ["nordre-lia-kommune", "accepted"],
    ]);
    // Consent first: a draft until Bergvik answers (publishing is refused with co_buyer_consent_required meanwhile).
    expect(rows.every((r) => r.buyerSector === "municipality" && r.eventStatus === "draft" && r.publishedAt === null && r.invitedAt < new Date())).toBe(true);
    expect(rows[0]!.openToJoinUntil! > osloDate(new Date())).toBe(true);
  });


  it("has no organisation adopting a code-of-conduct version before it was published", async () => {
    const early = await sql<{ n: number }>`
      select count(*)::int as n from conduct_adoptions a join conduct_versions v on v.number = a.version_number
      where a.adopted_at < v.published_at`.execute(t.db);
    expect(early.rows[0]!.n).toBe(0);
    expect(Number((await sql<{ n: string }>`select count(*) as n from conduct_adoptions`.execute(t.db)).rows[0]!.n)).toBeGreaterThan(0);
  });

  it("has no call-off for a quarter that has not begun", async () => {
    const today = osloDate(new Date());
    const rows = await t.db.selectFrom("contractCallOffs").innerJoin("contracts", "contracts.id", "contractCallOffs.contractId").select(["quarter"]).execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [year, q] = row.quarter.split("-Q").map(Number) as [number, number];
      const begins = `${year}-${String((q - 1) * 3 + 1).padStart(2, "0")}-01`;
      expect(begins <= today, row.quarter).toBe(true);
    }
  });

  it("has a pilot that met both criteria and was not bought, confirmed by its vendor, on the scorecard and in the register", async () => {
    const bergvik = await t.db.selectFrom("organisations").select("id").where("slug", "=", "bergvik-kommune").executeTakeFirstOrThrow();
    const card = await buyerScorecard(t.db, bergvik.id, 12);
    expect(card.pilots).toMatchObject({ metButNotBought: 1, optionsDecided: 1, optionsExercised: 0, missingExit: 0 });
    const register = await listPilotRegister(t.db, { ...EMPTY_REGISTER_FILTER, buyer: "bergvik-kommune" });
    expect(register.map((p) => p.outcome).sort()).toEqual(["met_not_bought", "not_met_not_bought"]);
    const confirmed = await t.db.selectFrom("pilotExitResponses").select("response").distinct().execute();
    expect(confirmed).toEqual([{ response: "confirm" }]);
  });

  it("has Helse Vestfjord HF's open roadmap consultation with one hidden response, and the operators' concluded one on code-of-conduct version 2", async () => {
    const list = await listConsultations(t.db);
    const open = list.find((c) => c.organiserName === "Helse Vestfjord HF")!;
    expect(open).toMatchObject({ subject: "standards_roadmap", state: "open", responses: null });
    const openView = await getConsultation(t.db, open.id);
    expect((await consultationResponses(t.db, openView!.consultation, { organisationId: null, actor: null })).published).toEqual([]);
    expect(await t.db.selectFrom("consultationResponses").select("id").where("consultationId", "=", open.id).execute()).toHaveLength(1);

    const [onConduct] = await consultationsOnConductVersion(t.db, 2);
    expect(onConduct).toMatchObject({ state: "concluded" });
    const conduct = await getConsultation(t.db, onConduct!.id);
    const { published } = await consultationResponses(t.db, conduct!.consultation, { organisationId: null, actor: null });
    expect(published.map((r) => r.organisationName)).toEqual(["Bergvik kommune", "Nordlys Helse AS"]);
    expect(published[0]!.parts).toHaveLength(1);
    expect(JSON.stringify(published)).not.toMatch(/intern sak|personalsak/);
  });

  it("gives the demo operator its published TOTP key, which signs in under `npm start` without SECRET_ENCRYPTION_KEY and is sealed where the key is set", async () => {
    const [demo] = DEMO_SECOND_FACTORS;
    const operator = await t.db.selectFrom("users").select("id").where("email", "=", demo.email).executeTakeFirstOrThrow();
    const at = (step: number) => new Date(Date.now() + step * 30_000);
    const signInAt = (step: number) => verifySecondFactor(t.db, operator.id, totpCode(demo.totpKey, 0, at(step)), at(step));
    const configured = randomBytes(32).toString("base64");
    try {
      vi.stubEnv("NODE_ENV", "production");
      vi.stubEnv("SECRET_ENCRYPTION_KEY", "");
      expect(await signInAt(0)).toMatchObject({ ok: true });
      expect(await t.db.selectFrom("totpFactors").select(["key", "keyBox"]).where("userId", "=", operator.id).executeTakeFirst()).toEqual({ key: demo.totpKey, keyBox: null });

      vi.stubEnv("SECRET_ENCRYPTION_KEY", configured);
      expect(await sealPlainTotpKeys(t.db, secretEncryptionKey())).toBe(1);
      expect(await t.db.selectFrom("totpFactors").select("key").where("userId", "=", operator.id).executeTakeFirst()).toEqual({ key: null });
      expect(await signInAt(1)).toMatchObject({ ok: true });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
