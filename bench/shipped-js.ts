import { gzipSync } from "node:zlib";

// JavaScript a page ships: every script and modulepreload asset its HTML names, each
// fetched and gzipped (level 9, what a static server or CDN would send), summed.

export interface ShippedJavaScript {
  assets: { href: string; bytes: number; gzip: number }[];
  gzipBytes: number;
}

export const JS_BUDGET_GZIP_BYTES = 120 * 1024;

/** The asset URLs of `<script src>` and `<link rel="modulepreload">` in an HTML document, plus inline module imports. */
export function scriptAssets(html: string): string[] {
  const hrefs = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const isPreload = /^<link/.test(tag) && /rel="modulepreload"/.test(tag);
    const attribute = /^<script/.test(tag) ? /\bsrc="([^"]+)"/.exec(tag) : isPreload ? /\bhref="([^"]+)"/.exec(tag) : null;
    if (attribute?.[1]) hrefs.add(attribute[1]);
  }
  // Remix's inline module script imports the manifest, the entry and the route modules.
  for (const [, href] of html.matchAll(/import(?:\s+\*\s+as\s+\w+\s+from)?\s*"(\/build\/[^"]+\.js)"/g)) hrefs.add(href!);
  return [...hrefs];
}

export async function shippedJavaScript(base: string, path: string): Promise<ShippedJavaScript> {
  const html = await (await fetch(base + path)).text();
  const assets = await Promise.all(
    scriptAssets(html).map(async (href) => {
      const body = Buffer.from(await (await fetch(new URL(href, base))).arrayBuffer());
      return {
        href,
        bytes: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
      };
    }),
  );
  return { assets, gzipBytes: assets.reduce((sum, a) => sum + a.gzip, 0) };
}
