import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { requireMemberFor } from "~/auth/guards.server";
import { ApiInteractionSchema, issuesByField } from "~/domain/conduct-forms";
import { listInteractions } from "~/models/interaction-reads.server";
import { logInteraction } from "~/models/interactions.server";
import { absoluteUrl } from "~/http/public-url.server";
import { apiLanguage, failureResponse, fieldErrorsResponse, readJsonBody, tooLargeBody } from "~/http/api-problems.server";
import { isUuid } from "~/domain/ids";
import { encodeInteractionCursor, parseInteractionPage } from "~/domain/interaction-page";

// GET /api/v1/interactions?counterpart=<organisation id>[&organisation=<own id>][&limit=][&cursor=]
// Only the acting organisation's own entries (logged by it or about it).
export async function loader(args: LoaderFunctionArgs) {
  const url = new URL(args.request.url);
  const member = await requireMemberFor(args, url.searchParams.get("organisation"));
  const counterpart = url.searchParams.get("counterpart");
  if (counterpart !== null && !isUuid(counterpart)) return fieldErrorsResponse({ counterpart: ["invalid_value"] }, await apiLanguage(args));
  const paging = parseInteractionPage(url.searchParams);
  if (!paging.ok) return fieldErrorsResponse(Object.fromEntries(Object.entries(paging.errors).map(([field, code]) => [field, [code]])), await apiLanguage(args));
  const { limit, after } = paging.page;
  const entries = await listInteractions(db(), member.organisation.id, { counterpartId: counterpart ?? undefined, limit, after });
  const last = entries.length === limit ? entries[entries.length - 1] : undefined;
  let next: string | null = null;
  if (last) {
    const query = new URLSearchParams(url.searchParams);
    query.set("cursor", encodeInteractionCursor({ occurredAt: last.occurredAt, recordedAt: last.recordedAt, id: last.id }));
    next = absoluteUrl(`/api/v1/interactions?${query}`);
  }
  return json({
    organisation: { id: member.organisation.id, name: member.organisation.name },
    // `latestResponse` is the old name of `answer`, kept for clients written before answers became final.
    interactions: entries.map((e) => ({ ...e, latestResponse: e.answer, url: absoluteUrl(`/interactions/${e.id}`) })),
    // The next (older) page, while this one is full.
    next,
  });
}

// POST /api/v1/interactions — JSON body; acts for the active organisation, or `organisationId`.
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== "POST") return json({ error: "method_not_allowed" }, { status: 405, headers: { Allow: "GET, POST" } });
  const read = await readJsonBody(args.request);
  if (!read.ok && read.reason === "too_large") return tooLargeBody(await apiLanguage(args));
  const body: unknown = read.ok ? read.body : null;
  const member = await requireMemberFor(args, body !== null && typeof body === "object" && "organisationId" in body ? body.organisationId : undefined);
  const parsed = ApiInteractionSchema.safeParse(body ?? {});
  if (!parsed.success) return fieldErrorsResponse(issuesByField(parsed.error.issues), await apiLanguage(args));
  const v = parsed.data;
  const result = await logInteraction(
    db(),
    {
      organisationId: member.organisation.id,
      counterpartId: v.counterpartId,
      loggedBy: member.user.id,
      occurredAt: v.occurredAt,
      channel: v.channel,
      participants: (v.participants ?? []).map((p) => ({ side: p.side, userId: p.userId ?? null, name: p.name ?? "" })),
      eventId: v.eventId ?? null,
      subject: v.subject,
      summary: v.summary,
      clauses: v.clauses ?? [],
      assessment: v.assessment,
      concernCategory: v.concernCategory ?? null,
      concernDescription: v.concernDescription ?? null,
      supersedesId: v.supersedesId ?? null,
    },
    { entryUrl: (id) => absoluteUrl(`/interactions/${id}`) },
  );
  if (!result.ok) return failureResponse(result, await apiLanguage(args));
  const url = absoluteUrl(`/interactions/${result.value.id}`);
  return json({ id: result.value.id, url }, { status: 201, headers: { Location: url } });
}
