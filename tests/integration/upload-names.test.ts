import { beforeAll, describe, expect, it } from "vitest";
import { action as responseAction } from "~/routes/events.$eventId_.response/route";
import { setupTestDatabase } from "../fixtures/database";
import { SAMPLE_FILES } from "../fixtures/files";
import { ipTermsColumns } from "../fixtures/ip-terms";
import { respond, type Person } from "../fixtures/people";
import { routeArgs } from "../fixtures/requests";
import { createResponsePeople } from "../fixtures/response-people";

// A file's name is the vendor's text: "=", ";", quotes and markup in it are kept as sent
// (app/http/multipart.server.ts), not a reason to refuse the whole form.

const t = setupTestDatabase();
let viktor: Person;
let bergvik: { id: string };

beforeAll(async () => {
  ({ viktor, bergvik } = await createResponsePeople(t.db));
});

describe("file names in an upload form", () => {
  it.each(["pris=ny; utkast.txt", 'svar "endelig".txt', "svar <img src=x onerror=alert(1)>.txt"])("stores %s as it was named", async (name) => {
    const { id: eventId } = await t.db
      .insertInto("events")
      .values({ buyerId: bergvik.id, kind: "rfi", status: "published", publishedAt: new Date(), title: "RFI", description: "", responseDeadline: new Date(Date.now() + 86_400_000), effortLevel: "none", ...ipTermsColumns() })
      .returning("id")
      .executeTakeFirstOrThrow();
    const form = new FormData();
    for (const [field, value] of Object.entries({ intent: "save", text: "Svar." })) form.append(field, value);
    form.append("file", new File([new Uint8Array(SAMPLE_FILES.txt)], name));
    const saved = await respond(responseAction(await routeArgs(`/events/${eventId}/response`, { method: "POST", body: form, cookie: viktor.cookie, params: { eventId } })));
    expect(saved.status).toBe(302);
    const stored = await t.db.selectFrom("storedFiles").select("name").orderBy("createdAt", "desc").limit(1).executeTakeFirstOrThrow();
    expect(stored.name).toBe(name);
  });
});
