import { sql, type Kysely } from "kysely";

// Funding of the pilot itself, by source (issue 16). A pilot, an R&D partnership or an
// innovation partnership may declare up to four sources (own budget, Forskningsrådet,
// Innovasjon Norge, EU, regional innovation funds, other), each with an optional amount in
// NOK. The same rules as fundingProblems in app/domain/pilot-funding.ts: a known source, each
// source once, "other" says what it is, an amount is a whole number not below zero. Not
// required at publishing, so a stored pilot from before (an empty list) stays valid.
// Whether the pilot is marked "ingen budsjett for kjøp etter piloten" is derived
// (noPurchaseBudgetAfterPilot), not stored.

export async function up(db: Kysely<unknown>) {
  await sql`
    create function pilot_funding_valid(funding jsonb) returns boolean language sql immutable parallel safe as $$
      select coalesce(bool_and(
        jsonb_typeof(f) = 'object'
        and f->>'source' in ('own_budget','research_council','innovation_norway','eu','regional_innovation_fund','other')
        and (f->>'source' <> 'other' or visible_length(f->>'otherText') > 0)
        and length(coalesce(f->>'otherText', '')) <= 200
        and case jsonb_typeof(f->'amountNok')
              when 'number' then (f->>'amountNok')::numeric >= 0 and (f->>'amountNok')::numeric = trunc((f->>'amountNok')::numeric)
              when 'null' then true
              else f->'amountNok' is null
            end
      ), true) and count(*) = count(distinct f->>'source')
      from jsonb_array_elements(funding) f
    $$`.execute(db);
  // As 0030: the CHECK's function keeps the search_path it was created under (pg_restore runs with an empty one).
  await sql`alter function pilot_funding_valid(jsonb) set search_path from current`.execute(db);
  await sql`
    alter table events
      add column pilot_funding jsonb not null default '[]'
        constraint events_pilot_funding_valid check (
          jsonb_typeof(pilot_funding) = 'array' and jsonb_array_length(pilot_funding) <= 4 and pilot_funding_valid(pilot_funding)
        )`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`alter table events drop column pilot_funding`.execute(db);
  await sql`drop function pilot_funding_valid(jsonb)`.execute(db);
}
