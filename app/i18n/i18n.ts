import { createInstance, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LANGUAGE, NAMESPACES, resources, type Language } from "./resources";

/** A ready i18next instance for one language (resources are bundled, so init is synchronous). */
export function createI18n(language: Language): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ["nb", "en"],
    resources,
    ns: NAMESPACES,
    defaultNS: "common",
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnObjects: true,
    showSupportNotice: false,
  });
  return instance;
}

/** A translate function for loaders, actions and e-mails. */
export function fixedT(language: Language, namespace?: (typeof NAMESPACES)[number]) {
  return createI18n(language).getFixedT(language, namespace ?? "common");
}
