import { sql, type Kysely } from "kysely";

// An interaction entry has one answer from its counterpart, and the first one is final
// (issue 14: answers could be flipped endlessly, each flip mailed, the public counts with it).
// - interaction_answers: the answer that counts for each entry, the first recorded. Every
//   count and page reads it, so entries answered more than once before this migration count
//   their first answer too; the later rows stay in the append-only log, shown as not counted.
// - A trigger refuses a second answer whatever path writes it; the model locks the entry first,
//   so two answers racing each other cannot both pass.

export async function up(db: Kysely<unknown>) {
  await sql`
    create view interaction_answers as
      select distinct on (entry_id) id, entry_id, organisation_id, responded_by, response, account, recorded_at
      from interaction_responses
      order by entry_id, recorded_at, chain_seq
  `.execute(db);
  await sql`
    create function interaction_response_once() returns trigger language plpgsql
    set search_path from current as $$
    begin
      if exists (select 1 from interaction_responses where entry_id = new.entry_id) then
        raise exception 'interaction entry % already has its final answer', new.entry_id using errcode = 'unique_violation';
      end if;
      return new;
    end $$
  `.execute(db);
  await sql`
    create trigger interaction_response_once before insert on interaction_responses
    for each row execute function interaction_response_once()
  `.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop trigger interaction_response_once on interaction_responses`.execute(db);
  await sql`drop function interaction_response_once()`.execute(db);
  await sql`drop view interaction_answers`.execute(db);
}
