import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, formatUtc } from "~/domain/icalendar";

const NOW = new Date("2026-11-24T12:00:00Z");

function unfold(text: string): string[] {
  return text.replace(/\r\n /g, "").split("\r\n");
}

describe("iCalendar text values", () => {
  it("escapes backslash, semicolon, comma and every kind of newline", () => {
    expect(escapeText("a\\b;c,d")).toBe("a\\\\b\\;c\\,d");
    expect(escapeText("one\ntwo\r\nthree\rfour")).toBe("one\\ntwo\\nthree\\nfour");
  });

  it("escapes a backslash before the characters it then escapes, never twice", () => {
    expect(escapeText("\\,")).toBe("\\\\\\,");
  });

  it("writes times in UTC without separators or milliseconds", () => {
    expect(formatUtc(new Date("2027-03-01T11:00:00.123Z"))).toBe("20270301T110000Z");
    expect(() => formatUtc(new Date("nonsense"))).toThrow(RangeError);
  });
});

describe("folding long lines", () => {
  it("leaves a line of exactly 75 octets as it is and folds one of 76", () => {
    const exactly = `X:${"a".repeat(73)}`;
    expect(foldLine(exactly)).toBe(exactly);
    const folded = foldLine(`X:${"a".repeat(74)}`);
    expect(folded).toBe(`X:${"a".repeat(73)}\r\n a`);
  });

  it("keeps every physical line within 75 octets, continuation space included", () => {
    const folded = foldLine(`DESCRIPTION:${"Påmeldingsfrist for leverandører – ".repeat(20)}`);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n").slice(1).every((line) => line.startsWith(" "))).toBe(true);
  });

  it("never splits a multi-byte character across lines", () => {
    const line = `SUMMARY:${"ø".repeat(100)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) {
      expect(Buffer.from(part, "utf8").toString("utf8")).toBe(part);
      expect(part.includes("\uFFFD")).toBe(false);
    }
    expect(unfold(folded)).toEqual([line]);
  });
});

describe("a calendar file", () => {
  const file = buildCalendar({
    productId: "-//Markedsdialog//Markedsdialog//NB",
    name: "Leverandørkonferanse, Bergvik",
    now: NOW,
    events: [
      {
        uid: "e1-event@markedsdialog.example",
        start: new Date("2027-03-01T08:00:00Z"),
        end: new Date("2027-03-01T14:00:00Z"),
        summary: "Leverandørkonferanse; kurve, legemidler",
        description: "Linje én\nLinje to med \\ skråstrek",
        location: "Strandkaien 4, Bergvik",
        url: "https://markedsdialog.example/events/e1",
        sequence: 2,
      },
      { uid: "e1-registration@markedsdialog.example", start: new Date("2027-02-20T11:00:00Z"), summary: "Påmeldingsfrist", busy: false },
    ],
  });

  it("uses CRLF everywhere and ends with one", () => {
    expect(file.endsWith("\r\n")).toBe(true);
    expect(file.replace(/\r\n/g, "").includes("\n")).toBe(false);
    expect(file.replace(/\r\n/g, "").includes("\r")).toBe(false);
  });

  it("wraps the events in a VCALENDAR with version, product and method", () => {
    const lines = unfold(file);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines).toContain("PRODID:-//Markedsdialog//Markedsdialog//NB");
    expect(lines).toContain("METHOD:PUBLISH");
    expect(lines.at(-2)).toBe("END:VCALENDAR");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(2);
  });

  it("writes each event with UID, DTSTAMP, UTC start and end, and escaped text", () => {
    const lines = unfold(file);
    expect(lines).toContain("UID:e1-event@markedsdialog.example");
    expect(lines).toContain("DTSTAMP:20261124T120000Z");
    expect(lines).toContain("DTSTART:20270301T080000Z");
    expect(lines).toContain("DTEND:20270301T140000Z");
    expect(lines).toContain("SEQUENCE:2");
    expect(lines).toContain("SUMMARY:Leverandørkonferanse\\; kurve\\, legemidler");
    expect(lines).toContain("DESCRIPTION:Linje én\\nLinje to med \\\\ skråstrek");
    expect(lines).toContain("LOCATION:Strandkaien 4\\, Bergvik");
    expect(lines).toContain("URL:https://markedsdialog.example/events/e1");
    expect(lines).toContain("X-WR-CALNAME:Leverandørkonferanse\\, Bergvik");
  });

  it("writes a deadline as a moment that does not take up time", () => {
    const lines = unfold(file);
    const start = lines.indexOf("UID:e1-registration@markedsdialog.example");
    const deadline = lines.slice(start, lines.indexOf("END:VEVENT", start));
    expect(deadline).toContain("DTSTART:20270220T110000Z");
    expect(deadline.some((l) => l.startsWith("DTEND"))).toBe(false);
    expect(deadline).toContain("TRANSP:TRANSPARENT");
  });
});

describe("control characters (RFC 5545 §3.3.11: TEXT holds no CONTROL but tab)", () => {
  // Every C0 control but tab, line feed and carriage return (escaped as \n), DEL, and C1 controls.
  const controls = [...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).filter((c) => !"\t\n\r".includes(c)), "\u007f", "\u0085", "\u009b"];
  const file = buildCalendar({
    productId: "-//Markedsdialog//Markedsdialog//NB",
    name: `Navn\u0007med bjelle`,
    now: NOW,
    events: [
      {
        uid: "e2-event@markedsdialog.example",
        start: new Date("2027-03-01T08:00:00Z"),
        summary: `Tittel${controls.join("")}slutt\tmed tab`,
        description: `Første\u0000linje\r\nandre\u001blinje\u000bog vertikal tab`,
        location: `Rom\u00084`,
        url: "https://markedsdialog.example/events/e2\u0000",
      },
    ],
  });

  it("leaves none in the file but the CRLF line endings and tab", () => {
    const withoutLineEnds = file.replace(/\r\n/g, "");
    // eslint-disable-next-line no-control-regex
    expect(withoutLineEnds.match(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g)).toBeNull();
  });

  it("drops them from the text and keeps the rest, newlines escaped and tab kept", () => {
    const lines = unfold(file);
    expect(lines).toContain("SUMMARY:Tittelslutt\tmed tab");
    expect(lines).toContain("DESCRIPTION:Førstelinje\\nandrelinjeog vertikal tab");
    expect(lines).toContain("LOCATION:Rom4");
    expect(lines).toContain("URL:https://markedsdialog.example/events/e2");
    expect(lines).toContain("X-WR-CALNAME:Navnmed bjelle");
  });

  it("still folds at 75 octets after they are gone, never inside a character", () => {
    const long = buildCalendar({
      productId: "-//Markedsdialog//Markedsdialog//NB",
      now: NOW,
      events: [{ uid: "e3@markedsdialog.example", start: NOW, summary: `${"å\u0001".repeat(60)}😀`.repeat(3) }],
    });
    for (const line of long.split("\r\n")) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      expect(line.includes("\uFFFD")).toBe(false);
    }
    expect(unfold(long)).toContain(`SUMMARY:${`${"å".repeat(60)}😀`.repeat(3)}`);
  });
});
