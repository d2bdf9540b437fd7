// npm run db:migrate | db:seed — against DATABASE_URL, or the embedded database.
import { openDatabase } from "./client";
import { migrateToLatest } from "./migrate";
import { seedDemoData } from "./seed";

const command = process.argv[2];
const handle = openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: process.env.PGLITE_DIR || undefined });
try {
  const result = await migrateToLatest(handle.db);
  const applied = result.results?.filter((r) => r.status === "Success").map((r) => r.migrationName) ?? [];
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  if (command === "seed") {
    await seedDemoData(handle.db);
    console.log("Demo data is in place.");
  } else if (command !== "migrate") {
    console.error(`Unknown command "${command}". Use "migrate" or "seed".`);
    process.exitCode = 2;
  }
} finally {
  await handle.close();
}
