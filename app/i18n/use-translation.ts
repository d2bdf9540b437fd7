import type { i18n as I18n } from "i18next";
import { useContext } from "react";
import { I18nContext } from "react-i18next";
import { createI18n, fixedT, type Translate } from "./i18n";
import { DEFAULT_LANGUAGE, isLanguage, type Namespace } from "./resources";

/**
 * The page's translate function for a namespace (the first of a list, as react-i18next's
 * default), from the instance the root layout provides. react-i18next's hook of the same name
 * makes, for every component on every server render, a copy of the i18next instance, a new
 * translate function and an external-store subscription: waste here, where an instance never
 * changes language (a switch reloads the document) and its resources are loaded before the
 * first render. This one hands out the shared function of fixedT.
 */
export function useTranslation(ns?: Namespace | readonly Namespace[]): { t: Translate; i18n: I18n } {
  const i18n = useContext(I18nContext)?.i18n ?? createI18n(DEFAULT_LANGUAGE);
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const namespace = typeof ns === "string" ? ns : (ns?.[0] ?? "common");
  return { t: fixedT(language, namespace), i18n };
}
