import { parseFeed } from "@rowanmanning/feed-parser";
import { describe, expect, it } from "vitest";
import { buildAtomFeed, escapeXml } from "~/domain/atom";
import { dailyDigestTime, isDigestDue, normaliseWatchQuery } from "~/domain/watches";

describe("watch filters", () => {
  it("keep only what the demand filter understands, in its order, without page position", () => {
    expect(normaliseWatchQuery("?region=vestland&cpv=48814000-7&cursor=x&limit=5&kind=rfi&kind=bogus&q=+journal+").query).toBe(
      "q=journal&kind=rfi&cpv=48814&region=vestland",
    );
    expect(normaliseWatchQuery("").query).toBe("");
  });
});

describe("the daily digest", () => {
  it("goes out at seven in the morning Oslo time, in winter and in summer", () => {
    expect(dailyDigestTime(new Date("2027-01-15T12:00:00Z")).toISOString()).toBe("2027-01-15T06:00:00.000Z");
    expect(dailyDigestTime(new Date("2027-07-15T12:00:00Z")).toISOString()).toBe("2027-07-15T05:00:00.000Z");
    // Just after midnight in Oslo is still the Oslo day, though UTC has the day before.
    expect(dailyDigestTime(new Date("2027-07-14T22:30:00Z")).toISOString()).toBe("2027-07-15T05:00:00.000Z");
  });

  it("is due once per Oslo morning; an immediate watch every round", () => {
    const morning = new Date("2027-01-15T06:00:00Z");
    const savedYesterday = new Date("2027-01-14T13:00:00Z");
    expect(isDigestDue("daily", savedYesterday, new Date("2027-01-15T05:59:00Z"))).toBe(false);
    expect(isDigestDue("daily", savedYesterday, morning)).toBe(true);
    // Saved in the afternoon: the first digest is the next morning, not the same evening.
    expect(isDigestDue("daily", new Date("2027-01-15T14:00:00Z"), new Date("2027-01-15T19:00:00Z"))).toBe(false);
    expect(isDigestDue("daily", new Date("2027-01-15T14:00:00Z"), new Date("2027-01-16T06:00:00Z"))).toBe(true);
    expect(isDigestDue("daily", new Date("2027-01-14T06:05:00Z"), new Date("2027-01-15T06:05:00Z"))).toBe(true);
    expect(isDigestDue("daily", new Date("2027-01-15T06:05:00Z"), new Date("2027-01-15T18:00:00Z"))).toBe(false);
    expect(isDigestDue("immediate", new Date("2027-01-15T06:05:00Z"), new Date("2027-01-15T06:06:00Z"))).toBe(true);
  });
});

describe("Atom feeds", () => {
  it("escape what people typed and drop characters XML forbids", () => {
    expect(escapeXml(`A & B <b>"q" 'x'\u0001`)).toBe("A &amp; B &lt;b&gt;&quot;q&quot; &apos;x&apos;");
  });

  it("parse as Atom with their entries", () => {
    const xml = buildAtomFeed({
      id: "https://md.example/demand.atom",
      title: "Kommende <etterspørsel> & mer",
      selfUrl: "https://md.example/demand.atom?a=1&b=2",
      pageUrl: "https://md.example/demand?a=1&b=2",
      updated: new Date("2027-01-02T10:00:00Z"),
      language: "nb",
      author: "Markedsdialog",
      entries: [{ id: "urn:uuid:1", title: "Æ & Ø", url: "https://md.example/events/1", updated: new Date("2027-01-02T10:00:00Z"), summary: "Linje 1\nLinje 2" }],
    });
    const feed = parseFeed(xml);
    expect(feed.title).toBe("Kommende <etterspørsel> & mer");
    expect(feed.self).toBe("https://md.example/demand.atom?a=1&b=2");
    expect(feed.items[0]?.title).toBe("Æ & Ø");
    expect(feed.items[0]?.description).toBe("Linje 1\nLinje 2");
  });
});
