import { notFound } from "~/http/responses.server";
// Any path no other route claims: a 404 rendered by the root error boundary.
export function loader() {
  notFound();
}

export default function NotFound() {
  return null;
}
