// Atom 1.0 (RFC 4287) feeds: pure text in, text out. The public demand feeds and each
// watch's private feed share it.

export interface AtomEntry {
  /** A permanent IRI (RFC 4287 §4.2.6): the same entry keeps it across downloads. */
  id: string;
  title: string;
  /** The page the entry is about (rel="alternate"). */
  url: string;
  updated: Date;
  published?: Date | null;
  /** Plain text. */
  summary?: string | null;
  author?: string | null;
  categories?: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string | null;
  /** The feed's own address (rel="self"). */
  selfUrl: string;
  /** The HTML page showing the same list (rel="alternate"). */
  pageUrl: string;
  /** The newest entry's updated time; `now` for an empty feed is the caller's choice. */
  updated: Date;
  language?: string;
  author: string;
  entries: AtomEntry[];
}

/** Text for XML element content and attribute values; characters XML 1.0 forbids are dropped. */
export function escapeXml(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const text = (tag: string, value: string) => `<${tag}>${escapeXml(value)}</${tag}>`;
const link = (href: string, rel = "alternate", type?: string) =>
  `<link rel="${rel}" href="${escapeXml(href)}"${type ? ` type="${type}"` : ""}/>`;

function entry(e: AtomEntry): string {
  return [
    "  <entry>",
    `    ${text("id", e.id)}`,
    `    ${text("title", e.title)}`,
    `    ${link(e.url, "alternate", "text/html")}`,
    `    ${text("updated", e.updated.toISOString())}`,
    ...(e.published ? [`    ${text("published", e.published.toISOString())}`] : []),
    ...(e.author ? [`    <author>${text("name", e.author)}</author>`] : []),
    ...(e.categories ?? []).map((term) => `    <category term="${escapeXml(term)}"/>`),
    ...(e.summary ? [`    <summary type="text">${escapeXml(e.summary)}</summary>`] : []),
    "  </entry>",
  ].join("\n");
}

export function buildAtomFeed(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${feed.language ? ` xml:lang="${escapeXml(feed.language)}"` : ""}>`,
    `  ${text("id", feed.id)}`,
    `  ${text("title", feed.title)}`,
    ...(feed.subtitle ? [`  ${text("subtitle", feed.subtitle)}`] : []),
    `  ${link(feed.selfUrl, "self", "application/atom+xml")}`,
    `  ${link(feed.pageUrl, "alternate", "text/html")}`,
    `  ${text("updated", feed.updated.toISOString())}`,
    `  <author>${text("name", feed.author)}</author>`,
    `  <generator>Markedsdialog</generator>`,
    ...feed.entries.map(entry),
    "</feed>",
    "",
  ].join("\n");
}
