import { sql, type Kysely } from "kysely";

// TOTP keys encrypted at rest (issue 21, ADR 0035). A key is now kept as an AES-256-GCM box
// (app/auth/secret-box.server.ts) in `key_box`; `key` stays for rows written before, and for
// the demo operator's published key, until the app moves them over: SQL cannot encrypt, the key
// lives in the app. Each row holds its key one way, never both.
export async function up(db: Kysely<unknown>) {
  await sql`alter table totp_factors add column key_box text constraint totp_factors_key_box_sealed check (key_box ~ '^v1\\.')`.execute(db);
  await sql`alter table totp_factors alter column key drop not null`.execute(db);
  await sql`alter table totp_factors add constraint totp_factors_key_held_once check (num_nonnulls(key, key_box) = 1)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  // A sealed key cannot be written back in the clear without the app's key: going back would
  // silently drop people's second factor, so it is refused while any row is sealed.
  const sealed = await sql<{ n: number }>`select count(*)::int as n from totp_factors where key_box is not null`.execute(db);
  if (Number(sealed.rows[0]?.n ?? 0) > 0) throw new Error("totp_factors holds encrypted keys; they cannot be turned back into plain text in SQL.");
  await sql`alter table totp_factors drop constraint totp_factors_key_held_once`.execute(db);
  await sql`alter table totp_factors alter column key set not null`.execute(db);
  await sql`alter table totp_factors drop column key_box`.execute(db);
}
