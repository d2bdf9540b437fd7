import { sql, type Kysely } from "kysely";

// Code of conduct for market dialogue (samspillsnormer), its adoption by
// organisations, and the append-only, hash-chained interaction log.
// Value lists are written out on purpose: a migration records what the
// database enforced when it ran. tests/integration/conduct.test.ts checks that
// they agree with app/domain/conduct.ts.

const GROUNDS = sql.raw(
  [
    "predictability",
    "contract_choice",
    "industry_development",
    "interaction_norms",
    "sourcing",
    "equal_treatment",
    "impartiality",
    "confidentiality",
    "no_unpaid_advisory_work",
    "gifts_hospitality",
    "quiet_period",
  ]
    .map((v) => `'${v}'`)
    .join(","),
);
const CHANNELS = sql.raw(
  ["meeting", "call", "email", "conference", "site_visit", "demo", "informal_conversation", "hospitality_gift"].map((v) => `'${v}'`).join(","),
);
const CATEGORIES = sql.raw(
  [
    "unpaid_advisory_work",
    "effort_without_expectation",
    "unequal_treatment",
    "disrespect",
    "impartiality_risk",
    "confidentiality",
    "quiet_period_contact",
    "gifts",
  ]
    .map((v) => `'${v}'`)
    .join(","),
);

/** Version 1, in force from this migration. Later versions are published by operators in the portal. */
const VERSION_1: [string, string, string, string, string][] = [
  [
    "predictability",
    "Forutsigbarhet før innsats",
    "Predictability before effort",
    "Oppdragsgiver ber ikke leverandører om vesentlig innsats uten å si hvilket innkjøp de kan forvente: status, budsjettramme, volum og tidslinje – eller at det ikke er ventet noe innkjøp. Behov, standarder og tidspunkter meldes så tidlig som mulig.",
    "A buyer does not ask vendors for significant effort without saying what purchase they can expect: status, budget frame, volume and timeline – or that no purchase is expected. Needs, standards and dates are announced as early as possible.",
  ],
  [
    "contract_choice",
    "Kontraktsform etter formål",
    "Contract form follows purpose",
    "Kontraktsform og varighet følger formålet med anskaffelsen. En kontrakt som er kortere enn formålet tilsier, begrunnes skriftlig, og begrunnelsen gjøres kjent for leverandørene.",
    "Contract form and duration follow the purpose of the procurement. A contract shorter than its purpose warrants is justified in writing, and the justification is shared with vendors.",
  ],
  [
    "industry_development",
    "Bærekraftige avtaler og klare rettigheter",
    "Sustainable agreements and clear rights",
    "Avtaler skal være kommersielt bærekraftige for leverandøren. Hvem som har rettighetene til det leverandøren bidrar med, avtales før bidraget gis. En pilot sier hva som skal skje etterpå, også om det ikke er planlagt noe innkjøp.",
    "Agreements must be commercially sustainable for the vendor. Who holds the rights to what a vendor contributes is agreed before the contribution is made. A pilot states what happens afterwards, including when no purchase is planned.",
  ],
  [
    "sourcing",
    "Bruk markedet der det gjør jobben bedre",
    "Use the market where it does the job better",
    "Oppdragsgiver vurderer åpent om en oppgave løses best i markedet, i et samarbeid eller i egen regi, og begrunner valget når det går mot rådet.",
    "A buyer openly considers whether a task is best done by the market, in a partnership or in-house, and explains a choice that departs from the advice.",
  ],
  [
    "interaction_norms",
    "Respekt og profesjonalitet",
    "Respect and professionalism",
    "Begge parter møter hverandre med respekt og profesjonalitet: de forbereder seg, holder det de har avtalt, svarer innen rimelig tid og omtaler hverandre saklig.",
    "Both sides meet each other with respect and professionalism: they come prepared, keep what they have agreed, answer within reasonable time and speak of each other fairly.",
  ],
  [
    "equal_treatment",
    "Likebehandling",
    "Equal treatment",
    "Informasjon som kan gi en fordel i en kommende konkurranse, deles med alle aktuelle leverandører samtidig. Spørsmål besvares til alle, uten å navngi den som spurte.",
    "Information that could give an advantage in a coming competition is shared with all relevant vendors at the same time. Questions are answered to everyone, without naming who asked.",
  ],
  [
    "impartiality",
    "Habilitet",
    "Impartiality",
    "Den som har personlige eller økonomiske bånd til en part, sier fra og trer til side. Leverandører tilbyr ikke, og oppdragsgivere ber ikke om, fordeler som kan svekke tilliten til den som behandler saken.",
    "Anyone with personal or financial ties to a party says so and steps aside. Vendors do not offer, and buyers do not ask for, favours that could weaken trust in whoever handles the case.",
  ],
  [
    "confidentiality",
    "Fortrolighet om leverandørens innspill",
    "Confidentiality of vendor input",
    "Forretningshemmeligheter og løsningsforslag som en leverandør deler i dialogen, brukes bare til dialogen og deles ikke med andre leverandører uten samtykke.",
    "Trade secrets and solution proposals a vendor shares in the dialogue are used only for the dialogue and are not shared with other vendors without consent.",
  ],
  [
    "no_unpaid_advisory_work",
    "Ikke gratis rådgivning",
    "No unpaid advisory work",
    "Markedsdialog er ikke gratis konsulentbistand. Arbeid ut over det som trengs for å belyse markedet – som utredning, kravspesifikasjon eller løsningsdesign – avtales og betales.",
    "Market dialogue is not free consultancy. Work beyond what is needed to understand the market – such as studies, requirement specifications or solution design – is agreed and paid for.",
  ],
  [
    "gifts_hospitality",
    "Gaver og gjestfrihet",
    "Gifts and hospitality",
    "Gaver, måltider og reiser ut over det alminnelige og beskjedne verken gis eller tas imot. Det som gis eller tas imot, føres i samhandlingsloggen.",
    "Gifts, meals and travel beyond the ordinary and modest are neither given nor accepted. Whatever is given or accepted is recorded in the interaction log.",
  ],
  [
    "quiet_period",
    "Karenstid under konkurranse",
    "Quiet period during a tender",
    "Fra en konkurranse er kunngjort til kontrakt er inngått, har oppdragsgiver ingen en-til-en-kontakt med leverandører om konkurransen utenom kanalene konkurransegrunnlaget angir. Det som likevel deles, gjøres kjent for alle deltakerne.",
    "From the notice of a tender until the contract is signed, the buyer has no one-to-one contact with vendors about the tender outside the channels the tender documents name. Anything shared regardless is made known to all participants.",
  ],
  [
    "interaction_norms",
    "Samhandlingslogg",
    "Interaction log",
    "Begge parter kan føre samhandlinger i samhandlingsloggen. Den andre parten kan bekrefte eller bestride det som er ført. En bekymring tas opp saklig og beskriver hva som skjedde.",
    "Either side may record interactions in the interaction log. The other side may confirm or dispute what was recorded. A concern is raised fairly and describes what happened.",
  ],
];

export async function up(db: Kysely<unknown>) {
  await sql`
    create table conduct_versions (
      number integer primary key check (number >= 1),
      published_at timestamptz,
      published_by uuid references users(id) on delete set null,
      summary_nb text not null default '' check (length(summary_nb) <= 2000),
      summary_en text not null default '' check (length(summary_en) <= 2000),
      created_at timestamptz not null default now()
    )`.execute(db);
  // At most one draft (unpublished version) at a time.
  await sql`create unique index conduct_versions_one_draft on conduct_versions ((published_at is null)) where published_at is null`.execute(db);

  await sql`
    create table conduct_clauses (
      version_number integer not null references conduct_versions(number) on delete cascade,
      number integer not null check (number between 1 and 99),
      principle text not null check (principle in (${GROUNDS})),
      title_nb text not null check (length(btrim(title_nb)) between 1 and 200),
      title_en text not null check (length(btrim(title_en)) between 1 and 200),
      text_nb text not null check (length(btrim(text_nb)) between 1 and 4000),
      text_en text not null check (length(btrim(text_en)) between 1 and 4000),
      primary key (version_number, number)
    )`.execute(db);

  // A published version is what organisations adopted: its words never change.
  await sql`
    create function conduct_published_is_frozen() returns trigger language plpgsql as $$
    declare
      v integer;
    begin
      if tg_table_name = 'conduct_versions' then
        if old.published_at is not null then
          raise exception 'conduct version % is published and cannot be changed', old.number using errcode = 'check_violation';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end if;
      v := case when tg_op = 'INSERT' then new.version_number else old.version_number end;
      if exists (select 1 from conduct_versions where number = v and published_at is not null) then
        raise exception 'conduct version % is published and its clauses cannot be changed', v using errcode = 'check_violation';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$`.execute(db);
  await sql`create trigger conduct_versions_frozen before update or delete on conduct_versions for each row execute function conduct_published_is_frozen()`.execute(db);
  await sql`create trigger conduct_clauses_frozen before insert or update or delete on conduct_clauses for each row execute function conduct_published_is_frozen()`.execute(db);

  await sql`
    create table conduct_adoptions (
      organisation_id uuid not null references organisations(id) on delete cascade,
      version_number integer not null references conduct_versions(number),
      adopted_by uuid references users(id) on delete set null,
      adopted_at timestamptz not null default now(),
      primary key (organisation_id, version_number)
    )`.execute(db);

  // One chain per organisation over everything it appends to the log (entries
  // it logs and answers it gives). The head row is locked while appending, so
  // two appends for one organisation never get the same sequence number.
  await sql`
    create table interaction_chain_heads (
      organisation_id uuid primary key references organisations(id),
      length integer not null default 0 check (length >= 0),
      head_hash text not null default '0000000000000000000000000000000000000000000000000000000000000000'
    )`.execute(db);

  await sql`
    create table interaction_entries (
      id uuid primary key,
      organisation_id uuid not null references organisations(id),
      counterpart_id uuid not null references organisations(id),
      logged_by uuid not null references users(id),
      occurred_at timestamptz not null,
      channel text not null check (channel in (${CHANNELS})),
      participants jsonb not null default '[]',
      event_id uuid references events(id),
      subject text not null check (length(btrim(subject)) between 1 and 200),
      summary text not null check (length(summary) <= 10000),
      conduct_version integer references conduct_versions(number),
      clauses integer[] not null default '{}',
      assessment text not null check (assessment in ('in_line','concern')),
      concern_category text check (concern_category in (${CATEGORIES})),
      concern_description text check (length(concern_description) <= 10000),
      supersedes_id uuid,
      -- One-to-one contact about an RFP in its tender phase (app/domain/conduct.ts isQuietPeriodContact).
      quiet_period_contact boolean not null default false,
      recorded_at timestamptz not null,
      chain_seq integer not null check (chain_seq >= 1),
      prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
      hash text not null check (hash ~ '^[0-9a-f]{64}$'),
      constraint interaction_entries_two_parties check (organisation_id <> counterpart_id),
      constraint interaction_entries_concern_has_category_and_description check (
        (assessment = 'in_line' and concern_category is null and concern_description is null)
        or (assessment = 'concern' and concern_category is not null and length(btrim(concern_description)) > 0)
      ),
      constraint interaction_entries_clauses_need_version check (cardinality(clauses) = 0 or conduct_version is not null),
      constraint interaction_entries_chain_position unique (organisation_id, chain_seq),
      constraint interaction_entries_pair_key unique (id, organisation_id, counterpart_id),
      constraint interaction_entries_answer_key unique (id, counterpart_id),
      -- A correction is logged by the same organisation about the same counterpart, and corrects one entry once.
      constraint interaction_entries_supersedes_same_pair foreign key (supersedes_id, organisation_id, counterpart_id)
        references interaction_entries (id, organisation_id, counterpart_id),
      constraint interaction_entries_supersede_once unique (supersedes_id)
    )`.execute(db);
  await sql`create index interaction_entries_org_idx on interaction_entries (organisation_id, occurred_at desc)`.execute(db);
  await sql`create index interaction_entries_counterpart_idx on interaction_entries (counterpart_id, occurred_at desc)`.execute(db);

  await sql`
    create table interaction_responses (
      id uuid primary key,
      entry_id uuid not null,
      organisation_id uuid not null,
      responded_by uuid not null references users(id),
      response text not null check (response in ('confirm','dispute')),
      account text check (length(account) <= 10000),
      recorded_at timestamptz not null,
      chain_seq integer not null check (chain_seq >= 1),
      prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
      hash text not null check (hash ~ '^[0-9a-f]{64}$'),
      -- Only the counterpart of an entry answers it.
      constraint interaction_responses_by_counterpart foreign key (entry_id, organisation_id)
        references interaction_entries (id, counterpart_id),
      constraint interaction_responses_dispute_has_account check (response = 'confirm' or length(btrim(account)) > 0),
      constraint interaction_responses_chain_position unique (organisation_id, chain_seq)
    )`.execute(db);
  await sql`create index interaction_responses_entry_idx on interaction_responses (entry_id, recorded_at)`.execute(db);

  // Append-only in the database itself, whatever code path or SQL client is used.
  await sql`
    create function interaction_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the interaction log is append-only: % on % is not allowed', tg_op, tg_table_name
        using errcode = 'insufficient_privilege', hint = 'Log a new entry that supersedes the old one.';
    end $$`.execute(db);
  for (const table of ["interaction_entries", "interaction_responses"]) {
    await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)} for each row execute function interaction_log_is_append_only()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)} for each statement execute function interaction_log_is_append_only()`.execute(db);
  }

  // Loaded as a draft, then published: the freeze trigger guards it from then on.
  await sql`
    insert into conduct_versions (number, summary_nb, summary_en)
    values (1, 'Første versjon av samspillsnormer for markedsdialog.', 'First version of the code of conduct for market dialogue.')`.execute(db);
  for (const [index, [principle, titleNb, titleEn, textNb, textEn]] of VERSION_1.entries()) {
    await sql`
      insert into conduct_clauses (version_number, number, principle, title_nb, title_en, text_nb, text_en)
      values (1, ${index + 1}, ${principle}, ${titleNb}, ${titleEn}, ${textNb}, ${textEn})`.execute(db);
  }
  await sql`update conduct_versions set published_at = now() where number = 1`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const table of ["interaction_responses", "interaction_entries", "interaction_chain_heads", "conduct_adoptions", "conduct_clauses", "conduct_versions"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists interaction_log_is_append_only()`.execute(db);
  await sql`drop function if exists conduct_published_is_frozen()`.execute(db);
}
