import { sql, type Kysely } from "kysely";

// Two-factor authentication (issue 21, first slice): a TOTP key per person, ten single-use
// recovery codes stored as hashes, sessions that wait for the second step after the password,
// and the organisation's policy on who must have a second factor. The same policy values as
// SECOND_FACTOR_POLICIES in app/domain/two-factor.ts.
export async function up(db: Kysely<unknown>) {
  // One RFC 6238 key per person (160 bits, as RFC 4226 recommends), in base32 as authenticator apps
  // take it. Unconfirmed until the person has typed a code from it; `last_used_step` refuses a
  // code's second use (replay). Stored as it is: the project has no key-encryption mechanism yet.
  await sql`
    create table totp_factors (
      user_id uuid primary key references users(id) on delete cascade,
      key text not null constraint totp_factors_key_is_160_bits check (key ~ '^[A-Z2-7]{32}$'),
      confirmed_at timestamptz,
      last_used_step bigint,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table recovery_codes (
      user_id uuid not null references users(id) on delete cascade,
      code_hash text not null,
      used_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (user_id, code_hash)
    )`.execute(db);

  // A session that has passed the password but not yet the code: it can do nothing but the code step.
  await sql`alter table sessions add column awaiting_second_factor boolean not null default false`.execute(db);

  await sql`
    alter table organisations add column second_factor_policy text not null default 'none'
      constraint organisations_second_factor_policy_known check (second_factor_policy in ('none','admins','all'))
  `.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`alter table organisations drop column second_factor_policy`.execute(db);
  await sql`alter table sessions drop column awaiting_second_factor`.execute(db);
  await sql`drop table recovery_codes`.execute(db);
  await sql`drop table totp_factors`.execute(db);
}
