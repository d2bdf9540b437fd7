import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseJson, normaliseText } from "~/domain/input-text";

describe("normaliseText", () => {
  it("replaces lone surrogates with U+FFFD and keeps pairs", () => {
    expect(normaliseText("A a\ud800b")).toBe("A a\ufffdb");
    expect(normaliseText("\udfff")).toBe("\ufffd");
    expect(normaliseText("x\ud83dy")).toBe("x\ufffdy");
    expect(normaliseText("\ud83d\ude00")).toBe("\ud83d\ude00");
    expect(normaliseText("\ude00\ud83d")).toBe("\ufffd\ufffd");
  });

  it("composes to NFC", () => {
    expect(normaliseText("e\u0301")).toBe("\u00e9");
    expect(normaliseText("A\u030a")).toBe("Å");
  });

  it("removes NUL, C0 and C1 controls and DEL but keeps newline and tab", () => {
    expect(normaliseText("a\u0000b")).toBe("ab");
    expect(normaliseText("a\u0007\u001b[31m\u007f\u0085\u009fb")).toBe("a[31mb");
    expect(normaliseText("a\tb\nc")).toBe("a\tb\nc");
  });

  it("turns CRLF and CR into LF", () => {
    expect(normaliseText("a\r\nb\rc\n\rd")).toBe("a\nb\nc\n\nd");
  });

  it("keeps ordinary Norwegian text and emoji as they are", () => {
    const text = "Ærlig østlig åker 👩‍👩‍👧‍👦 \u202eevil\u202c";
    expect(normaliseText(text)).toBe(text);
  });

  it("is idempotent, well-formed and free of controls for any input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const once = normaliseText(s);
        expect(normaliseText(once)).toBe(once);
        expect(once.normalize("NFC")).toBe(once);
        // eslint-disable-next-line no-control-regex
        expect(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(once)).toBe(false);
        expect(encodeURIComponent(once)).toBeTypeOf("string"); // throws URIError on a lone surrogate
      }),
    );
  }, 30_000); // a hundred generated strings; the default 5 s is too short on a loaded 2-core machine
});

describe("normaliseJson", () => {
  it("normalises every string, nested and in keys, and leaves other values", () => {
    expect(normaliseJson({ "k\u0000": ["a\u0000", 1, null, true, { s: "\ud800" }], n: 2 ** 63 })).toEqual({
      k: ["a", 1, null, true, { s: "\ufffd" }],
      n: 2 ** 63,
    });
  });
});
