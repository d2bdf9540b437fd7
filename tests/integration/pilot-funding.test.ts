import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { jsonb } from "@db/jsonb";
import { EMPTY_REGISTER_FILTER } from "~/domain/pilot-register";
import { listPilotRegister } from "~/models/pilot-register.server";
import { loader as eventApiLoader } from "~/routes/api.v1.events.$eventId";
import { setupTestDatabase } from "../fixtures/database";
import { createOrganisationWith, createPerson } from "../fixtures/people";
import { insertPilot } from "../fixtures/pilots";
import { readJson, routeArgs } from "../fixtures/requests";

// Funding of the pilot itself (issue 16): stored by source, checked by the database as by
// the domain, and a pilot paid from outside with no purchase budget is marked in the register and the API.

const t = setupTestDatabase();
const ids = {} as Record<"external" | "own", string>;

beforeAll(async () => {
  const berit = await createPerson(t.db, { name: "Berit" });
  const buyer = await createOrganisationWith(t.db, [{ person: berit, role: "admin" }], { name: "Bergvik kommune" });
  ids.external = await insertPilot(t.db, buyer.id, { title: "Fallsensorer", funding: [{ source: "innovation_norway", amountNok: 1_200_000, otherText: null }] });
  ids.own = await insertPilot(t.db, buyer.id, { title: "Digitalt tilsyn", funding: [{ source: "own_budget", amountNok: 400_000, otherText: null }] });
});

describe("pilot funding", () => {
  it("marks the externally funded pilot without purchase budget in the register, and not the one on its own budget", async () => {
    const rows = await listPilotRegister(t.db, EMPTY_REGISTER_FILTER);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids.external)).toMatchObject({ noPurchaseBudgetAfterPilot: true, funding: [{ source: "innovation_norway", amountNok: 1_200_000 }] });
    expect(byId.get(ids.own)).toMatchObject({ noPurchaseBudgetAfterPilot: false });
  });

  it("carries funding[] and the mark in the API event body", async () => {
    const response = await eventApiLoader(await routeArgs(`/api/v1/events/${ids.external}`, { params: { eventId: ids.external } }));
    const body = (await readJson(response)) as { pilotPath: { funding: unknown[]; noPurchaseBudgetAfterPilot: boolean } };
    expect(body.pilotPath.funding).toEqual([{ source: "innovation_norway", amountNok: 1_200_000, otherText: null }]);
    expect(body.pilotPath.noPurchaseBudgetAfterPilot).toBe(true);
  });

  it.each([
    ["other without text", [{ source: "other", amountNok: null, otherText: " " }]],
    ["a negative amount", [{ source: "eu", amountNok: -1, otherText: null }]],
    ["an unknown source", [{ source: "lottery", amountNok: null, otherText: null }]],
    ["a source twice", [{ source: "eu", amountNok: 1, otherText: null }, { source: "eu", amountNok: 2, otherText: null }]],
    ["five sources", ["own_budget", "research_council", "innovation_norway", "eu", "regional_innovation_fund"].map((source) => ({ source, amountNok: null, otherText: null }))],
  ])("the database refuses %s", async (_name, funding) => {
    await expect(sql`update events set pilot_funding = ${jsonb(funding)} where id = ${ids.own}`.execute(t.db)).rejects.toThrow(/events_pilot_funding_valid/);
  });

  it("the database accepts what the domain accepts", async () => {
    const funding = [
      { source: "other", amountNok: 10, otherText: "Sparebankstiftelsen" },
      { source: "own_budget", amountNok: null, otherText: null },
    ];
    await sql`update events set pilot_funding = ${jsonb(funding)} where id = ${ids.own}`.execute(t.db);
  });
});
