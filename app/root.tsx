import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { Notice } from "~/components/forms/buttons";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { createI18n, fixedT } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { getLanguage } from "~/i18n/language.server";
import { resourcesHref } from "~/i18n/published-resources.server";
import { signedInView } from "~/models/header-account.server";
import { db } from "@db/db.server";
import { requireNoPendingStep } from "~/auth/guards.server";
import { DEFAULT_LANGUAGE, type Language } from "~/i18n/resources";
import { useNonce } from "~/http/nonce";
import { errorKind } from "~/http/error-kind";
import stylesheet from "~/styles/built.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// Routes set their own titles; this one is used when an error boundary renders.
export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  const t = fixedT(data?.language ?? DEFAULT_LANGUAGE, "errors");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title =
    status === 404 ? t("notFound.title") : status === 403 ? t("forbidden.title") : status === 503 ? t("unavailable.title") : t("server.title");
  return [{ title: `${title} – Markedsdialog` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  // A sign-in waiting for its second factor opens nothing but that step.
  requireNoPendingStep({ request, context });
  const language = await getLanguage(request);
  const url = new URL(request.url);
  const user = context.auth?.user ?? null;
  // The header's account and, back from the e-mailed link (verify-email), the notice that the
  // address is confirmed. Read by the page cache already when it keyed this request by them (ADR 0039).
  const view = user ? (context.signedInView ?? (await signedInView(db(), user, url))) : null;
  return json({
    language,
    translations: resourcesHref(language),
    path: url.pathname + url.search,
    account: view?.account ?? null,
    emailConfirmed: view?.emailConfirmed ?? false,
  });
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const language: Language = data?.language ?? DEFAULT_LANGUAGE;
  // One instance per language, made on first use and shared by every request (i18n.ts).
  const i18n = createI18n(language);
  const nonce = useNonce();
  return (
    <html lang={language} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {/* entry.client fetches this language's translations before hydrating (see i18n.ts). At low
            priority: the page is whole without them (it works without JavaScript), so they must not
            compete with the stylesheet for a phone's first paint (issue 20, Lighthouse). Lower-case,
            as React 18 passes it through; its types know only `fetchPriority`, which React 18 warns about. */}
        <link id="i18n-resources" rel="preload" as="fetch" crossOrigin="anonymous" href={data?.translations ?? `/locales/${language}`} {...{ fetchpriority: "low" }} />
        <Links />
        {/* Zod compiles validators with `new Function` when it may; the Content-Security-Policy
            forbids eval, and even Zod's probe for it is reported as a violation. Set before
            any module (and so any schema) loads. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: "globalThis.__zod_globalConfig={jitless:true};" }} />
      </head>
      <body className="flex min-h-full flex-col bg-slate-50 text-slate-900 antialiased">
        <I18nextProvider i18n={i18n}>
          <SkipLink />
          <SiteHeader language={language} currentPath={data?.path ?? "/"} account={data?.account ?? null} />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none">
            {data?.emailConfirmed ? <EmailConfirmed /> : null}
            {children}
          </main>
          <SiteFooter />
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function EmailConfirmed() {
  const { t } = useTranslation("auth");
  return (
    <div className="mb-6">
      <Notice>{t("verify.done")}</Notice>
    </div>
  );
}

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-brand-800 focus:shadow"
    >
      {t("skipToContent")}
    </a>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation("errors");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = errorKind(status);
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <section aria-labelledby="error-title" className="mx-auto max-w-2xl py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("code", { status })}</p>
      <h1 id="error-title" className="mt-2 text-3xl font-bold">
        {t(`${kind}.title`)}
      </h1>
      <p className="mt-4 text-lg text-slate-700">{t(`${kind}.body`)}</p>
      <p className="mt-8">
        <a href="/" className="font-semibold text-brand-700 underline hover:text-brand-800">
          {t("goHome")}
        </a>
      </p>
    </section>
  );
}
