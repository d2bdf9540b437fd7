import { createInstance, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { bundledResources } from "./bundled-resources.server";
import { DEFAULT_LANGUAGE, type Language, type Namespace, type resources } from "./resources";

export type LanguageResources = (typeof resources)[Language];

// On the server every language is bundled. In the browser this starts empty: entry.client
// fetches the page's language (/locales/{language}) and adds it before hydrating, so the
// translations are not part of the JavaScript every page ships.
const loaded: Partial<Record<Language, LanguageResources>> = {
  ...(bundledResources as typeof resources | undefined),
};
const instances = new Map<Language, I18n>();

export function addLanguageResources(language: Language, bundle: LanguageResources) {
  loaded[language] = bundle;
  instances.delete(language);
  for (const key of fixedTs.keys()) if (key.startsWith(`${language}|`)) fixedTs.delete(key);
}

/**
 * The i18next instance for one language, made once and shared: resources are in memory, so
 * init is synchronous, and nothing changes an instance's language after it is made.
 */
export function createI18n(language: Language): I18n {
  const existing = instances.get(language);
  if (existing) return existing;
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ["nb", "en"],
    resources: loaded,
    ns: Object.keys(loaded[language] ?? loaded[DEFAULT_LANGUAGE] ?? {}),
    defaultNS: "common",
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnObjects: true,
    showSupportNotice: false,
  });
  instances.set(language, instance);
  return instance;
}

const fixedTs = new Map<string, ReturnType<I18n["getFixedT"]>>();

/** A translate function for loaders, actions and e-mails (made once per language and namespace). */
export function fixedT(language: Language, namespace?: Namespace) {
  const key = `${language}|${namespace ?? "common"}`;
  let t = fixedTs.get(key);
  if (!t) fixedTs.set(key, (t = createI18n(language).getFixedT(language, namespace ?? "common")));
  return t;
}
