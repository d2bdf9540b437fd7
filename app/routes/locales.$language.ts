import type { LoaderFunctionArgs } from "@remix-run/node";
import { publishedResources } from "~/i18n/published-resources.server";
import { isLanguage } from "~/i18n/resources";
import { notFound } from "~/http/responses.server";

// GET /locales/{language}: every namespace of one language, public, for entry.client. With
// the current ?v= it is immutable; any other request gets the current text, revalidated.
export function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLanguage(params.language)) notFound("Not found");
  const { body, version } = publishedResources(params.language);
  const current = new URL(request.url).searchParams.get("v") === version;
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate",
      ETag: `"${version}"`,
    },
  });
}
