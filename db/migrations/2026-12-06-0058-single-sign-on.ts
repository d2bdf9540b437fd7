import { sql, type Kysely } from "kysely";

// Single sign-on through OpenID Connect (issue 21).
// - identity_providers: one per organisation; the client secret only as an AES-256-GCM box
//   (app/auth/secret-box.server.ts), never in the clear.
// - identity_provider_domains: the e-mail domains a provider vouches for; a domain belongs to
//   one provider at most, so two organisations can never both claim bergvik.kommune.no.
// - sso_links: an account's subject at an issuer. After the first sign-in a person is found by
//   this pair, never by e-mail again; one subject per account and issuer.
// - sso_attempts: a sign-in sent to a provider and not yet back (state, nonce, PKCE verifier),
//   keyed by the hash of a cookie only that browser holds, used once, within ten minutes.

export async function up(db: Kysely<unknown>) {
  await sql`
    create table identity_providers (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id) on delete cascade,
      issuer text not null check (char_length(issuer) between 8 and 500 and issuer ~ '^https?://'),
      client_id text not null check (char_length(client_id) between 1 and 200),
      client_secret_box text not null check (client_secret_box ~ '^v1\\.'),
      auto_join boolean not null default false,
      join_role text not null default 'member' check (join_role in ('admin', 'member')),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint identity_providers_one_per_organisation unique (organisation_id)
    )`.execute(db);
  await sql`
    create table identity_provider_domains (
      domain text primary key check (domain = lower(domain) and domain ~ '^[a-z0-9.-]+\\.[a-z]{2,63}$'),
      provider_id uuid not null references identity_providers (id) on delete cascade
    )`.execute(db);
  await sql`create index identity_provider_domains_provider_idx on identity_provider_domains (provider_id)`.execute(db);
  await sql`
    create table sso_links (
      issuer text not null,
      subject text not null check (char_length(subject) between 1 and 255),
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_used_at timestamptz not null default now(),
      primary key (issuer, subject),
      constraint sso_links_one_subject_per_issuer unique (user_id, issuer)
    )`.execute(db);
  await sql`
    create table sso_attempts (
      token_hash text primary key,
      provider_id uuid not null references identity_providers (id) on delete cascade,
      state text not null,
      nonce text not null,
      code_verifier text not null,
      redirect_to text,
      expires_at timestamptz not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index sso_attempts_expiry_idx on sso_attempts (expires_at)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table sso_attempts`.execute(db);
  await sql`drop table sso_links`.execute(db);
  await sql`drop table identity_provider_domains`.execute(db);
  await sql`drop table identity_providers`.execute(db);
}
