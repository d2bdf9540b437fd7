import { json } from "@remix-run/node";
import { sql } from "kysely";
import { db, dbKind } from "@db/db.server";

// Liveness and readiness: answers only after the database answered. While the
// database is away: 503 {"ok":false,"db":"unavailable"}; every call asks again.
export async function loader() {
  const kind = dbKind();
  try {
    await sql`select 1`.execute(db());
    return json({ ok: true, db: kind }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return json({ ok: false, db: "unavailable", kind }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
