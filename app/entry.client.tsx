import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { addLanguageResources, type LanguageResources } from "~/i18n/i18n";
import { DEFAULT_LANGUAGE, isLanguage } from "~/i18n/resources";

// The page's translations come as data (preloaded by root.tsx), not in the script bundle.
// Without them the page stays as the server rendered it, which works without JavaScript.
async function loadTranslations() {
  const lang = document.documentElement.lang;
  const language = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
  const link = document.getElementById("i18n-resources") as HTMLLinkElement | null;
  const response = await fetch(link?.href ?? `/locales/${language}`);
  if (!response.ok) throw new Error(`translations: ${response.status}`);
  addLanguageResources(language, (await response.json()) as LanguageResources);
}

void loadTranslations().then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
