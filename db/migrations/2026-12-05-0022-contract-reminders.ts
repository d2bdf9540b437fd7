import { sql, type Kysely } from "kysely";

// Reminders of what a contract asks of each party (app/domain/contract-tasks.ts): the buyer
// records each ended quarter's call-offs, the vendor answers them, the buyer decides an option
// before its notice deadline. One row per task, party and stage ("due" when the task appears,
// "overdue" once its date has passed), claimed in the transaction that queues the e-mail, so a
// task is reminded of at most twice, whatever the job's rounds and restarts.

export async function up(db: Kysely<unknown>) {
  await sql`
    create table contract_reminders (
      contract_id uuid not null references contracts(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      task text not null constraint contract_reminders_task_format check (task ~ '^(record_call_off|answer_call_off):[0-9]{4}-Q[1-4]$' or task ~ '^decide_option:[0-9]{1,4}$'),
      stage text not null constraint contract_reminders_stage_known check (stage in ('due', 'overdue')),
      sent_at timestamptz not null default now(),
      primary key (contract_id, organisation_id, task, stage)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table contract_reminders`.execute(db);
}
