import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "@db/db.server";
import { releasePackage } from "~/domain/ocds";
import { consultationToRelease } from "~/domain/ocds-consultations";
import { absoluteUrl, publicBaseUrl } from "~/http/public-url.server";
import { listOcdsConsultations } from "~/models/consultations.server";

// GET /api/v1/ocds/consultations — public open data: an OCDS 1.1 release package of the
// consultations (issue 18), each a planning release with a `consultation` engagement milestone
// at its deadline. No response is in it, before the deadline or after.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const now = new Date();
  const consultations = await listOcdsConsultations(db());
  const releases = consultations.map((c) => consultationToRelease(c, { now, baseUrl: publicBaseUrl() }));
  return json(releasePackage(releases, { uri: absoluteUrl(url.pathname), now }), { headers: { "Cache-Control": "public, max-age=300" } });
}
