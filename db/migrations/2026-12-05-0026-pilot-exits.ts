import { sql, type Kysely } from "kysely";

// The decision after a pilot ends (issue 16, slice 2): per acceptance criterion met / not met /
// not assessed with a note (results, index-aligned with events.pilot_criteria), and a decision:
// purchase started (an explicit link to the procurement event or the contract), option
// exercised (its contract), extended, stopped (a reason from a fixed list), or undecided. Each
// vendor that took part confirms or disputes each judgement. The rules are checkPilotExit and
// checkExitResponse in app/domain/pilot-exit.ts; the count of results against the pilot's
// criteria is the model's (another table).

export async function up(db: Kysely<unknown>) {
  await sql`
    create function pilot_results_valid(results jsonb) returns boolean language sql immutable parallel safe as $$
      select jsonb_typeof(results) = 'array' and jsonb_array_length(results) <= 10 and coalesce((
        select bool_and(jsonb_typeof(r) = 'object' and r->>'result' in ('met','not_met','not_assessed')
          and (r->'note' is null or jsonb_typeof(r->'note') = 'null' or length(r->>'note') <= 1000))
        from jsonb_array_elements(results) r
      ), true)
    $$`.execute(db);

  await sql`
    create table pilot_exits (
      event_id uuid primary key references events(id) on delete cascade,
      results jsonb not null default '[]' constraint pilot_exits_results_valid check (pilot_results_valid(results)),
      -- allCriteriaMet: every criterion judged and met.
      criteria_met boolean generated always as (jsonb_array_length(results) > 0 and not results @> '[{"result":"not_met"}]' and not results @> '[{"result":"not_assessed"}]') stored,
      decision text not null constraint pilot_exits_decision_known check (decision in ('purchase_started','option_exercised','extended','stopped','undecided')),
      stop_reason text constraint pilot_exits_stop_reason_known
        check (stop_reason in ('criteria_not_met','no_budget','organisational_decision','need_changed','awaiting_national_solution','other')),
      stop_reason_text text constraint pilot_exits_stop_reason_text_length check (length(stop_reason_text) <= 1000),
      follow_on_event_id uuid references events(id) on delete set null,
      contract_id uuid references contracts(id) on delete set null,
      recorded_by uuid references users(id) on delete set null,
      recorded_at timestamptz not null default now(),
      -- A stop says why, "other" in words (stop_reason_required, stop_reason_text_required).
      constraint pilot_exits_stop_has_reason check ((decision = 'stopped') = (stop_reason is not null)),
      constraint pilot_exits_other_has_text check (stop_reason is distinct from 'other' or visible_length(stop_reason_text) > 0),
      -- næringsutvikling: "criteria not met" is no reason for a pilot whose criteria were all met (criteria_were_met).
      constraint pilot_exits_reason_honest check (stop_reason is distinct from 'criteria_not_met' or results @> '[{"result":"not_met"}]'),
      -- A purchase names what it started; an exercised option its contract (follow_on_required, option_contract_required).
      constraint pilot_exits_purchase_linked check (decision <> 'purchase_started' or follow_on_event_id is not null or contract_id is not null),
      constraint pilot_exits_option_linked check (decision <> 'option_exercised' or contract_id is not null),
      constraint pilot_exits_links_only_when_bought check (decision in ('purchase_started','option_exercised') or (follow_on_event_id is null and contract_id is null)),
      constraint pilot_exits_not_its_own_follow_on check (follow_on_event_id is distinct from event_id)
    )`.execute(db);
  await sql`create index pilot_exits_follow_on on pilot_exits (follow_on_event_id) where follow_on_event_id is not null`.execute(db);

  await sql`
    create table pilot_exit_responses (
      event_id uuid not null references pilot_exits(event_id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      criterion smallint not null constraint pilot_exit_responses_criterion_range check (criterion between 0 and 9),
      response text not null constraint pilot_exit_responses_response_known check (response in ('confirm','dispute')),
      account text constraint pilot_exit_responses_account_length check (length(account) <= 5000),
      responded_by uuid references users(id) on delete set null,
      responded_at timestamptz not null default now(),
      primary key (event_id, organisation_id, criterion),
      constraint pilot_exit_responses_dispute_has_account check (response <> 'dispute' or visible_length(account) > 0)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table pilot_exit_responses`.execute(db);
  await sql`drop table pilot_exits`.execute(db);
  await sql`drop function pilot_results_valid(jsonb)`.execute(db);
}
