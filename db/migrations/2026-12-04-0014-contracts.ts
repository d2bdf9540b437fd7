import { sql, type Kysely } from "kysely";

// The contract after award (issue 15): the parties, the periods and options, the volume a
// buyer indicated and the minimum it bound itself to, and the call-offs per quarter that the
// vendor confirms or disputes. The CHECK constraints are app/domain/contracts.ts's rules that
// one row can judge (checkContract, checkCallOffResponse, checkOptionDecision). Two rules span
// rows and stay with the domain and the model, inside the transaction that locks the
// contract: a call-off quarter lies inside the contract period, and an option's notice
// deadline lies before the day it would begin (after the options before it).

export async function up(db: Kysely<unknown>) {
  await sql`
    create table contracts (
      id uuid primary key default gen_random_uuid(),
      buyer_id uuid not null references organisations(id) on delete cascade,
      -- The event whose "procured" outcome it came from; null for an agreement from before the portal.
      event_id uuid references events(id) on delete set null,
      type text not null constraint contracts_type_known check (type in
        ('single_contract','framework_agreement','coalition_framework','innovation_partnership','operations_agreement','project_contract')),
      title text not null constraint contracts_title_length check (length(btrim(title)) between 1 and 200),
      start_date date not null,
      base_end date not null,
      indicated_annual_value_nok bigint,
      indicated_annual_quantity bigint,
      unit text constraint contracts_unit_length check (unit is null or length(unit) <= 60),
      binding_minimum_nok bigint,
      binding_minimum_quantity bigint,
      capacity_required boolean not null default false,
      capacity_lead_time_weeks integer,
      depreciation_months integer constraint contracts_depreciation_positive check (depreciation_months is null or depreciation_months > 0),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      constraint contracts_base_end_after_start check (base_end > start_date),
      constraint contracts_volumes_not_negative check (
        coalesce(indicated_annual_value_nok, 0) >= 0 and coalesce(indicated_annual_quantity, 0) >= 0
        and coalesce(binding_minimum_nok, 0) >= 0 and coalesce(binding_minimum_quantity, 0) >= 0),
      constraint contracts_indicated_volume_required check (indicated_annual_value_nok is not null or indicated_annual_quantity is not null),
      constraint contracts_quantity_has_unit check (
        (indicated_annual_quantity is null and binding_minimum_quantity is null) or length(btrim(coalesce(unit, ''))) > 0),
      constraint contracts_binding_minimum_within_indicated check (
        (binding_minimum_nok is null or indicated_annual_value_nok is null or binding_minimum_nok <= indicated_annual_value_nok)
        and (binding_minimum_quantity is null or indicated_annual_quantity is null or binding_minimum_quantity <= indicated_annual_quantity)),
      constraint contracts_lead_time_with_capacity check (
        capacity_lead_time_weeks is null or (capacity_required and capacity_lead_time_weeks > 0))
    )`.execute(db);
  await sql`create index contracts_buyer_idx on contracts (buyer_id, start_date)`.execute(db);
  await sql`create index contracts_event_idx on contracts (event_id) where event_id is not null`.execute(db);

  await sql`
    create table contract_vendors (
      contract_id uuid not null references contracts(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      primary key (contract_id, organisation_id)
    )`.execute(db);
  await sql`create index contract_vendors_organisation_idx on contract_vendors (organisation_id)`.execute(db);

  await sql`
    create table contract_options (
      contract_id uuid not null references contracts(id) on delete cascade,
      number integer not null constraint contract_options_number_positive check (number > 0),
      months integer not null constraint contract_options_months_positive check (months > 0),
      notice_deadline date not null,
      status text not null default 'open' constraint contract_options_status_known check (status in ('open','exercised','declined')),
      reason text constraint contract_options_reason_length check (reason is null or length(reason) <= 2000),
      decided_at timestamptz,
      decided_by uuid references users(id) on delete set null,
      primary key (contract_id, number),
      constraint contract_options_decided_when_not_open check ((status = 'open') = (decided_at is null)),
      constraint contract_options_declined_with_reason check (status <> 'declined' or length(btrim(coalesce(reason, ''))) > 0)
    )`.execute(db);

  await sql`
    create table contract_call_offs (
      id uuid primary key default gen_random_uuid(),
      contract_id uuid not null references contracts(id) on delete cascade,
      quarter text not null constraint contract_call_offs_quarter_format check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
      value_nok bigint constraint contract_call_offs_value_not_negative check (value_nok is null or value_nok >= 0),
      quantity bigint constraint contract_call_offs_quantity_not_negative check (quantity is null or quantity >= 0),
      note text constraint contract_call_offs_note_length check (note is null or length(note) <= 500),
      recorded_by uuid references users(id) on delete set null,
      recorded_at timestamptz not null default now(),
      response text constraint contract_call_offs_response_known check (response is null or response in ('confirm','dispute')),
      -- The vendor's account of a dispute: visible to the parties only, never in public figures.
      account text constraint contract_call_offs_account_length check (account is null or length(account) <= 5000),
      responded_by uuid references users(id) on delete set null,
      responded_at timestamptz,
      constraint contract_call_offs_volume_required check (value_nok is not null or quantity is not null),
      constraint contract_call_offs_one_per_quarter unique (contract_id, quarter),
      constraint contract_call_offs_answered_when_responded check ((response is null) = (responded_at is null)),
      constraint contract_call_offs_dispute_has_account check (response is distinct from 'dispute' or length(btrim(coalesce(account, ''))) > 0)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table contract_call_offs`.execute(db);
  await sql`drop table contract_options`.execute(db);
  await sql`drop table contract_vendors`.execute(db);
  await sql`drop table contracts`.execute(db);
}
