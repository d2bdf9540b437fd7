import { sql, type Kysely } from "kysely";

// The vendor's own expected investment in a pilot (issue 16; app/domain/pilot-investment.ts).
// The buyer states, for a pilot, an R&D partnership or an innovation partnership, the hours
// and/or NOK each vendor is expected to put in; at least one is required at publishing, as
// checkPilotPath says. Each registered vendor organisation may correct the figure for itself,
// once, later changes overwriting it (one row per event and organisation).
//
// Existing rows: as 0024, the publishing rule is added NOT VALID and validated when no stored
// row breaks it; a published pilot from before stays readable and must be mended when next changed.

const NEEDS_TERMS = `(kind in ('pilot','rnd_partnership') or contract_form is not distinct from 'innovation_partnership')`;
const RULE = sql.raw(`coalesce((status = 'draft' or not ${NEEDS_TERMS} or pilot_vendor_investment_hours is not null or pilot_vendor_investment_nok is not null), false)`);

export async function up(db: Kysely<unknown>) {
  await sql`
    alter table events
      add column pilot_vendor_investment_hours integer
        constraint events_pilot_vendor_investment_hours_range check (pilot_vendor_investment_hours between 0 and 100000),
      add column pilot_vendor_investment_nok bigint
        constraint events_pilot_vendor_investment_nok_not_negative check (pilot_vendor_investment_nok >= 0)`.execute(db);
  // næringsutvikling (principle 3): vendors know what they are asked to put in before they commit.
  await sql`alter table events add constraint events_pilot_states_vendor_investment check (${RULE}) not valid`.execute(db);
  const broken = await sql<{ n: number }>`select count(*)::int as n from events where not (${RULE})`.execute(db);
  if (broken.rows[0]?.n === 0) await sql`alter table events validate constraint events_pilot_states_vendor_investment`.execute(db);
  else console.warn(`events_pilot_states_vendor_investment: ${broken.rows[0]?.n} stored row(s) break the rule; checked from their next change on`);

  await sql`
    create table pilot_investment_corrections (
      event_id uuid not null references events(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      hours integer check (hours between 0 and 100000),
      nok bigint check (nok >= 0),
      note text check (note is null or length(note) <= 1000),
      corrected_by uuid references users(id) on delete set null,
      corrected_at timestamptz not null default now(),
      primary key (event_id, organisation_id),
      constraint pilot_investment_corrections_states_figure check (hours is not null or nok is not null)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table pilot_investment_corrections`.execute(db);
  await sql`alter table events drop constraint events_pilot_states_vendor_investment, drop column pilot_vendor_investment_hours, drop column pilot_vendor_investment_nok`.execute(db);
}
