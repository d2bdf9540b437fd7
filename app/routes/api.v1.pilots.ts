import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { encodeRegisterCursor, parsePilotRegisterFilter, parseRegisterPage, REGISTER_API_DEFAULT, REGISTER_API_MAX, registerPageSearch } from "~/domain/pilot-register";
import { absoluteUrl } from "~/http/public-url.server";
import { pilotRegisterPage } from "~/models/pilot-register.server";

// GET /api/v1/pilots — public: the pilot register (/pilots) with the same filters (cpv, region,
// buyer, outcome, decision), a page at a time: `limit` (1–500, default 100) and `cursor` (the
// previous page's `nextCursor`; a cursor not ours starts at the first page); `next` is the URL of
// the following page, null on the last.
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const filter = parsePilotRegisterFilter(params);
  const page = parseRegisterPage(params, { size: REGISTER_API_DEFAULT, max: REGISTER_API_MAX });
  const { pilots, next } = await pilotRegisterPage(db(), filter, page);
  const limit: Record<string, string> = params.has("limit") ? { limit: String(page.limit) } : {};
  return json(
    {
      items: pilots.map((p) => ({ ...p, url: `/events/${p.id}`, exitUrl: `/events/${p.id}/pilot-exit` })),
      filter,
      nextCursor: next ? encodeRegisterCursor(next) : null,
      next: next ? absoluteUrl(`/api/v1/pilots${registerPageSearch(filter, next, limit)}`) : null,
    },
    { headers: { "Cache-Control": "public, max-age=60" } },
  );
}
