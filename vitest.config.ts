import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "~": path.resolve(import.meta.dirname, "app"),
  "@db": path.resolve(import.meta.dirname, "db"),
  "@emails": path.resolve(import.meta.dirname, "emails"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on this 2-core machine,
    // with the main process mostly idle. Two keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        // Files share their worker's modules (isolate: false): no process and no imports of the
        // app per file. No test file mocks modules or leaves global state behind.
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node", isolate: false },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          environment: "node",
          // As unit: the app and PGlite's compiled WebAssembly are loaded once per worker, not per
          // file. Each file still gets a database of its own (tests/fixtures/database.ts), which
          // also empties the app's in-memory caches, and restores what it changes in process.env.
          isolate: false,
          // One migrated database for the run; each file opens a copy of it.
          globalSetup: ["tests/setup/database-template.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // The portal's configured address: the one the test requests are made to (fixtures/requests.ts).
          env: { PUBLIC_URL: "http://localhost" },
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One server, one browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        // Three built servers on a PostgreSQL cluster of the test's own (ADR 0026): no shared
        // browser-test server, so a project of its own (npm run test:processes).
        test: {
          name: "processes",
          include: ["tests/processes/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
