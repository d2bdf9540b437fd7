import { createHash } from "node:crypto";
import { bundledResources } from "./bundled-resources.server";
import type { Language } from "./resources";

// The translations the browser fetches (/locales/{language}?v=…), serialised once per
// process; the version is a hash of the text, so a URL with it can be cached for ever.
const published = new Map<Language, { body: string; version: string }>();

export function publishedResources(language: Language) {
  let entry = published.get(language);
  if (!entry) {
    const body = JSON.stringify(bundledResources[language]);
    entry = {
      body,
      version: createHash("sha256").update(body).digest("hex").slice(0, 12),
    };
    published.set(language, entry);
  }
  return entry;
}

/** Where the browser fetches one language's translations. */
export const resourcesHref = (language: Language) => `/locales/${language}?v=${publishedResources(language).version}`;
