// Organisation addresses (/organisations/<slug>) are read aloud and typed by
// people, so Norwegian letters are spelt the way Norwegians write them in URLs.
const LETTERS: Record<string, string> = { æ: "ae", ø: "o", å: "a", ä: "a", ö: "o", ü: "u", ß: "ss" };

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 60;

/** Whether a text could be an organisation's slug at all; anything else (a NUL, 10 000 characters) names no organisation and is not looked up. */
export const isSlug = (value: string | undefined): value is string => value !== undefined && value.length <= SLUG_MAX_LENGTH + 12 && SLUG_PATTERN.test(value);

/** "Bergvik kommune" → "bergvik-kommune", "Sør-Ålesund Helse AS" → "sor-alesund-helse-as". */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[æøåäöüß]/g, (c) => LETTERS[c] ?? c)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, "");
  return slug || "organisasjon";
}

/** The first of base, base-2, base-3 … that is not taken. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
