import { accessibility as accessibilityNb } from "./locales/nb/accessibility";
import { auth as authNb } from "./locales/nb/auth";
import { forms as formsNb } from "./locales/nb/forms";
import { common as commonNb } from "./locales/nb/common";
import { errors as errorsNb } from "./locales/nb/errors";
import { home as homeNb } from "./locales/nb/home";
import { conduct as conductNb } from "./locales/nb/conduct";
import { accessibility as accessibilityEn } from "./locales/en/accessibility";
import { auth as authEn } from "./locales/en/auth";
import { forms as formsEn } from "./locales/en/forms";
import { common as commonEn } from "./locales/en/common";
import { errors as errorsEn } from "./locales/en/errors";
import { home as homeEn } from "./locales/en/home";
import { conduct as conductEn } from "./locales/en/conduct";

export const LANGUAGES = ["nb", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "nb";

export const resources = {
  nb: { common: commonNb, home: homeNb, errors: errorsNb, accessibility: accessibilityNb, auth: authNb, forms: formsNb, conduct: conductNb },
  en: { common: commonEn, home: homeEn, errors: errorsEn, accessibility: accessibilityEn, auth: authEn, forms: formsEn, conduct: conductEn },
} as const;

export const NAMESPACES = Object.keys(resources.nb) as (keyof (typeof resources)["nb"])[];

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
