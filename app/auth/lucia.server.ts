import { Lucia, TimeSpan } from "lucia";
import { db } from "@db/db.server";
import { KyselyLuciaAdapter } from "./lucia-adapter.server";

export const SESSION_COOKIE = "md_session";

/** Cookies are Secure outside development (and outside local HTTP test runs). */
export function secureCookies(): boolean {
  return process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "true";
}

// 30-day sessions; Lucia extends a session when it is past half its life.
export const lucia = new Lucia(new KyselyLuciaAdapter(db), {
  sessionExpiresIn: new TimeSpan(30, "d"),
  sessionCookie: {
    name: SESSION_COOKIE,
    attributes: { sameSite: "lax", secure: secureCookies() },
  },
  getSessionAttributes: (attributes) => attributes,
  getUserAttributes: (attributes) => attributes,
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    UserId: string;
    DatabaseSessionAttributes: { userAgent: string | null; ip: string | null; awaitingSecondFactor?: boolean; lastUsedAt?: Date };
    DatabaseUserAttributes: {
      email: string;
      name: string;
      language: "nb" | "en";
      isOperator: boolean;
      emailVerifiedAt: Date | null;
      activeOrganisationId: string | null;
    };
  }
}
