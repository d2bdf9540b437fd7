import { sql, type Kysely } from "kysely";

// Reading the interaction log grew with the whole table (issue 20, the load test's writes):
// - every entry read joins its correction (`later.supersedes_id = e.id`), and supersedes_id had
//   no index, so each list and each entry page scanned every organisation's entries;
// - an organisation's list ("logged by it or about it", newest first) sorted all its entries to
//   return one page. The list now reads each side in the page's own order (listInteractions)
//   from these two indexes, and stops after one page.
export async function up(db: Kysely<unknown>) {
  await sql`create index interaction_entries_supersedes_idx on interaction_entries (supersedes_id) where supersedes_id is not null`.execute(db);
  await sql`create index interaction_entries_org_page_idx on interaction_entries (organisation_id, occurred_at desc, recorded_at desc, id desc)`.execute(db);
  await sql`create index interaction_entries_counterpart_page_idx on interaction_entries (counterpart_id, occurred_at desc, recorded_at desc, id desc)`.execute(db);
  // The older two-column indexes are prefixes of the new ones.
  await sql`drop index interaction_entries_org_idx`.execute(db);
  await sql`drop index interaction_entries_counterpart_idx`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`create index interaction_entries_org_idx on interaction_entries (organisation_id, occurred_at desc)`.execute(db);
  await sql`create index interaction_entries_counterpart_idx on interaction_entries (counterpart_id, occurred_at desc)`.execute(db);
  await sql`drop index interaction_entries_counterpart_page_idx`.execute(db);
  await sql`drop index interaction_entries_org_page_idx`.execute(db);
  await sql`drop index interaction_entries_supersedes_idx`.execute(db);
}
