import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { eventToFullRelease, releasePackage } from "~/domain/ocds";
import { isIsoDate } from "~/domain/quarters";
import { zonedLocalToIso } from "~/domain/zoned-time";
import { listOcdsEvents, type OcdsPageCursor } from "~/models/ocds.server";
import { absoluteUrl, publicBaseUrl } from "~/http/public-url.server";
import { isUuid } from "~/domain/ids";

// GET /api/v1/ocds/releases — public open data: an OCDS 1.1 release package of published
// events, oldest change first. ?since= (a date, read in Oslo, or an ISO 8601 time) keeps
// events changed from then on; ?limit= 1–100; follow links.next (or the Link header).
const PAGE = 100;

/** Nothing was published before the portal's epoch: an earlier ?since= (year 0001) means "from the start". */
const EPOCH = new Date(0);

function parseSince(value: string | null): Date | null | "invalid" {
  if (!value) return null;
  let date: Date;
  if (isIsoDate(value)) date = new Date(zonedLocalToIso(`${value}T00:00`) ?? Number.NaN);
  else if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return "invalid";
  else date = new Date(value);
  if (Number.isNaN(date.getTime())) return "invalid";
  return date < EPOCH ? EPOCH : date;
}

function parseAfter(value: string | null): OcdsPageCursor | null | "invalid" {
  if (!value) return null;
  try {
    const [updatedAt, id] = JSON.parse(atob(value.replace(/-/g, "+").replace(/_/g, "/"))) as unknown[];
    if (typeof updatedAt !== "string" || typeof id !== "string" || !isUuid(id)) return "invalid";
    if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(updatedAt)) return "invalid";
    return { updatedAt, id };
  } catch {
    return "invalid";
  }
}

const encodeAfter = (cursor: OcdsPageCursor) =>
  btoa(JSON.stringify([cursor.updatedAt, cursor.id])).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const since = parseSince(url.searchParams.get("since"));
  const after = parseAfter(url.searchParams.get("cursor"));
  const limitText = url.searchParams.get("limit");
  const limit = limitText === null ? PAGE : /^\d{1,3}$/.test(limitText) ? Number(limitText) : 0;
  const errors = [
    ...(since === "invalid" ? [{ path: "since", code: "invalid_date" }] : []),
    ...(after === "invalid" ? [{ path: "cursor", code: "invalid_value" }] : []),
    ...(limit < 1 || limit > PAGE ? [{ path: "limit", code: "invalid_value" }] : []),
  ];
  if (errors.length) return json({ errors }, { status: 400 });

  const now = new Date();
  // The package's own address and the next page's, on the configured base (never the Host header).
  const self = new URL(absoluteUrl(url.pathname + url.search));
  const page = await listOcdsEvents(db(), { since: since as Date | null, after: after as OcdsPageCursor | null, limit });
  let next: string | null = null;
  if (page.next) {
    const nextUrl = new URL(self);
    nextUrl.searchParams.set("cursor", encodeAfter(page.next));
    next = nextUrl.toString();
  }
  const releases = page.events.map((event) => eventToFullRelease(event, { now, baseUrl: publicBaseUrl() }));
  // The next page in the Link header only: the 1.1 release package has no field for it.
  return json(releasePackage(releases, { uri: self.toString(), now }), {
    headers: { "Cache-Control": "public, max-age=300", ...(next ? { Link: `<${next}>; rel="next"` } : {}) },
  });
}
