// Loaded into the server under load (node --import): writes the process's own memory
// figures once a second to MEMORY_PROBE_FILE, one JSON line each. Only used by
// scripts/load-test.ts; the server itself knows nothing about it.
import { appendFileSync } from "node:fs";

const file = process.env.MEMORY_PROBE_FILE;
if (file) {
  const started = Date.now();
  setInterval(() => {
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    appendFileSync(file, `${JSON.stringify({ t: (Date.now() - started) / 1000, rss, heapUsed, heapTotal, external })}\n`);
  }, 1000).unref();
}
