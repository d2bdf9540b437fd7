import { Lexer, type Token, type Tokens } from "marked";
import { Fragment, type ReactNode } from "react";
import { decodeEntities } from "~/domain/markdown-text";

// Markdown written by buyers, shown to everyone: parsed by marked's lexer only, and every
// token rendered as a React element, so text is always escaped by React and nothing is
// ever set as HTML. Raw HTML in the source is shown as the text it is; links are kept
// only for http(s) addresses; images become links (no third-party requests from the page).

/** The address when it is an absolute http(s) URL, else null (javascript:, data:, relative …). */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(decodeEntities(href.trim()));
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function inline(tokens: Token[] | undefined, key: string): ReactNode {
  if (!tokens) return null;
  return tokens.map((token, i) => <Fragment key={`${key}.${i}`}>{inlineToken(token, `${key}.${i}`)}</Fragment>);
}

function inlineToken(token: Token, key: string): ReactNode {
  switch (token.type) {
    case "text": {
      const t = token as Tokens.Text;
      return t.tokens ? inline(t.tokens, key) : decodeEntities(t.text);
    }
    case "escape":
      return (token as Tokens.Escape).text;
    case "strong":
      return <strong>{inline((token as Tokens.Strong).tokens, key)}</strong>;
    case "em":
      return <em>{inline((token as Tokens.Em).tokens, key)}</em>;
    case "del":
      return <del>{inline((token as Tokens.Del).tokens, key)}</del>;
    case "codespan":
      return <code className="rounded bg-slate-100 px-1">{decodeEntities((token as Tokens.Codespan).text)}</code>;
    case "br":
      return <br />;
    case "link": {
      const link = token as Tokens.Link;
      const href = safeHref(link.href);
      const children = inline(link.tokens, key);
      return href ? (
        <a href={href} rel="nofollow noopener noreferrer" className="text-brand-700 underline hover:text-brand-800">
          {children}
        </a>
      ) : (
        children
      );
    }
    case "image": {
      const image = token as Tokens.Image;
      const href = safeHref(image.href);
      const label = decodeEntities(image.text || image.href);
      return href ? (
        <a href={href} rel="nofollow noopener noreferrer" className="text-brand-700 underline hover:text-brand-800">
          {label}
        </a>
      ) : (
        label
      );
    }
    default:
      // Raw HTML and anything else: shown as written, escaped.
      return token.raw;
  }
}

function block(token: Token, key: string): ReactNode {
  switch (token.type) {
    case "space":
      return null;
    case "paragraph":
      return <p>{inline((token as Tokens.Paragraph).tokens, key)}</p>;
    case "text": {
      const t = token as Tokens.Text;
      return t.tokens ? inline(t.tokens, key) : decodeEntities(t.text);
    }
    case "heading": {
      // The page owns h1 and h2; headings in a description sit below the section's own.
      const h = token as Tokens.Heading;
      const children = inline(h.tokens, key);
      return h.depth <= 2 ? <h3 className="text-lg font-semibold">{children}</h3> : <h4 className="font-semibold">{children}</h4>;
    }
    case "list": {
      const list = token as Tokens.List;
      const items = list.items.map((item, i) => <li key={`${key}.${i}`}>{blocks(item.tokens, `${key}.${i}`)}</li>);
      return list.ordered ? (
        <ol className="list-decimal space-y-1 pl-6" start={typeof list.start === "number" && list.start !== 1 ? list.start : undefined}>
          {items}
        </ol>
      ) : (
        <ul className="list-disc space-y-1 pl-6">{items}</ul>
      );
    }
    case "blockquote":
      return <blockquote className="border-l-4 border-slate-300 pl-4 text-slate-700">{blocks((token as Tokens.Blockquote).tokens, key)}</blockquote>;
    case "code":
      return (
        <pre className="overflow-x-auto rounded bg-slate-100 p-3 text-sm">
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case "hr":
      return <hr className="border-slate-200" />;
    case "table": {
      const table = token as Tokens.Table;
      return (
        <table className="text-left text-sm">
          <thead>
            <tr>
              {table.header.map((cell, i) => (
                <th key={i} scope="col" className="border-b border-slate-300 px-2 py-1">
                  {inline(cell.tokens, `${key}.h${i}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c} className="border-b border-slate-200 px-2 py-1">
                    {inline(cell.tokens, `${key}.${r}.${c}`)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    default:
      // Block HTML and anything unknown: shown as written, escaped.
      return <p className="whitespace-pre-line">{token.raw.trim()}</p>;
  }
}

function blocks(tokens: Token[], key: string): ReactNode {
  return tokens.map((token, i) => <Fragment key={`${key}.${i}`}>{block(token, `${key}.${i}`)}</Fragment>);
}

/** Markdown source as React elements: paragraphs, line breaks, lists, emphasis, http(s) links. */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const tokens = new Lexer({ gfm: true, breaks: true }).lex(source);
  return <div className={className ?? "space-y-3"}>{blocks(tokens, "md")}</div>;
}
