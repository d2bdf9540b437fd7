import { sql, type Kysely } from "kysely";

// The duplicate-pilot warning (issue 16): a pilot, an R&D partnership or an innovation
// partnership published while earlier pilots on the same need had met their criteria and not
// been bought (app/domain/pilot-similarity.ts) keeps which pilots it was shown, and the
// buyer's answer to why a new pilot is needed; both are public. The CHECK is the domain's
// checkDuplicatePilot: no published event names earlier pilots without an answer.

export async function up(db: Kysely<unknown>) {
  await sql`
    alter table events
      add column pilot_duplicate_of uuid[] not null default '{}'
        constraint events_pilot_duplicate_of_size check (cardinality(pilot_duplicate_of) <= 20),
      add column pilot_duplicate_reason text
        constraint events_pilot_duplicate_reason_length check (length(pilot_duplicate_reason) <= 2000),
      add constraint events_duplicate_pilot_reason_required check (
        status = 'draft' or cardinality(pilot_duplicate_of) = 0 or visible_length(pilot_duplicate_reason) > 0
      )`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`alter table events drop constraint events_duplicate_pilot_reason_required, drop column pilot_duplicate_reason, drop column pilot_duplicate_of`.execute(db);
}
