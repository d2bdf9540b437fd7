import { accessibility as accessibilityNb } from "./locales/nb/accessibility";
import { admin as adminNb } from "./locales/nb/admin";
import { common as commonNb } from "./locales/nb/common";
import { errors as errorsNb } from "./locales/nb/errors";
import { home as homeNb } from "./locales/nb/home";
import { organisations as organisationsNb } from "./locales/nb/organisations";
import { accessibility as accessibilityEn } from "./locales/en/accessibility";
import { admin as adminEn } from "./locales/en/admin";
import { common as commonEn } from "./locales/en/common";
import { errors as errorsEn } from "./locales/en/errors";
import { home as homeEn } from "./locales/en/home";
import { organisations as organisationsEn } from "./locales/en/organisations";

export const LANGUAGES = ["nb", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "nb";

export const resources = {
  nb: { common: commonNb, home: homeNb, errors: errorsNb, accessibility: accessibilityNb, organisations: organisationsNb, admin: adminNb },
  en: { common: commonEn, home: homeEn, errors: errorsEn, accessibility: accessibilityEn, organisations: organisationsEn, admin: adminEn },
} as const;

export const NAMESPACES = Object.keys(resources.nb) as (keyof (typeof resources)["nb"])[];

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
