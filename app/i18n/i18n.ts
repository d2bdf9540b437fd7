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
  translators.delete(language);
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

export type Translate = ReturnType<I18n["getFixedT"]>;

const translators = new Map<Language, Map<Namespace, Translate>>();

/**
 * A translate function for one language and namespace, made once and shared by every component
 * (useTranslation), loader, action and e-mail. A plain key (no options) always gives the same
 * text, so its text is kept after the first lookup: i18next's path costs microseconds per call
 * and a page makes hundreds of such calls (issue 20's profile of /demand). Calls with options
 * (interpolation, plurals, context) go to i18next every time, through its instance's t: its
 * getFixedT copies all of i18next's options on every call, for key selectors we do not use.
 */
export function fixedT(language: Language, namespace: Namespace = "common"): Translate {
  let byNamespace = translators.get(language);
  if (!byNamespace) translators.set(language, (byNamespace = new Map()));
  let t = byNamespace.get(namespace);
  if (!t) byNamespace.set(namespace, (t = translator(createI18n(language), language, namespace)));
  return t;
}

type Call = (...args: unknown[]) => unknown;

function translator(i18n: I18n, language: Language, namespace: Namespace): Translate {
  const fixed = i18n.getFixedT(language, namespace) as unknown as Call;
  const translate = i18n.t.bind(i18n) as unknown as Call;
  const texts = new Map<string, string>();
  const t = (...args: unknown[]): unknown => {
    const [key, options] = args;
    if (args.length === 1 && typeof key === "string") {
      const known = texts.get(key);
      if (known !== undefined) return known;
      const text = translate(key, { lng: language, ns: namespace });
      // Objects (returnObjects) are made anew on every call, and a caller may change its copy.
      if (typeof text === "string") texts.set(key, text);
      return text;
    }
    if (args.length === 2 && typeof options === "object" && options !== null) {
      const given = options as { lng?: string; ns?: string | readonly string[] };
      return translate(key, { ...options, lng: given.lng || language, ns: given.ns || namespace });
    }
    // A default value in place of the options, or more arguments: i18next sorts those out.
    return fixed(...args);
  };
  return t as unknown as Translate;
}
