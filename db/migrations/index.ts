import type { Migration } from "kysely";
import * as foundation from "./2026-11-24-0001-foundation";

// Append-only, in order. Names sort by date so Kysely applies them in sequence.
export const migrations: Record<string, Migration> = {
  "2026-11-24-0001-foundation": foundation,
};
