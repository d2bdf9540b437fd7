import { sql, type Kysely } from "kysely";

// Relationships (issue 8): what one organisation keeps for itself about a counterpart.
// Every row belongs to the organisation that wrote it (organisation_id) and is about
// one other organisation (counterpart_id); the counterpart never reads it.

export async function up(db: Kysely<unknown>) {
  await sql`
    create table relationship_notes (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      counterpart_id uuid not null references organisations(id) on delete cascade,
      author_id uuid references users(id) on delete set null,
      body text not null constraint relationship_notes_body_length check (length(btrim(body)) between 1 and 10000),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint relationship_notes_not_self check (organisation_id <> counterpart_id)
    )`.execute(db);
  await sql`create index relationship_notes_pair_idx on relationship_notes (organisation_id, counterpart_id, created_at)`.execute(db);

  // The owner is a member of the organisation (composite key into memberships); when the
  // owner leaves, the follow-up stays with the organisation, without an owner.
  await sql`
    create table relationship_follow_ups (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      counterpart_id uuid not null references organisations(id) on delete cascade,
      title text not null constraint relationship_follow_ups_title_length check (length(btrim(title)) between 1 and 200),
      due_on date not null,
      owner_id uuid,
      done_at timestamptz,
      -- Set in the same transaction as the queued reminder: one reminder per follow-up.
      reminded_at timestamptz,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint relationship_follow_ups_not_self check (organisation_id <> counterpart_id),
      constraint relationship_follow_ups_owner_is_member foreign key (owner_id, organisation_id)
        references memberships (user_id, organisation_id) on delete set null (owner_id)
    )`.execute(db);
  await sql`create index relationship_follow_ups_pair_idx on relationship_follow_ups (organisation_id, counterpart_id, due_on)`.execute(db);
  await sql`create index relationship_follow_ups_owner_idx on relationship_follow_ups (owner_id, due_on) where done_at is null`.execute(db);
  await sql`create index relationship_follow_ups_reminder_idx on relationship_follow_ups (due_on) where done_at is null and reminded_at is null`.execute(db);

  await sql`
    create table relationship_contacts (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      counterpart_id uuid not null references organisations(id) on delete cascade,
      name text not null constraint relationship_contacts_name_length check (length(btrim(name)) between 1 and 200),
      role text constraint relationship_contacts_role_length check (role is null or length(role) <= 200),
      email text constraint relationship_contacts_email_format check (email is null or (length(email) <= 320 and email ~ '^[^@[:space:]]+@[^@[:space:]]+$')),
      phone text constraint relationship_contacts_phone_format check (phone is null or phone ~ '^\\+?[0-9 ()-]{3,30}$'),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint relationship_contacts_not_self check (organisation_id <> counterpart_id)
    )`.execute(db);
  await sql`create index relationship_contacts_pair_idx on relationship_contacts (organisation_id, counterpart_id, name)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const table of ["relationship_contacts", "relationship_follow_ups", "relationship_notes"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
