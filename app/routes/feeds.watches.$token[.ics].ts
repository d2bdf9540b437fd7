import type { LoaderFunctionArgs } from "@remix-run/node";
import { watchFeed } from "./feeds.watches+shared/watch-feed.server";

// GET /feeds/watches/{secret}.ics — a watch's private calendar feed (subscribe to it).
// No session: the secret in the address is the key. Unknown or revoked: 404.
export function loader({ request, params }: LoaderFunctionArgs) {
  return watchFeed(request, params.token ?? "", "ics");
}
