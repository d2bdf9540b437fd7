import { sql, type Kysely } from "kysely";

// Passkeys (WebAuthn, issue 21): a person may register several, name them and remove them,
// sign in with one alone (user verification required) or use one as the second factor.
// - passkeys: the credential's public key and signature counter, never a secret.
// - webauthn_challenges: each challenge the server handed out, used once (deleted when a
//   response comes back) and only within five minutes, so a replayed response finds nothing.

export async function up(db: Kysely<unknown>) {
  await sql`
    create table passkeys (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      credential_id text not null unique check (credential_id ~ '^[A-Za-z0-9_-]+$' and char_length(credential_id) between 16 and 1366),
      public_key bytea not null check (octet_length(public_key) between 16 and 2048),
      counter bigint not null default 0 check (counter >= 0),
      transports text[] not null default '{}',
      backed_up boolean not null default false,
      name text not null check (char_length(name) between 1 and 60),
      created_at timestamptz not null default now(),
      last_used_at timestamptz
    )`.execute(db);
  await sql`create index passkeys_user_idx on passkeys (user_id)`.execute(db);
  await sql`
    create table webauthn_challenges (
      id uuid primary key default gen_random_uuid(),
      challenge text not null,
      purpose text not null check (purpose in ('register', 'authenticate', 'second_factor')),
      user_id uuid references users (id) on delete cascade,
      expires_at timestamptz not null,
      created_at timestamptz not null default now(),
      check ((purpose = 'authenticate') = (user_id is null))
    )`.execute(db);
  await sql`create index webauthn_challenges_expiry_idx on webauthn_challenges (expires_at)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table webauthn_challenges`.execute(db);
  await sql`drop table passkeys`.execute(db);
}
