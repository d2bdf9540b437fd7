// npm run db:backup [-- FILE] | npm run db:restore -- FILE — against DATABASE_URL,
// or the embedded database in PGLITE_DIR (default ./data/pglite; stop the portal first).
import { backupDatabase, restoreDatabase, type BackupTarget } from "./backup";

const [command, fileArgument] = process.argv.slice(2);
const target: BackupTarget = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: process.env.PGLITE_DIR || "./data/pglite" };
const stamp = new Date().toISOString().replace(/[:.]/g, "-");

if (command === "backup") {
  const file = fileArgument ?? `markedsdialog-${stamp}.${"url" in target ? "pgdump" : "json.gz"}`;
  await backupDatabase(target, file);
  console.log(`Backup written to ${file}`);
} else if (command === "restore" && fileArgument) {
  await restoreDatabase(target, fileArgument);
  console.log(`Restored from ${fileArgument}`);
} else {
  console.error("Use: npm run db:backup [-- FILE]  or  npm run db:restore -- FILE");
  process.exitCode = 2;
}
