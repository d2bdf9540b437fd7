// npm run db:migrate | db:seed | db:seed:scale — against DATABASE_URL, or the embedded database.
import { openDatabase } from "./client";
import { migrateToLatest } from "./migrate";
import { seedDemoData } from "./seed";
import { seedScaleData } from "./seed-scale";

const command = process.argv[2];
const handle = openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: process.env.PGLITE_DIR || undefined });
try {
  const result = await migrateToLatest(handle.db);
  const applied = result.results?.filter((r) => r.status === "Success").map((r) => r.migrationName) ?? [];
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  if (command === "seed") {
    await seedDemoData(handle.db);
    console.log("Demo data is in place.");
  } else if (command === "seed:scale") {
    await seedDemoData(handle.db);
    const started = Date.now();
    const result = await seedScaleData(handle.db);
    console.log(
      result.skipped
        ? "The scale data set is already in place."
        : `Added ${result.organisations} organisations and ${result.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } else if (command !== "migrate") {
    console.error(`Unknown command "${command}". Use "migrate", "seed" or "seed:scale".`);
    process.exitCode = 2;
  }
} finally {
  await handle.close();
}
