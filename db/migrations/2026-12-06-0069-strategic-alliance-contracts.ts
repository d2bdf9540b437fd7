import { sql, type Kysely } from "kysely";

// A strategic alliance is a contract type after award too (issue 15): the event form has offered
// it as a contract form since 0059, and a buyer that chose it there could not then register the
// contract as what it is. The CHECK follows CONTRACT_TYPES in app/domain/contracts.ts (the test
// "the database takes every contract type the domain lists" holds the two together).

const TYPES = `'single_contract','framework_agreement','coalition_framework','innovation_partnership','operations_agreement','project_contract'`;

export async function up(db: Kysely<unknown>) {
  await sql`alter table contracts drop constraint contracts_type_known`.execute(db);
  await sql.raw(`alter table contracts add constraint contracts_type_known check (type in (${TYPES},'strategic_alliance'))`).execute(db);
}

export async function down(db: Kysely<unknown>) {
  // The nearest type the older list knows: a long, relational agreement about a project.
  await sql`update contracts set type = 'project_contract' where type = 'strategic_alliance'`.execute(db);
  await sql`alter table contracts drop constraint contracts_type_known`.execute(db);
  await sql.raw(`alter table contracts add constraint contracts_type_known check (type in (${TYPES}))`).execute(db);
}
