import { sql, type Expression, type SqlBool } from "kysely";
import { likePatternOf, tsqueryOf, type SearchAlternative, type ShapedSearch } from "~/domain/search-query";

// Text search (issue 14, app/domain/search-query.ts). What was typed is found as a stemmed
// word or word start in the `norwegian` document (GIN index), or inside a compound in the
// lower-case search_text (trigram index, migration 0016). Synonyms are found in search_text
// only, unless too short: a phrase in the full-text index costs a recheck of every event
// holding each of its words, a trigram lookup of the phrase does not. The tsquery text is
// built from words of letters, digits and inner hyphens only, and goes in as a parameter.
const tsquery = (alternatives: SearchAlternative[]) =>
  sql`to_tsquery('norwegian', ${alternatives.map((a) => `(${tsqueryOf(a)})`).join(" | ")})`;

/** Synonyms long enough to look up inside words are looked up there only. */
const byFullText = (a: SearchAlternative) => a.typed || likePatternOf(a) === null;

/** The tables that carry search_document and search_text (events, and consultations since 0068). */
export type SearchedTable = "events" | "consultations";

function groupFound(alternatives: SearchAlternative[], table: SearchedTable) {
  const fullText = alternatives.filter(byFullText);
  const t = sql.raw(table);
  const inside = alternatives.flatMap((a) => {
    const pattern = likePatternOf(a);
    return pattern === null ? [] : [sql<SqlBool>`${t}.search_text like ${pattern}`];
  });
  const found = fullText.length ? [sql<SqlBool>`${t}.search_document @@ ${tsquery(fullText)}`, ...inside] : inside;
  return sql<SqlBool>`(${sql.join(found, sql` or `)})`;
}

/** The condition that `table`'s row holds what was searched for. */
export function searchCondition(search: ShapedSearch, table: SearchedTable = "events") {
  // Stop words alone find nothing, as they did before: the reader typed something.
  if (!search.groups.length) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.join(
    search.groups.map((g) => (g.negated ? sql<SqlBool>`not ${groupFound(g.alternatives, table)}` : groupFound(g.alternatives, table))),
    sql` and `,
  )}`;
}

// Relevance: the full-text rank (title A > buyer B > description C) of what was typed, and
// for each word or phrase found inside a compound a bonus, larger in the title. Whole words
// thus rank above compound parts, and synonyms count half of what was typed.
export function relevance(search: ShapedSearch, table: SearchedTable = "events"): Expression<unknown> {
  const t = sql.raw(table);
  const wanted = search.groups.filter((g) => !g.negated).flatMap((g) => g.alternatives);
  const typed = wanted.filter((a) => a.typed);
  const shortSynonyms = wanted.filter((a) => !a.typed && byFullText(a));
  const parts = [sql`ts_rank(${t}.search_document, ${tsquery(typed)})::float8`];
  if (shortSynonyms.length) parts.push(sql`0.5 * ts_rank(${t}.search_document, ${tsquery(shortSynonyms)})::float8`);
  for (const a of wanted) {
    const pattern = likePatternOf(a);
    if (pattern === null) continue;
    const weight = a.typed ? 1 : 0.5;
    parts.push(sql`(case when lower(${t}.title) like ${pattern} then ${sql.lit(0.3 * weight)} else 0 end)`);
    parts.push(sql`(case when ${t}.search_text like ${pattern} then ${sql.lit(0.1 * weight)} else 0 end)`);
  }
  return sql`(${sql.join(parts, sql` + `)})::float8`;
}
