import { sql } from "kysely";
import { orgNumberCheckDigit } from "../../app/domain/org-number";
import type { Db } from "../client";

// A national-scale synthetic data set for the benchmark and for trying the portal at size:
// 5 000 organisations (1 000 buyers, 4 000 vendors), 100 000 events, 95 000 of them
// published, every one within the publishing rules the database enforces, and about
// 27 000 vendor registrations. Built with generate_series in a few statements, so it takes
// seconds on a server and about a minute on the embedded database; the same input gives
// the same data. Organisations are marked by the `scale-` slug prefix; their organisation
// numbers are synthetic but pass the mod-11 check (app/domain/org-number.ts).

export const SCALE = { buyers: 1_000, vendors: 4_000, events: 100_000, draftsEvery: 20, registrationsEvery: 3 } as const;

/**
 * `count` valid organisation numbers from the 8-digit base `from` upwards, in order:
 * bases whose check digit would be 10 have no valid number and are skipped.
 */
export function scaleOrgNumbers(from: number, count: number): string[] {
  const numbers: string[] = [];
  for (let base = from; numbers.length < count; base++) {
    const first8 = String(base).padStart(8, "0");
    const check = orgNumberCheckDigit(first8);
    if (check !== null) numbers.push(first8 + check);
  }
  return numbers;
}

const TITLES = [
  "Digital hjemmeoppfølging",
  "Elektronisk pasientjournal",
  "Trygghetsalarmer og digitalt tilsyn",
  "Medisineringsstøtte i hjemmetjenesten",
  "Kurve- og legemiddelløsning",
  "Velferdsteknologi i omsorgsboliger",
  "Sensorbasert nattilsyn på sykehjem",
  "Integrasjonsplattform med FHIR",
  "Timebestilling og digital innbyggerdialog",
  "Beslutningsstøtte for henvisninger",
  "Bildedeling mellom sykehus",
  "Strukturert legemiddelliste",
  "Analyseplattform for helsedata",
  "Videokonsultasjon i fastlegetjenesten",
  "Logistikk for hjelpemidler",
  "Rehabilitering med digital oppfølging",
];

const DESCRIPTIONS = [
  "Vi ønsker innspill fra leverandører om løsninger, integrasjon med eksisterende systemer og erfaringer fra andre kommuner.",
  "Markedsdialogen skal gi oss kunnskap om modenhet i markedet før vi velger anskaffelsesstrategi.",
  "Vi presenterer behov, tidsplan og økonomiske rammer, og inviterer til individuelle dialogmøter.",
  "Løsningen skal dekke ansatte i hjemmetjenesten og på sykehjem, med varsling til responssenter.",
];

const CPV = ["48814000-7", "48180000-3", "72000000-5", "72230000-6", "33196100-1", "85000000-9", "48814400-1", "73000000-2", "79418000-7", "85311100-3"];
const REGIONS = ["national", "oslo", "rogaland", "more_og_romsdal", "nordland", "ostfold", "akershus", "buskerud", "innlandet", "vestfold", "telemark", "agder", "vestland", "trondelag", "troms", "finnmark"];
const SECTORS = ["municipality", "municipality", "municipality", "municipality", "health_trust", "regional_health_authority", "state_agency", "county"];
const KINDS = ["rfi", "rfp", "supplier_conference", "dialogue_meeting", "pilot", "rnd_partnership", "demand_notice"];
const STATUSES = ["committed", "planned", "planned", "uncertain", "none"];

const textArray = (values: readonly string[]) => sql`array[${sql.join(values.map((v) => sql.lit(v)))}]::text[]`;

export async function isScaleSeeded(db: Db): Promise<boolean> {
  const row = await db.selectFrom("events").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n) >= SCALE.events;
}

/** Adds the scale data set; does nothing when the database already has that many events. */
export async function seedScaleData(
  db: Db,
): Promise<{ organisations: number; events: number; registrations: number; skipped: boolean }> {
  if (await isScaleSeeded(db)) return { organisations: 0, events: 0, registrations: 0, skipped: true };
  const buyerNumbers = scaleOrgNumbers(70_000_000, SCALE.buyers);
  const vendorNumbers = scaleOrgNumbers(71_000_000, SCALE.vendors);
  let registrations = 0;
  await db.transaction().execute(async (trx) => {
    await sql`
      insert into organisations (slug, name, org_number, is_buyer, buyer_sector, region, verification_status, verified_at, description)
      select 'scale-buyer-' || g,
             (array['Nordvik','Sørli','Østmark','Vestby','Fjellheim','Dalsbygd','Strandvik','Elvebakken'])[1 + g % 8] || ' ' ||
               case when g % 8 in (4, 5) then 'helseforetak ' || g else 'kommune ' || g end,
             (${buyerNumbers}::text[])[g], true,
             (${textArray(SECTORS)})[1 + g % ${SECTORS.length}],
             (${textArray(REGIONS)})[1 + g % ${REGIONS.length}],
             'verified', now(), 'Syntetisk oppdragsgiver for ytelsestester.'
      from generate_series(1, ${SCALE.buyers}) g
      on conflict do nothing`.execute(trx);
    await sql`
      insert into organisations (slug, name, org_number, is_vendor, vendor_size, description)
      select 'scale-vendor-' || g, 'Leverandør ' || g || ' AS', (${vendorNumbers}::text[])[g], true,
             (array['sole','micro','small','medium','large'])[1 + g % 5], 'Syntetisk leverandør for ytelsestester.'
      from generate_series(1, ${SCALE.vendors}) g
      on conflict do nothing`.execute(trx);

    // Every published event keeps the rules: effort above none has an expectation with
    // budget, funding, value and quarter; "none" expectations ask for no effort; demand
    // notices ask for none; pilots and R&D partnerships state a criterion and their path;
    // RFIs, pilots and R&D partnerships state IP terms and carry the buyer's undertaking.
    await sql`
      with buyers as (select id, row_number() over (order by slug) as n from organisations where slug like 'scale-buyer-%'),
      series as (
        select g,
               (${textArray(KINDS)})[1 + g % ${KINDS.length}] as kind,
               (${textArray(STATUSES)})[1 + (g / 7) % ${STATUSES.length}] as expectation
        from generate_series(1, ${SCALE.events}) g
      )
      insert into events (
        buyer_id, kind, status, title, description, region, registration_deadline, response_deadline,
        effort_level, effort_hours_per_vendor, kinds_of_work,
        expectation_status, budget_min_nok, budget_max_nok, funding_source, expected_value_nok,
        expected_tender_quarter, cpv_codes, pilot_plan, pilot_criteria, pilot_vendor_investment_hours, published_at, updated_at,
        ip_background_stays_with_vendor, ip_foreground_owner, ip_existing_products_not_transferred, ip_input_use,
        non_use_undertaking_name, non_use_undertaking_at,
        scope_items, integration_budget_included, integration_budget_nok, service_owner_role, tco_horizon_years, data_categories,
        contract_form, contract_base_months, contract_option_months, contract_horizon_months
      )
      select b.id, s.kind,
             case when s.g % ${SCALE.draftsEvery} = 0 then 'draft' else 'published' end,
             (${textArray(TITLES)})[1 + s.g % ${TITLES.length}] || ' ' || s.g,
             (${textArray(DESCRIPTIONS)})[1 + s.g % ${DESCRIPTIONS.length}],
             (${textArray(REGIONS)})[1 + (s.g / 3) % ${REGIONS.length}],
             case when s.kind = 'demand_notice' then null
                  else now() + ((s.g % 545) - 180) * interval '1 day' + (s.g % 24) * interval '1 hour' end,
             case when s.kind in ('rfi', 'rfp') then now() + ((s.g % 545) - 160) * interval '1 day' end,
             case when s.kind = 'demand_notice' or s.expectation = 'none' then 'none' else 'light' end,
             case when s.kind = 'demand_notice' or s.expectation = 'none' then null else 2 + s.g % 6 end,
             case when s.kind = 'demand_notice' or s.expectation = 'none' then '{}'::text[] else array['attend_meeting'] end,
             s.expectation,
             case when s.expectation <> 'none' then 100000 * (1 + s.g % 400) end,
             case when s.expectation <> 'none' then 100000 * (1 + s.g % 400) + 250000 * (1 + s.g % 40) end,
             case when s.expectation <> 'none' then 'Økonomiplan' end,
             case when s.expectation <> 'none' then 100000 * (1 + s.g % 400) + 100000 end,
             -- The next 20 quarters from now: a tender quarter is never past at publishing nor
             -- beyond the gate's 5-year horizon (TENDER_HORIZON_QUARTERS).
             case when s.expectation <> 'none' then to_char(now() + ((s.g / 5) % 20) * interval '3 months', 'YYYY"-Q"Q') end,
             case when s.g % 3 = 0 then array[(${textArray(CPV)})[1 + s.g % ${CPV.length}], (${textArray(CPV)})[1 + (s.g / 10) % ${CPV.length}]]
                  else array[(${textArray(CPV)})[1 + s.g % ${CPV.length}]] end,
             case when s.kind in ('pilot', 'rnd_partnership') then 'none_planned' end,
             case when s.kind in ('pilot', 'rnd_partnership')
                  then '[{"measure":"Svartid","threshold":"Under 2 sekunder","method":"Logg","judgedBy":"Prosjektleder"}]'::jsonb
                  else '[]'::jsonb end,
             case when s.kind in ('pilot', 'rnd_partnership') then 40 + (s.g % 10) * 20 end,
             case when s.g % ${SCALE.draftsEvery} = 0 then null else now() - (s.g % 200) * interval '1 day' end,
             now() - (s.g % 200) * interval '1 day',
             -- IP terms (issue 17) on every event but demand notices; three in four keep background IP with the vendor.
             case when s.kind <> 'demand_notice' then s.g % 4 <> 0 end,
             case when s.kind <> 'demand_notice' then (array['vendor','shared','buyer'])[1 + s.g % 3] end,
             case when s.kind <> 'demand_notice' then true end,
             case when s.kind <> 'demand_notice' then (array['this_procurement','wider_planning'])[1 + s.g % 2] end,
             case when s.kind <> 'demand_notice' and s.g % ${SCALE.draftsEvery} <> 0 then 'Innkjøpsleder' end,
             case when s.kind <> 'demand_notice' and s.g % ${SCALE.draftsEvery} <> 0 then now() - (s.g % 200) * interval '1 day' end,
             -- The scope step (issue 19) on every event; half of those with a frame keep the integration budget inside it.
             array['licence','implementation','operations'],
             s.expectation <> 'none' and s.g % 2 = 0,
             case when s.expectation <> 'none' and s.g % 2 = 0 then 100000 end,
             'Tjenesteansvarlig',
             5 + s.g % 6,
             array['none'],
             -- The contract choice (issue 15, migration 0059) on every event: a guaranteed base period
             -- as long as the need, and options besides on one in three; never an innovation partnership
             -- (pilot terms) nor in-house.
             (array['market_contract','framework_agreement','project_contract','relational_contract','strategic_alliance'])[1 + s.g % 5],
             12 * (2 + s.g % 5),
             case when s.g % 3 = 0 then 12 * (1 + s.g % 2) end,
             12 * (2 + s.g % 5)
      from series s
      join buyers b on b.n = 1 + (s.g * 7919) % ${SCALE.buyers}`.execute(trx);

    // Four in ten events name a standard from the catalogue.
    await sql`
      with catalogue as (select id, row_number() over (order by code) as n, count(*) over () as total from standards),
      scaled as (select id, row_number() over (order by title) as n from events where buyer_id in (select id from organisations where slug like 'scale-buyer-%'))
      insert into event_standards (event_id, standard_id, level, applies_from)
      select e.id, c.id, (array['required','recommended','planned'])[1 + e.n % 3],
             case when e.n % 2 = 0 then (date '2027-01-01' + (e.n % 8) * interval '3 months')::date end
      from scaled e join catalogue c on c.n = 1 + e.n % c.total
      where e.n % 5 < 2`.execute(trx);

    // Every third published event that takes sign-ups has a vendor registered (one in ten
    // of them waitlisted, one in twenty withdrawn); vendors spread evenly over the events.
    const inserted = await sql`
      with vendors as (select id, row_number() over (order by slug) as n from organisations where slug like 'scale-vendor-%'),
      open as (
        select id, row_number() over (order by title) as n from events
        where status = 'published' and kind <> 'demand_notice'
          and buyer_id in (select id from organisations where slug like 'scale-buyer-%')
      )
      insert into registrations (event_id, organisation_id, status, queued_at, created_at, updated_at)
      select e.id, v.id,
             case when e.n % 20 = 0 then 'withdrawn' when e.n % 10 = 0 then 'waitlisted' else 'registered' end,
             now() - (e.n % 90) * interval '1 day', now() - (e.n % 90) * interval '1 day', now() - (e.n % 90) * interval '1 day'
      from open e join vendors v on v.n = 1 + (e.n * 31) % ${SCALE.vendors}
      where e.n % ${SCALE.registrationsEvery} = 0`.execute(trx);
    registrations = Number(inserted.numAffectedRows ?? 0);
  });
  // Vacuum too, as autovacuum would in time: the pipeline reads its covering index alone then.
  await sql`vacuum analyze`.execute(db);
  return { organisations: SCALE.buyers + SCALE.vendors, events: SCALE.events, registrations, skipped: false };
}
