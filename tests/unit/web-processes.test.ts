import { describe, expect, it } from "vitest";
import { webProcesses } from "~/domain/web-processes";

const server = "postgres://app@db.example/markedsdialog";

describe("webProcesses (WEB_CONCURRENCY)", () => {
  it("is one process when nothing is asked", () => {
    expect(webProcesses({})).toEqual({ count: 1, notice: null });
    expect(webProcesses({ WEB_CONCURRENCY: " ", DATABASE_URL: server })).toEqual({ count: 1, notice: null });
  });

  it("runs as many processes as asked on a PostgreSQL server", () => {
    expect(webProcesses({ WEB_CONCURRENCY: "4", DATABASE_URL: server })).toEqual({ count: 4, notice: null });
    expect(webProcesses({ WEB_CONCURRENCY: "1" })).toEqual({ count: 1, notice: null });
  });

  it("keeps the embedded database to one process, and says why", () => {
    const { count, notice } = webProcesses({ WEB_CONCURRENCY: "3" });
    expect(count).toBe(1);
    expect(notice).toContain("WEB_CONCURRENCY=3 ignored");
    expect(notice).toContain("PGlite");
    expect(notice).toContain("DATABASE_URL");
    expect(webProcesses({ WEB_CONCURRENCY: "3", DATABASE_URL: "" }).count).toBe(1);
  });

  it("ignores a value that is not a whole number from 1 to 64", () => {
    for (const asked of ["0", "-2", "2.5", "two", "65", "1e2"]) {
      const { count, notice } = webProcesses({ WEB_CONCURRENCY: asked, DATABASE_URL: server });
      expect(count).toBe(1);
      expect(notice).toContain(`WEB_CONCURRENCY=${asked} ignored`);
    }
  });
});
