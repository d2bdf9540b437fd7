import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown, safeHref } from "~/components/markdown";
import { decodeEntities } from "~/domain/markdown-text";

const html = (source: string) => renderToStaticMarkup(<Markdown source={source} className="md" />);

describe("rendering a description written in Markdown", () => {
  it("renders paragraphs, line breaks, emphasis and lists", () => {
    expect(html("Første linje\nandre linje\n\nNytt avsnitt med *kursiv* og **fet**.")).toBe(
      '<div class="md"><p>Første linje<br/>andre linje</p><p>Nytt avsnitt med <em>kursiv</em> og <strong>fet</strong>.</p></div>',
    );
    expect(html("- én\n- to")).toContain('<ul class="list-disc space-y-1 pl-6"><li>én</li><li>to</li></ul>');
    expect(html("1. én\n2. to")).toContain("<ol");
  });

  it("keeps http(s) links, with rel=nofollow, and autolinks bare addresses", () => {
    expect(html("[Vedlegg](https://example.org/a?b=1&c=2)")).toContain(
      '<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener noreferrer"',
    );
    expect(html("Se https://example.org")).toContain('href="https://example.org/"');
  });

  it("puts headings below the page's own (h3 and h4)", () => {
    expect(html("# Stor\n\n### Liten")).toMatch(/<h3[^>]*>Stor<\/h3><h4[^>]*>Liten<\/h4>/);
  });

  it("shows decoded characters once, not double-escaped", () => {
    expect(html("Pris &amp; kvalitet &lt;3 &#229;")).toContain("<p>Pris &amp; kvalitet &lt;3 å</p>");
  });
});

describe("refusing what could run script or load content", () => {
  const attempts = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    'Tekst <b onmouseover="alert(1)">fet</b>',
    "<div onclick=alert(1)>klikk</div>",
    '<a href="javascript:alert(1)">lenke</a>',
    "<iframe src=https://evil.example></iframe>",
    "<svg onload=alert(1)>",
    "[klikk](javascript:alert(1))",
    "[klikk](JaVaScRiPt:alert(1))",
    "[klikk](java&#115;cript:alert(1))",
    "[klikk](&#106;avascript:alert(1))",
    "[klikk](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[klikk](vbscript:msgbox(1))",
    "![bilde](javascript:alert(1))",
    "![bilde](https://tracker.example/pixel.gif)",
    '[x](https://example.org "title" onmouseover="alert(1)")',
    "<javascript:alert(1)>",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
  ];

  // Real tags are the only "<" left in the output (text is escaped to &lt;): each must be
  // one we render, with only our attributes, and every link http(s).
  const TAGS = new Set(["div", "p", "br", "em", "strong", "del", "code", "pre", "a", "ul", "ol", "li", "h3", "h4", "blockquote", "hr"]);
  const ATTRIBUTES = new Set(["class", "href", "rel", "start"]);

  it.each(attempts)("%s", (source) => {
    const out = html(source);
    for (const [, name, attrs] of out.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)) {
      expect(TAGS.has(name!.toLowerCase()), name).toBe(true);
      for (const [, attr, value] of attrs!.matchAll(/([a-z-]+)="([^"]*)"/gi)) {
        expect(ATTRIBUTES.has(attr!.toLowerCase()), attr).toBe(true);
        if (attr === "href") expect(value).toMatch(/^https?:\/\//);
      }
    }
  });

  it("shows raw HTML as the text it is", () => {
    expect(html("<script>alert(1)</script>")).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html("Tekst <b>fet</b>")).toContain("Tekst &lt;b&gt;fet&lt;/b&gt;");
  });

  it("keeps the words of a refused link and drops the link", () => {
    expect(html("[klikk her](javascript:alert(1))")).toBe('<div class="md"><p>klikk her</p></div>');
  });

  it("accepts only absolute http and https addresses", () => {
    expect(safeHref("https://example.org/x")).toBe("https://example.org/x");
    expect(safeHref("http://example.org")).toBe("http://example.org/");
    for (const bad of ["javascript:alert(1)", " javascript:alert(1)", "data:text/html,x", "/relative", "mailto:a@b.no", "", null]) {
      expect(safeHref(bad)).toBeNull();
    }
  });

  it("decodes character references, and refuses ones that are not characters", () => {
    expect(decodeEntities("&#x26;&#38;&amp;&ukjent;")).toBe("&&&&ukjent;");
    expect(decodeEntities("&#0;&#xD800;&#99999999;")).toBe("\uFFFD\uFFFD\uFFFD");
  });
});
