import { sql, type Kysely } from "kysely";

// One-click unsubscribe from watch digests (RFC 8058): each digest carries its own secret
// link, so a person can stop the e-mails without signing in; only the secret's hash is kept,
// and the links of every digest sent keep working until the watch is gone. The outbox keeps
// the extra headers a message needs (List-Unsubscribe, List-Unsubscribe-Post).
export async function up(db: Kysely<unknown>) {
  await sql`
    create table watch_unsubscribe_tokens (
      token_hash text primary key,
      watch_id uuid not null references watches(id) on delete cascade,
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index watch_unsubscribe_tokens_watch_idx on watch_unsubscribe_tokens (watch_id)`.execute(db);
  await sql`alter table outbox add column headers jsonb not null default '{}'::jsonb`.execute(db);
  await sql`alter table outbox add constraint outbox_headers_is_object check (jsonb_typeof(headers) = 'object')`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`alter table outbox drop column if exists headers`.execute(db);
  await sql`drop table if exists watch_unsubscribe_tokens`.execute(db);
}
