import { db } from "@db/db.server";
import { watchFilter } from "~/domain/watches";
import type { Language } from "~/i18n/resources";
import { demandHref } from "~/models/demand.server";
import { latestForWatch, type listWatches } from "~/models/watches.server";
import { describeDemandFilter } from "~/i18n/demand-filter-text";

/** Each watch as the page shows it: its filter in words, the demand list it opens, and the latest matches. */
export function watchRows(watches: Awaited<ReturnType<typeof listWatches>>, language: Language, names: Record<string, string>) {
  return Promise.all(
    watches.map(async (watch) => {
      const filter = watchFilter(watch.query);
      return {
        ...watch,
        filterLines: describeDemandFilter(filter, language, names),
        demandHref: demandHref("/demand", filter),
        latest: await latestForWatch(db(), watch.query),
      };
    }),
  );
}
