// Counties (fylker) from 1 January 2024, plus "national" for events that cover
// the whole country. Codes are stable identifiers; names come from i18n.
export const REGIONS = [
  "national",
  "oslo",
  "rogaland",
  "more_og_romsdal",
  "nordland",
  "ostfold",
  "akershus",
  "buskerud",
  "innlandet",
  "vestfold",
  "telemark",
  "agder",
  "vestland",
  "trondelag",
  "troms",
  "finnmark",
] as const;
export type Region = (typeof REGIONS)[number];
