import { sql, type Kysely } from "kysely";

// Answer once (issue 17): the questionnaire an RFI or RFP carries, and each vendor
// organisation's answer profile. The question bank itself is data in code
// (app/domain/question-bank.ts), referred to here by its stable keys.
// - questionnaire_items: the event's questions in order; a bank question by key, or the
//   buyer's own (its words, answer type, options). "required" for both.
// - answer_profile_entries: a vendor's stored answer to a bank question, the JSON shape of
//   app/domain/questionnaire.ts (`{ value, comment }`), prefilled into its responses.

export async function up(db: Kysely<unknown>) {
  await sql`
    create table questionnaire_items (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      position integer not null check (position between 1 and 999),
      bank_key text check (bank_key ~ '^[a-z][a-z0-9_]{1,62}$'),
      question_text text,
      answer_type text check (answer_type in ('yes_no', 'choice', 'text', 'number', 'document')),
      options jsonb,
      multiple boolean not null default false,
      required boolean not null default true,
      created_at timestamptz not null default now(),
      constraint questionnaire_items_bank_or_own check (
        (bank_key is not null and question_text is null and answer_type is null and options is null and not multiple)
        or (bank_key is null and question_text is not null and answer_type is not null)),
      constraint questionnaire_items_text_visible check (question_text is null or (visible_length(question_text) >= 1 and length(question_text) <= 500)),
      constraint questionnaire_items_choice_has_options check (
        case when answer_type = 'choice' then jsonb_typeof(options) = 'array' and jsonb_array_length(options) between 2 and 20
             else options is null and not multiple end),
      constraint questionnaire_items_bank_once unique (event_id, bank_key)
    )`.execute(db);
  await sql`create index questionnaire_items_event on questionnaire_items (event_id, position)`.execute(db);
  await sql`
    create table answer_profile_entries (
      organisation_id uuid not null references organisations(id) on delete cascade,
      bank_key text not null check (bank_key ~ '^[a-z][a-z0-9_]{1,62}$'),
      answer jsonb not null check (jsonb_typeof(answer) = 'object' and answer ? 'value'),
      updated_by uuid references users(id) on delete set null,
      updated_at timestamptz not null default now(),
      primary key (organisation_id, bank_key)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const table of ["answer_profile_entries", "questionnaire_items"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
