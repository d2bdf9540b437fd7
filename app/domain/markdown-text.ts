import { Lexer, type Token, type Tokens } from "marked";

// Markdown written by buyers as plain text (meta descriptions, calendar entries, feeds):
// a pure function of the source, so the domain owns it and every layer may use it.
// The React rendering of the same source is app/components/markdown.tsx.

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** marked leaves character references in text as written; React escapes, so decode them. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : "\uFFFD";
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The words of a Markdown text, for meta descriptions and calendar entries. */
export function markdownToPlainText(source: string): string {
  const walk = (tokens: Token[]): string =>
    tokens
      .map((token) => {
        if ("tokens" in token && Array.isArray(token.tokens) && token.type !== "table") return walk(token.tokens);
        if (token.type === "list") return (token as Tokens.List).items.map((item) => `- ${walk(item.tokens)}`).join("\n");
        if (token.type === "br") return "\n";
        if (token.type === "space") return "\n";
        if (token.type === "text" || token.type === "escape" || token.type === "codespan" || token.type === "code") {
          return decodeEntities((token as Tokens.Text).text);
        }
        return token.raw;
      })
      .join("");
  const tokens = new Lexer({ gfm: true, breaks: true }).lex(source);
  return tokens
    .map((token) => walk([token]))
    .filter((text) => text.trim() !== "")
    .join("\n\n")
    .trim();
}
