// What the portal answers while the database cannot be reached: 503 with
// `{"error":"unavailable"}` from loaders and actions (the root ErrorBoundary
// renders it as the bilingual "temporarily unavailable" page, the API returns
// the JSON as it is), and the same from the Express error handler when the
// failure happens before Remix (resolving the session in getLoadContext).
// Nothing here remembers an outage: the next request tries the database again.
import type { ServerBuild } from "@remix-run/node";
import type { ErrorRequestHandler, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { isDatabaseUnavailable } from "@db/errors";
import { errors as en } from "~/i18n/locales/en/errors";
import { errors as nb } from "~/i18n/locales/nb/errors";

const RETRY_AFTER_SECONDS = "30";

export function unavailableResponse(): Response {
  return new Response(JSON.stringify({ error: "unavailable" }), {
    status: 503,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "Retry-After": RETRY_AFTER_SECONDS },
  });
}

let lastLogged = 0;
function logOutage(error: unknown) {
  // One line every ten seconds is enough to see the outage without flooding the log.
  if (Date.now() - lastLogged < 10_000) return;
  lastLogged = Date.now();
  const message = error instanceof Error ? error.message : String(error);
  console.error(`database unavailable: ${message}`);
}

type Handler = (args: never) => unknown;

function guard<F extends Handler>(handler: F): F {
  const guarded = async (args: never) => {
    try {
      return await handler(args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      logOutage(error);
      throw unavailableResponse();
    }
  };
  return guarded as unknown as F;
}

/** The Remix build with every loader and action answering 503 when the database is down. */
export function withOutageResponses(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    const module = { ...route.module };
    if (module.loader) module.loader = guard(module.loader);
    if (module.action) module.action = guard(module.action);
    routes[id] = { ...route, module };
  }
  return { ...build, routes };
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

/** A page that needs nothing from the database or the build: both languages, no script. */
export function staticErrorPage(status: 500 | 503): string {
  const kind = status === 503 ? "unavailable" : "server";
  const section = (t: typeof nb, lang: string) =>
    `<section lang="${lang}"><p>${escapeHtml(t.code.replace("{{status}}", String(status)))}</p><h${lang === "nb" ? 1 : 2}>${escapeHtml(t[kind].title)}</h${lang === "nb" ? 1 : 2}><p>${escapeHtml(t[kind].body)}</p><p><a href="/">${escapeHtml(t.goHome)}</a></p></section>`;
  return `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(nb[kind].title)} – Markedsdialog</title></head><body><main>${section(nb, "nb")}<hr>${section(en, "en")}</main></body></html>`;
}

function wantsJson(path: string) {
  return path === "/api" || path.startsWith("/api/") || path === "/healthz";
}

function answer(req: ExpressRequest, res: ExpressResponse, status: 500 | 503) {
  res.status(status).set("Cache-Control", "no-store");
  if (status === 503) res.set("Retry-After", RETRY_AFTER_SECONDS);
  if (wantsJson(req.path)) {
    res.json(req.path === "/healthz" ? { ok: false, db: "unavailable" } : { error: status === 503 ? "unavailable" : "server_error" });
  } else {
    res.type("html").send(staticErrorPage(status));
  }
}

/** The outage answer outside Remix: 503 JSON for the API and /healthz, the bilingual page otherwise. */
export function answerUnavailable(req: ExpressRequest, res: ExpressResponse) {
  answer(req, res, 503);
}

/** Express's last handler: never a stack trace, 503 while the database is away. */
export const errorHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  const unavailable = isDatabaseUnavailable(error);
  if (unavailable) logOutage(error);
  else console.error(error);
  answer(req, res, unavailable ? 503 : 500);
};
