import { sql, type Kysely } from "kysely";

// The pilot register (/pilots, /api/v1/pilots; issue 16) pages by keyset on (when the pilot
// ended, newest first with the running ones first, then id). Without an index for that order
// every page sorted all pilots of all buyers. The expression, its direction and the predicate
// must stay identical to REGISTER_SCOPE and the ORDER BY in app/models/pilot-register.server.ts
// (tests/integration/pilot-register-plan.test.ts holds them together through EXPLAIN).

export async function up(db: Kysely<unknown>) {
  await sql`create index events_pilot_register_idx on events ((coalesce(ends_at, closed_at)) desc nulls first, id)
    where status <> 'draft' and (kind in ('pilot', 'rnd_partnership') or contract_form = 'innovation_partnership')`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop index if exists events_pilot_register_idx`.execute(db);
}
