import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>) {
  await sql`alter table users add column active_organisation_id uuid references organisations(id) on delete set null`.execute(db);

  await sql`
    alter table organisations
      add column commercial_contact_user_id uuid references users(id) on delete set null,
      add column cpv_areas text[] not null default '{}',
      add column verification_note text,
      add column created_by uuid references users(id) on delete set null
  `.execute(db);

  await sql`
    create table vendor_standards (
      organisation_id uuid not null references organisations(id) on delete cascade,
      standard_id uuid not null references standards(id) on delete cascade,
      primary key (organisation_id, standard_id)
    )`.execute(db);

  // Lucia sessions (ids are 40 random base32 characters from Lucia).
  await sql`
    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      expires_at timestamptz not null,
      created_at timestamptz not null default now(),
      user_agent text,
      ip text
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);

  // Single-use, expiring links sent by e-mail. Only the token's hash is stored.
  await sql`
    create table email_tokens (
      token_hash text primary key,
      purpose text not null check (purpose in ('verify_email','reset_password')),
      user_id uuid not null references users(id) on delete cascade,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index email_tokens_user_idx on email_tokens (user_id, purpose)`.execute(db);

  await sql`
    create table invitations (
      id uuid primary key default gen_random_uuid(),
      token_hash text not null unique,
      organisation_id uuid not null references organisations(id) on delete cascade,
      email text not null check (email = lower(email)),
      role text not null check (role in ('admin','member')),
      invited_by uuid references users(id) on delete set null,
      expires_at timestamptz not null,
      accepted_at timestamptz,
      accepted_by uuid references users(id) on delete set null,
      revoked_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index invitations_org_idx on invitations (organisation_id)`.execute(db);

  await sql`
    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      name text not null check (length(btrim(name)) between 1 and 100),
      token_hash text not null unique,
      prefix text not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index api_tokens_user_idx on api_tokens (user_id)`.execute(db);

  // Fixed-window counters for login and reset attempts, per account and per IP.
  await sql`
    create table rate_limits (
      key text primary key,
      window_start timestamptz not null,
      count integer not null
    )`.execute(db);

  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_user_id uuid references users(id) on delete set null,
      organisation_id uuid references organisations(id) on delete set null,
      action text not null,
      subject text,
      ip text,
      details jsonb not null default '{}'
    )`.execute(db);
  await sql`create index audit_log_org_idx on audit_log (organisation_id, at desc)`.execute(db);
  await sql`create index audit_log_at_idx on audit_log (at desc)`.execute(db);

  // Transactional outbox: a message is written in the same transaction as the
  // change that causes it, and a sender delivers it later, retrying with backoff.
  await sql`
    create table outbox (
      id uuid primary key default gen_random_uuid(),
      created_at timestamptz not null default now(),
      template text not null,
      to_address text not null,
      language text not null check (language in ('nb','en')),
      subject text not null,
      html text not null,
      text text not null,
      attachments jsonb not null default '[]',
      status text not null default 'pending' check (status in ('pending','sending','sent','failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      locked_until timestamptz,
      last_error text,
      sent_at timestamptz
    )`.execute(db);
  await sql`create index outbox_due_idx on outbox (next_attempt_at) where status in ('pending','sending')`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const table of ["outbox", "audit_log", "rate_limits", "api_tokens", "invitations", "email_tokens", "sessions", "vendor_standards"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`alter table organisations drop column commercial_contact_user_id, drop column cpv_areas, drop column verification_note, drop column created_by`.execute(db);
  await sql`alter table users drop column active_organisation_id`.execute(db);
}
