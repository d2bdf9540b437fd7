import { sql, type RawBuilder } from "kysely";
import type { Db } from "@db/client";
import { isSlug } from "~/domain/slug";
import {
  osloYearStart,
  STALE_DAYS,
  type RelationshipQuery,
  type RelationshipRow,
  type TimelineType,
} from "~/domain/relationships";

// One organisation's view of its counterparts: the list with each relationship's figures
// and the timeline of one, derived from what the two did together (ADR 0010). Everything
// here is scoped by the organisation that asks (`organisationId`); its private notes,
// follow-ups and contacts are in relationship-records.server.ts.

// ------------------------------------------------------------------ the list

export type { RelationshipRow };

const ORDER: Record<RelationshipQuery["sort"], RawBuilder<unknown>> = {
  lastContact: sql`last_contact_at desc nulls last, o.name`,
  hours: sql`hours_total desc, o.name`,
  concerns: sql`concerns desc, last_contact_at desc nulls last, o.name`,
  name: sql`o.name`,
};

/**
 * Every organisation mine has dealt with, with the figures of the relationship, in one
 * query: each figure is one grouped pass over its table, joined by counterpart.
 */
export async function listRelationships(
  db: Db,
  organisationId: string,
  query: RelationshipQuery,
  { now = new Date(), counterpartId }: { now?: Date; /** Only this counterpart, dealt with or not yet. */ counterpartId?: string } = {},
): Promise<RelationshipRow[]> {
  const me = organisationId;
  const staleBefore = new Date(now.getTime() - STALE_DAYS * 86_400_000);
  const filter = {
    all: sql`true`,
    concerns: sql`coalesce(f.concerns, 0) > 0`,
    hours: sql`coalesce(h.hours_total, 0) > 0`,
    stale: sql`(lc.occurred_at is null or lc.occurred_at < ${staleBefore})`,
    followUps: sql`coalesce(fu.open, 0) > 0`,
  }[query.show];
  const result = await sql<RelationshipRow>`
    with pairs as (${counterpartId ? sql`select ${counterpartId}::uuid as id` : sql`
      select counterpart_id as id from interaction_entries where organisation_id = ${me}
      union select organisation_id from interaction_entries where counterpart_id = ${me}
      union select e.buyer_id from registrations r join events e on e.id = r.event_id where r.organisation_id = ${me}
      union select r.organisation_id from registrations r join events e on e.id = r.event_id where e.buyer_id = ${me}
      union select e.buyer_id from event_questions q join events e on e.id = q.event_id where q.organisation_id = ${me}
      union select q.organisation_id from event_questions q join events e on e.id = q.event_id where e.buyer_id = ${me}
      union select er.buyer_id from effort_request_recipients rr join effort_requests er on er.id = rr.request_id where rr.organisation_id = ${me}
      union select rr.organisation_id from effort_request_recipients rr join effort_requests er on er.id = rr.request_id where er.buyer_id = ${me}
      union select buyer_id from effort_reports where vendor_id = ${me}
      union select vendor_id from effort_reports where buyer_id = ${me}
      union select buyer_id from events where outcome_winner_id = ${me}
      union select outcome_winner_id from events where buyer_id = ${me} and outcome_winner_id is not null
      union select counterpart_id from relationship_notes where organisation_id = ${me}
      union select counterpart_id from relationship_follow_ups where organisation_id = ${me}
      union select counterpart_id from relationship_contacts where organisation_id = ${me}`}
    ),
    -- Interaction entries between us and each counterpart, as corrected (a superseded
    -- entry gives way to its correction), with the answer that counts (the first, final).
    entries as (
      select case when e.organisation_id = ${me} then e.counterpart_id else e.organisation_id end as counterpart_id,
        e.occurred_at, e.channel, e.logged_by, e.organisation_id, e.assessment,
        (select a.response from interaction_answers a where a.entry_id = e.id) as response
      from interaction_entries e
      where (e.organisation_id = ${me} or e.counterpart_id = ${me})
        and not exists (select 1 from interaction_entries later where later.supersedes_id = e.id)
    ),
    figures as (
      select counterpart_id,
        count(*) filter (where response = 'confirm') as confirmed,
        count(*) filter (where response = 'dispute') as disputed,
        count(*) filter (where assessment = 'concern') as concerns
      from entries group by counterpart_id
    ),
    last_contact as (
      select distinct on (entries.counterpart_id) entries.counterpart_id, entries.occurred_at, entries.channel, u.name as by_name, lo.name as by_organisation
      from entries join users u on u.id = entries.logged_by join organisations lo on lo.id = entries.organisation_id
      order by entries.counterpart_id, entries.occurred_at desc
    ),
    follow_ups as (
      select counterpart_id, count(*) as open from relationship_follow_ups
      where organisation_id = ${me} and done_at is null group by counterpart_id
    ),
    -- Their coming events, and our coming events they signed up for. An event is coming while
    -- any of its dates is ahead: an RFI has no meeting, only its response deadline.
    upcoming as (
      select counterpart_id, sum(n) as n from (
        select e.buyer_id as counterpart_id, count(*) as n from events e
        where e.buyer_id in (select id from pairs) and e.status = 'published' and greatest(e.starts_at, e.ends_at, e.registration_deadline, e.response_deadline) > ${now}
        group by e.buyer_id
        union all
        select r.organisation_id, count(*) from events e join registrations r on r.event_id = e.id
        where e.buyer_id = ${me} and e.status = 'published' and greatest(e.starts_at, e.ends_at, e.registration_deadline, e.response_deadline) > ${now} and r.status in ('registered', 'waitlisted')
        group by r.organisation_id
      ) both_sides group by counterpart_id
    ),
    open_requests as (
      select case when er.buyer_id = ${me} then rr.organisation_id else er.buyer_id end as counterpart_id, count(*) as n
      from effort_requests er join effort_request_recipients rr on rr.request_id = er.id
      where rr.status = 'open' and er.deadline > ${now} and (er.buyer_id = ${me} or rr.organisation_id = ${me})
      group by 1
    ),
    -- Hours reported between us, whichever side reported them.
    hours as (
      select case when vendor_id = ${me} then buyer_id else vendor_id end as counterpart_id,
        sum(hours) as hours_total, coalesce(sum(hours) filter (where reported_at >= ${osloYearStart(now)}), 0) as hours_this_year
      from effort_reports where vendor_id = ${me} or buyer_id = ${me} group by 1
    ),
    -- Contracts one of us recorded as procured from the other.
    procured as (
      select case when buyer_id = ${me} then outcome_winner_id else buyer_id end as counterpart_id,
        cast(coalesce(sum(outcome_contract_value_nok), 0) as bigint) as value, count(*) as contracts
      from events
      where outcome = 'procured' and ((buyer_id = ${me} and outcome_winner_id is not null) or outcome_winner_id = ${me})
      group by 1
    )
    select o.id, o.slug, o.name, o.is_buyer, o.is_vendor,
      lc.occurred_at as last_contact_at, lc.channel as last_contact_channel, lc.by_name as last_contact_by, lc.by_organisation as last_contact_organisation,
      coalesce(fu.open, 0) as open_follow_ups,
      cast(coalesce(up.n, 0) as bigint) as upcoming_events,
      coalesce(rq.n, 0) as open_effort_requests,
      coalesce(f.confirmed, 0) as confirmed, coalesce(f.disputed, 0) as disputed, coalesce(f.concerns, 0) as concerns,
      coalesce(h.hours_this_year, 0) as hours_this_year, coalesce(h.hours_total, 0) as hours_total,
      coalesce(p.value, 0) as procured_nok, coalesce(p.contracts, 0) as contracts
    from pairs
    join organisations o on o.id = pairs.id
    left join last_contact lc on lc.counterpart_id = o.id
    left join figures f on f.counterpart_id = o.id
    left join follow_ups fu on fu.counterpart_id = o.id
    left join upcoming up on up.counterpart_id = o.id
    left join open_requests rq on rq.counterpart_id = o.id
    left join hours h on h.counterpart_id = o.id
    left join procured p on p.counterpart_id = o.id
    where o.id <> ${me} and ${filter}
    order by ${ORDER[query.sort]}
    limit 500`.execute(db);
  return result.rows;
}

// --------------------------------------------------------------- one counterpart

/** The counterpart by id or slug; never one's own organisation. */
export async function findCounterpart(db: Db, organisationId: string, idOrSlug: string) {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  if (!isId && !isSlug(idOrSlug)) return null;
  const row = await db
    .selectFrom("organisations")
    .select(["id", "slug", "name", "isBuyer", "isVendor", "verificationStatus"])
    .where(isId ? "id" : "slug", "=", idOrSlug)
    .executeTakeFirst();
  return row && row.id !== organisationId ? row : null;
}

export interface TimelineItem {
  type: TimelineType;
  /** A finer kind inside the type, e.g. "effort_report", "outcome_procured". */
  kind: string;
  id: string;
  at: Date;
  title: string;
  /** A code (channel, status, outcome) the page translates. */
  status: string | null;
  /** The organisation that acted: ours or theirs. */
  actorId: string;
  nok: number | null;
  hours: number | null;
  link: string | null;
}

/**
 * What happened between the two organisations, newest first: interactions (as
 * corrected), registrations, questions, effort requests and reports, requests from vendors
 * (with the buyer holding them now), and outcomes of
 * events one of us held where the other took part or won.
 */
export async function relationshipTimeline(db: Db, organisationId: string, counterpartId: string, { type, limit = 200 }: { type?: TimelineType | null; limit?: number } = {}): Promise<TimelineItem[]> {
  const me = organisationId;
  const cp = counterpartId;
  const result = await sql<TimelineItem>`
    select * from (
      select 'interaction' as type, 'interaction' as kind, e.id, e.occurred_at as at, e.subject as title,
        coalesce((select a.response from interaction_answers a where a.entry_id = e.id),
          case when e.assessment = 'concern' then 'concern' else 'unanswered' end) as status,
        e.organisation_id as actor_id, null::bigint as nok, null::integer as hours, '/interactions/' || e.id as link
      from interaction_entries e
      where ((e.organisation_id = ${me} and e.counterpart_id = ${cp}) or (e.organisation_id = ${cp} and e.counterpart_id = ${me}))
        and not exists (select 1 from interaction_entries later where later.supersedes_id = e.id)
      union all
      select 'registration', 'registration', r.id, r.created_at, ev.title, r.status, r.organisation_id, null, null, '/events/' || ev.id
      from registrations r join events ev on ev.id = r.event_id
      where (r.organisation_id = ${me} and ev.buyer_id = ${cp}) or (r.organisation_id = ${cp} and ev.buyer_id = ${me})
      union all
      select 'question', 'question', q.id, q.asked_at, ev.title, case when q.answered_at is null then 'open' else 'answered' end, q.organisation_id, null, null, '/events/' || ev.id
      from event_questions q join events ev on ev.id = q.event_id
      where (q.organisation_id = ${me} and ev.buyer_id = ${cp}) or (q.organisation_id = ${cp} and ev.buyer_id = ${me})
      union all
      select 'effort', 'effort_request', er.id, er.created_at, er.title, rr.status, er.buyer_id, er.compensation_nok, er.hours_per_vendor, '/effort-requests/' || er.id
      from effort_requests er join effort_request_recipients rr on rr.request_id = er.id
      where (er.buyer_id = ${me} and rr.organisation_id = ${cp}) or (er.buyer_id = ${cp} and rr.organisation_id = ${me})
      union all
      select 'effort', 'effort_report', rep.id, rep.reported_at, coalesce(ev.title, er.title, ''), null, rep.vendor_id, null, rep.hours,
        case when rep.event_id is not null then '/events/' || rep.event_id else '/effort-requests/' || rep.request_id end
      from effort_reports rep left join events ev on ev.id = rep.event_id left join effort_requests er on er.id = rep.request_id
      where (rep.vendor_id = ${me} and rep.buyer_id = ${cp}) or (rep.vendor_id = ${cp} and rep.buyer_id = ${me})
      union all
      select 'request', 'vendor_request', vr.id, vr.created_at, vr.subject, vr.status, vr.vendor_id, null, null, '/requests/' || vr.id
      from vendor_requests vr
      where (vr.vendor_id = ${me} and vr.buyer_id = ${cp}) or (vr.vendor_id = ${cp} and vr.buyer_id = ${me})
      union all
      select 'outcome', 'outcome', ev.id, ev.outcome_recorded_at, ev.title,
        case when ev.outcome = 'procured' and ev.outcome_winner_id in (${me}, ${cp}) then 'procured_between_us' else ev.outcome end,
        ev.buyer_id,
        case when ev.outcome_winner_id in (${me}, ${cp}) then ev.outcome_contract_value_nok end, null, '/events/' || ev.id
      from events ev
      where ev.outcome is not null and ev.outcome_recorded_at is not null and ev.buyer_id in (${me}, ${cp})
        and (ev.outcome_winner_id = case when ev.buyer_id = ${me} then ${cp}::uuid else ${me}::uuid end
          or exists (select 1 from registrations r where r.event_id = ev.id and r.organisation_id = case when ev.buyer_id = ${me} then ${cp}::uuid else ${me}::uuid end))
    ) timeline
    where ${type ? sql`type = ${type}` : sql`true`}
    order by at desc, id
    limit ${limit}`.execute(db);
  return result.rows;
}

/** Whether the person holds a commercial role anywhere: they start on /relationships. */
export async function holdsCommercialRole(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom("memberships").select("userId").where("userId", "=", userId).where("commercialRole", "is not", null).executeTakeFirst();
  return Boolean(row);
}
