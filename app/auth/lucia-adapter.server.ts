import { sql } from "kysely";
import type { Adapter, DatabaseSession, DatabaseUser, RegisteredDatabaseUserAttributes as DatabaseUserAttributes } from "lucia";
import type { Db } from "@db/client";
import { CURRENT_USER_COLUMNS } from "~/models/users.server";

/** How long a sign-in may wait at the code step. */
export const SECOND_STEP_MINUTES = 15;

function pickUserAttributes(row: DatabaseUserAttributes): DatabaseUserAttributes {
  const { email, name, language, isOperator, emailVerifiedAt, activeOrganisationId } = row;
  return { email, name, language, isOperator, emailVerifiedAt, activeOrganisationId };
}

/**
 * Lucia's storage in our own tables through Kysely, so sessions work the same
 * on PGlite and on a PostgreSQL server. `getDb` is read per call: tests swap
 * the database between files.
 */
export class KyselyLuciaAdapter implements Adapter {
  constructor(private readonly getDb: () => Db) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.getDb()
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.userId")
      .select([
        "sessions.id as sessionId",
        "sessions.userId",
        "sessions.expiresAt",
        "sessions.userAgent",
        "sessions.ip",
        "sessions.awaitingSecondFactor",
        "sessions.lastUsedAt",
        ...CURRENT_USER_COLUMNS,
      ])
      .where("sessions.id", "=", sessionId)
      // A sign-in left at the code step lapses after a while, whatever Lucia's expiry says.
      .where((eb) => eb.or([eb("sessions.awaitingSecondFactor", "=", false), eb("sessions.createdAt", ">", sql<Date>`now() - ${sql.lit(`${SECOND_STEP_MINUTES} minutes`)}::interval`)]))
      .executeTakeFirst();
    if (!row) return [null, null];
    return [
      {
        id: row.sessionId,
        userId: row.userId,
        expiresAt: row.expiresAt,
        attributes: { userAgent: row.userAgent, ip: row.ip, awaitingSecondFactor: row.awaitingSecondFactor, lastUsedAt: row.lastUsedAt },
      },
      { id: row.userId, attributes: pickUserAttributes(row) },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.getDb().selectFrom("sessions").selectAll().where("userId", "=", userId).execute();
    return rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      expiresAt: r.expiresAt,
      attributes: { userAgent: r.userAgent, ip: r.ip, awaitingSecondFactor: r.awaitingSecondFactor, lastUsedAt: r.lastUsedAt },
    }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.getDb()
      .insertInto("sessions")
      .values({
        id: session.id,
        userId: session.userId,
        expiresAt: session.expiresAt,
        userAgent: session.attributes.userAgent ?? null,
        ip: session.attributes.ip ?? null,
        awaitingSecondFactor: session.attributes.awaitingSecondFactor ?? false,
      })
      .execute();
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.getDb().updateTable("sessions").set({ expiresAt }).where("id", "=", sessionId).execute();
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.getDb().deleteFrom("sessions").where("id", "=", sessionId).execute();
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.getDb().deleteFrom("sessions").where("userId", "=", userId).execute();
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.getDb().deleteFrom("sessions").where("expiresAt", "<=", new Date()).execute();
  }
}
