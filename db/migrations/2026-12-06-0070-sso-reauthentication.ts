import { sql, type Kysely } from "kysely";

// Re-authentication and linking through single sign-on (issue 21, ADR 0034).
// - sessions.reauthenticated_at: when the person last proved, in this session, that they are
//   at the keyboard (a fresh sign-in at their provider); changes of factors accept it for a few
//   minutes instead of the password, which people made by single sign-on do not have.
// - sso_attempts.purpose and session_id: a trip to the provider is a sign-in, a
//   re-authentication or the linking of a subject to the signed-in account; the last two belong
//   to the session that started them and come back only to it.
export async function up(db: Kysely<unknown>) {
  await sql`alter table sessions add column reauthenticated_at timestamptz`.execute(db);
  await sql`alter table sso_attempts add column purpose text not null default 'sign_in' check (purpose in ('sign_in', 'reauthenticate', 'link'))`.execute(db);
  await sql`alter table sso_attempts add column session_id text references sessions (id) on delete cascade`.execute(db);
  await sql`alter table sso_attempts add constraint sso_attempts_session_for_purpose check ((purpose = 'sign_in') = (session_id is null))`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`alter table sso_attempts drop constraint sso_attempts_session_for_purpose`.execute(db);
  await sql`alter table sso_attempts drop column session_id`.execute(db);
  await sql`alter table sso_attempts drop column purpose`.execute(db);
  await sql`alter table sessions drop column reauthenticated_at`.execute(db);
}
