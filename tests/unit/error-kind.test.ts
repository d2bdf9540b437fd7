import { describe, expect, it } from "vitest";
import { errorKind } from "~/http/error-kind";
import { resources } from "~/i18n/resources";

describe("errorKind", () => {
  it("explains client errors as the request's fault and server errors as ours", () => {
    expect(errorKind(404)).toBe("notFound");
    expect(errorKind(403)).toBe("forbidden");
    expect(errorKind(401)).toBe("forbidden");
    expect(errorKind(429)).toBe("tooMany");
    expect(errorKind(413)).toBe("tooLarge");
    expect(errorKind(503)).toBe("unavailable");
    expect(errorKind(400)).toBe("badRequest");
    expect(errorKind(415)).toBe("badRequest");
    expect(errorKind(422)).toBe("badRequest");
    expect(errorKind(500)).toBe("server");
    expect(errorKind(502)).toBe("server");
  });

  it("has a title and a text for every kind in both languages", () => {
    for (const status of [400, 401, 404, 413, 429, 500, 503]) {
      const kind = errorKind(status);
      for (const language of ["nb", "en"] as const) {
        const text = resources[language].errors[kind];
        expect(text.title.length, `${language} ${kind}`).toBeGreaterThan(3);
        expect(text.body.length, `${language} ${kind}`).toBeGreaterThan(10);
      }
    }
  });
});
