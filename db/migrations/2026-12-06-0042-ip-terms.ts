import { sql, type Kysely } from "kysely";

// IP terms and the buyer's non-use undertaking (issue 17). Every event may state structured IP
// terms: background IP stays with the vendor (yes/no), who owns the results (buyer, vendor,
// shared, licence, with the licence's scope), existing products are not transferred (yes/no),
// and what vendors' input is used for. RFIs, pilots, R&D partnerships, innovation partnerships
// and events asking significant effort must state all four before they are published, and
// carry the buyer's named, dated undertaking not to use vendors' information in its own
// business. The same rule as checkIpTerms in app/domain/ip-terms.ts.
//
// Existing rows (ADR 0020): events published (or closed) before this migration are
// grandfathered (ip_terms_grandfathered), not backfilled: terms nobody declared, or an
// undertaking nobody gave, would be false statements on a public page. The flag comes from the
// new column's default, so no published row is updated here: an old row that breaks an earlier
// rule (0013, 0024 leave those NOT VALID) would refuse the update. Drafts are then set back, so
// the constraints hold for every event published from now on; they are validated at once.

/** Which events must state terms (requiresIpTerms; the significant effort as in 0013). */
const NEEDS_TERMS = `(kind in ('rfi','pilot','rnd_partnership') or contract_form is not distinct from 'innovation_partnership'
  or effort_level = 'significant' or coalesce(effort_hours_per_vendor, 0) > 8
  or kinds_of_work && array['written_response','demo','workshop_series','pilot','prototype']::text[])`;

const RULES: { name: string; holds: string }[] = [
  // næringsutvikling: vendors know who owns what before they answer ("ip_terms_required").
  {
    name: "events_ip_terms_stated",
    holds: `ip_terms_grandfathered or not ${NEEDS_TERMS} or (ip_background_stays_with_vendor is not null and ip_foreground_owner is not null
      and ip_existing_products_not_transferred is not null and ip_input_use is not null)`,
  },
  // A licence says what it covers ("licence_scope_required").
  { name: "events_ip_licence_has_scope", holds: `ip_foreground_owner is distinct from 'licence' or visible_length(ip_licence_scope) > 0` },
  // næringsutvikling: a named, dated non-use undertaking ("non_use_undertaking_required").
  {
    name: "events_ip_non_use_undertaking_given",
    holds: `ip_terms_grandfathered or not ${NEEDS_TERMS} or (non_use_undertaking_at is not null and visible_length(non_use_undertaking_name) > 0)`,
  },
];

const expression = (holds: string) => sql.raw(`coalesce((status = 'draft' or ${holds}), false)`);

export async function up(db: Kysely<unknown>) {
  await sql`
    alter table events
      add column ip_background_stays_with_vendor boolean,
      add column ip_foreground_owner text constraint events_ip_foreground_owner_check check (ip_foreground_owner in ('buyer','vendor','shared','licence')),
      add column ip_licence_scope text constraint events_ip_licence_scope_length check (length(ip_licence_scope) <= 2000),
      add column ip_existing_products_not_transferred boolean,
      add column ip_input_use text constraint events_ip_input_use_check check (ip_input_use in ('this_procurement','wider_planning')),
      add column non_use_undertaking_by uuid references users(id) on delete set null,
      add column non_use_undertaking_name text constraint events_non_use_undertaking_name_length check (length(non_use_undertaking_name) <= 200),
      add column non_use_undertaking_at timestamptz,
      add column ip_terms_grandfathered boolean not null default true
  `.execute(db);
  // Drafts publish under the rule (a draft holds every earlier rule, so the update cannot fail).
  await sql`update events set ip_terms_grandfathered = false where status = 'draft'`.execute(db);
  // The update queues the table's deferred triggers; fire them now, or the ALTER TABLE statements below are refused.
  await sql`set constraints all immediate`.execute(db);
  await sql`alter table events alter column ip_terms_grandfathered set default false`.execute(db);
  for (const rule of RULES) {
    await sql`alter table events add constraint ${sql.id(rule.name)} check (${expression(rule.holds)})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>) {
  for (const rule of RULES) await sql`alter table events drop constraint if exists ${sql.id(rule.name)}`.execute(db);
  await sql`
    alter table events
      drop column ip_background_stays_with_vendor, drop column ip_foreground_owner, drop column ip_licence_scope,
      drop column ip_existing_products_not_transferred, drop column ip_input_use, drop column non_use_undertaking_by,
      drop column non_use_undertaking_name, drop column non_use_undertaking_at, drop column ip_terms_grandfathered
  `.execute(db);
}
