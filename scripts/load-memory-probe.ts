// Loaded into the server under load (node --expose-gc --import): once a second, writes the
// process's RSS and its heap after a full garbage collection (what is really retained, not
// the GC sawtooth) to MEMORY_PROBE_FILE, one JSON line each. Only used by
// scripts/load-test.ts; the server itself knows nothing about it.
import { appendFileSync } from "node:fs";

const file = process.env.MEMORY_PROBE_FILE;
const collect = (globalThis as { gc?: () => void }).gc;
if (file) {
  const started = Date.now();
  setInterval(() => {
    collect?.();
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    appendFileSync(file, `${JSON.stringify({ t: (Date.now() - started) / 1000, rss, heapUsed, heapTotal, external })}\n`);
  }, 1000).unref();
}
