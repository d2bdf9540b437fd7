import type { LoaderFunctionArgs } from "@remix-run/node";
import { watchFeed } from "./feeds.watches+shared/watch-feed.server";

// GET /feeds/watches/{secret}.atom — a watch's private Atom feed. No session: the secret
// in the address is the key (feed readers cannot log in). Unknown or revoked: 404.
export function loader({ request, params }: LoaderFunctionArgs) {
  return watchFeed(request, params.token ?? "", "atom");
}
