// npm run db:migrate | db:seed | db:seed:scale | log:verify — against DATABASE_URL, or the embedded database.
import { openDatabase } from "./client";
import { migrateToLatest } from "./migrate";
import { seedDemoData } from "./seed/demo";
import { seedScaleData } from "./seed/scale";
import { fixedT } from "../app/i18n/i18n";
import { verifyAllChains } from "../app/models/interaction-chain.server";

const command = process.argv[2];
const handle = openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: process.env.PGLITE_DIR || undefined });
try {
  const result = await migrateToLatest(handle.db);
  const applied = result.results?.filter((r) => r.status === "Success").map((r) => r.migrationName) ?? [];
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  if (command === "seed") {
    await seedDemoData(handle.db);
    console.log("Demo data is in place.");
  } else if (command === "log-verify") {
    // Every organisation's interaction-log chain with every broken link (tampering after a
    // first break must not hide behind it), in words; exit 1 if any is broken.
    const t = fixedT("en", "conduct");
    const chains = await verifyAllChains(handle.db);
    for (const { name, verdict } of chains) {
      if (verdict.ok) {
        console.log(`ok      ${name}: ${verdict.length} records`);
        continue;
      }
      console.log(`BROKEN  ${name}: ${verdict.breaks.length} broken link${verdict.breaks.length === 1 ? "" : "s"} in ${verdict.length} records`);
      for (const { seq, row, reason } of verdict.breaks) {
        const where = seq === null ? "at the end" : `no. ${seq}${row ? `, ${row.type === "entry" ? "entry" : `answer ${row.id} to entry`} ${row.entryId}` : ""}`;
        console.log(`        ${where}: ${reason} (${t(`reasons.${reason}`)})`);
      }
    }
    const broken = chains.filter((c) => !c.verdict.ok).length;
    console.log(`${chains.length} chains checked, ${broken} broken.`);
    if (broken) process.exitCode = 1;
  } else if (command === "seed:scale") {
    await seedDemoData(handle.db);
    const started = Date.now();
    const result = await seedScaleData(handle.db);
    console.log(
      result.skipped
        ? "The scale data set is already in place."
        : `Added ${result.organisations} organisations, ${result.events} events and ${result.registrations} registrations in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } else if (command !== "migrate") {
    console.error(`Unknown command "${command}". Use "migrate", "seed", "seed:scale" or "log-verify".`);
    process.exitCode = 2;
  }
} finally {
  await handle.close();
}
