import { json } from "@remix-run/node";

// Unknown API paths answer in JSON, not with the HTML 404 page.
const notFound = () => json({ error: "not_found" }, { status: 404 });
export const loader = notFound;
export const action = notFound;
