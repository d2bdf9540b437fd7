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
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          environment: "node",
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
    ],
  },
});
