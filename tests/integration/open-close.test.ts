import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@db/client";

describe("an embedded database opened and closed without a query", () => {
  it("is closed for real, so removing its directory afterwards disturbs nothing", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "markedsdialog-open-close-"));
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      const handle = openDatabase({ dataDir: path.join(root, "pglite") });
      await handle.close();
      rmSync(root, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(rejections).toEqual([]);
    } finally {
      process.off("unhandledRejection", onRejection);
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
