// How many web processes to run (WEB_CONCURRENCY, ADR 0026). Several processes share one
// PostgreSQL server; the embedded database (PGlite) lives inside one process and cannot be
// shared, so without DATABASE_URL there is always exactly one.

export const MAX_WEB_PROCESSES = 64;

export interface WebProcesses {
  count: number;
  /** Said at start-up when WEB_CONCURRENCY was set but is not followed. */
  notice: string | null;
}

export function webProcesses(env: Readonly<Record<string, string | undefined>>): WebProcesses {
  const asked = env.WEB_CONCURRENCY?.trim();
  if (!asked) return { count: 1, notice: null };
  const count = /^\d+$/.test(asked) ? Number(asked) : NaN;
  if (!Number.isInteger(count) || count < 1 || count > MAX_WEB_PROCESSES) {
    return { count: 1, notice: `WEB_CONCURRENCY=${asked} ignored: it must be a whole number from 1 to ${MAX_WEB_PROCESSES}. Running one web process.` };
  }
  if (count > 1 && !env.DATABASE_URL) {
    return {
      count: 1,
      notice:
        `WEB_CONCURRENCY=${asked} ignored: the embedded database (PGlite) lives inside one process and cannot be shared. ` +
        "Running one web process; set DATABASE_URL to a PostgreSQL server to run several.",
    };
  }
  return { count, notice: null };
}
