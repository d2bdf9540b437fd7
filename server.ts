// The portal's HTTP server: opens (and migrates) the database, then serves the
// Remix build. `npm start` builds first; `npm run dev` runs this under remix dev.
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import cluster from "node:cluster";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { closeDatabase, initDatabase } from "./db/db.server";
import { listenForChanges, withJobLock } from "./db/coordination";
import { runCluster } from "./cluster";
import { webProcesses } from "./app/domain/web-processes";
import { seedDemoOnFirstStart } from "./db/seed/demo";
import { startOutboxWorker } from "./emails/sender.server";
import { scheduledJobs } from "./app/jobs/index.server";
import { startScheduledJobs } from "./app/jobs/scheduler.server";
import { createAppContext } from "./app/auth/context.server";
import { sealPlainTotpKeys } from "./app/models/two-factor.server";
import { isCrossSiteMutation } from "./app/auth/csrf";
import { SESSION_COOKIE } from "./app/auth/lucia.server";
import { publicPageCacheMiddleware } from "./app/http/public-page-cache.server";
import { pageCacheViewer, type ResolvedContext } from "./app/http/page-cache-viewer.server";
import { errorHandler, withOutageResponses } from "./app/http/outage.server";
import { gracefulShutdown } from "./app/http/shutdown.server";
import { turnTaking } from "./app/http/turn-taking.server";
import { createNonce, securityHeadersFor } from "./app/http/security-headers";
import { MISSING_PUBLIC_URL } from "./app/http/public-url.server";
import { secretEncryptionKey } from "./app/auth/secret-box.server";
import { normaliseRequestPath } from "./app/http/request-url";
import { answerToMethod, rawMethodNotAllowed, READ_ONLY_ALLOW } from "./app/http/methods";
import { carriesCredentials, sessionCacheHeaders } from "./app/http/session-cache";

installGlobals();

const BUILD_PATH = path.resolve("build/index.js");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const development = process.env.NODE_ENV === "development";

// Links in e-mails and feeds are built from PUBLIC_URL only, never from the request's Host
// (app/http/public-url.server.ts); a production server without it would have no address to give.
if (process.env.NODE_ENV === "production" && !process.env.PUBLIC_URL) {
  console.error(MISSING_PUBLIC_URL);
  process.exit(1);
}

// Only single sign-on and setting up an authenticator app need SECRET_ENCRYPTION_KEY: without it
// (or with a malformed one) the portal starts, says so once, and refuses those two (ADR 0034, 0035).
const secretKey = secretEncryptionKey();
if (!secretKey.ok && cluster.isPrimary) console.warn(`${secretKey.message} Everything else works without it.`);

// Several web processes on one PostgreSQL server (WEB_CONCURRENCY=N, ADR 0026): this process
// becomes their primary (cluster.ts) and goes no further; each of them runs the rest of this file.
const processes = webProcesses(process.env);
if (cluster.isPrimary && processes.notice) console.warn(processes.notice);
if (cluster.isPrimary && processes.count > 1) await runCluster(processes.count);

// Every loader and action answers 503 while the database is unreachable (app/http/outage.server.ts).
async function loadBuild(): Promise<ServerBuild> {
  return withOutageResponses((await import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`)) as ServerBuild);
}

const handle = await initDatabase();
await seedDemoOnFirstStart(handle);
// TOTP keys still in the clear (written before migration 0065, or the demo key) are sealed now
// when SECRET_ENCRYPTION_KEY is set, so a copy of the database cannot make codes (ADR 0035).
const sealedTotpKeys = await sealPlainTotpKeys(handle.db);
if (sealedTotpKeys > 0) console.log(`Sealed ${sealedTotpKeys} TOTP key(s) stored in the clear.`);
// Delivers queued e-mail (SMTP_URL, or .eml files under OUTBOX_DIR) every 5 seconds.
const stopOutbox = startOutboxWorker({ db: handle.db, intervalMs: Number(process.env.OUTBOX_INTERVAL_MS ?? 5000) });
// Reminders and digests (app/jobs): each job on its own timer. On a PostgreSQL server every
// web process runs them, and a job's advisory lock keeps each round to one process (ADR 0026).
const stopJobs = startScheduledJobs({
  db: handle.db,
  jobs: scheduledJobs,
  exclusive: handle.kind === "postgres" ? (name, round) => withJobLock(handle.db, name, round) : undefined,
  everyMs: process.env.JOB_INTERVAL_MS ? Number(process.env.JOB_INTERVAL_MS) : undefined,
});
// Changes other processes commit empty this one's page and scorecard caches (PostgreSQL server).
const stopListening = await listenForChanges(handle);
const build = await loadBuild();

const app = express();
app.disable("x-powered-by");
// Graceful shutdown (app/http/shutdown.server.ts): the work that may use the database is tracked,
// so the database closes only after the last request has its answer.
const GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 8000);
const lifecycle = gracefulShutdown({
  stopWorkers: () => Promise.all([stopOutbox(), stopJobs(), stopListening().catch(() => {})]),
  closeDatabase,
  graceMs: GRACE_MS,
});
// On the embedded database every request runs in this one thread: requests start in arrival
// order, one per turn of the event loop, so new connections are taken in while it is busy.
if (handle.kind === "pglite") app.use(turnTaking());
app.use(lifecycle.gate);
// Behind a reverse proxy set TRUST_PROXY (e.g. "loopback") so req.ip is the client's address.
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
// Security headers on every response, static files and API included; the
// nonce lets through only the inline scripts Remix renders for this request.
app.use((req, res, next) => {
  const nonce = createNonce();
  res.locals.cspNonce = nonce;
  res.set(securityHeadersFor(req.path, { nonce, development }));
  next();
});
// An answer given before the request's body has all arrived (a body beyond its size limit,
// app/http/body-limit.server.ts) closes the connection: the rest of the body is never read.
app.use((req, res, next) => {
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
    if (!req.complete) this.setHeader("Connection", "close");
    return writeHead.apply(this, args);
  } as typeof res.writeHead;
  next();
});
// Methods the portal does not serve (TRACE, PUT, WebDAV…) are 405 with an Allow header before
// any route sees them (app/http/methods.ts); Remix's own 405 (a write to a page without an
// action) gains the Allow header it leaves out.
app.use((req, res, next) => {
  const answer = answerToMethod(req.method, req.path);
  if (answer) return void res.status(answer.status).set(answer.headers).send(answer.body);
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
    if (args[0] === 405 && !this.getHeader("Allow")) this.setHeader("Allow", READ_ONLY_ALLOW);
    return writeHead.apply(this, args);
  } as typeof res.writeHead;
  next();
});
app.use(compression());
// Route params and query strings normalised once, here, like every form and JSON text
// (app/http/request-url.ts); a path with a NUL or another control character names no page.
app.use((req, res, next) => {
  const normal = normaliseRequestPath(req.url);
  if (normal === "no_such_path") {
    res.status(404).type("text/plain; charset=utf-8").send("Siden finnes ikke. / Not found.");
    return;
  }
  req.url = normal;
  next();
});
// Fingerprinted assets can be cached for ever; everything else in public/ for an hour.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
// Only a path with a file extension can name a file there (favicon.svg): pages skip the disk.
const publicFiles = express.static("public", { maxAge: "1h" });
app.use((req, res, next) => (/\.[A-Za-z0-9]+$/.test(req.path) ? publicFiles(req, res, next) : next()));

// Refuse state-changing requests that a browser sent from another site (CSRF).
app.use((req, res, next) => {
  const crossSite = isCrossSiteMutation({
    method: req.method,
    host: req.headers.host ?? null,
    origin: req.headers.origin ?? null,
    referer: req.headers.referer ?? null,
    secFetchSite: (req.headers["sec-fetch-site"] as string | undefined) ?? null,
    hasBearerToken: /^Bearer /i.test(req.headers.authorization ?? ""),
  });
  if (crossSite) {
    res.status(403).type("text/plain; charset=utf-8").send("Forespørselen kom fra et annet nettsted og er avvist. / Cross-site request refused.");
    return;
  }
  next();
});

// Everything past the static files depends on cookies (session, language): it varies on
// Cookie and Authorization, and an answer to a signed-in request is private, so a shared
// cache never gives one member's page to anyone else (app/http/session-cache.ts). Before
// the page cache, so its hits are told the same.
app.use((req, res, next) => {
  const signedIn = carriesCredentials(req.headers, SESSION_COOKIE);
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
    const header = (name: string) => (this.getHeader(name) === undefined ? null : String(this.getHeader(name)));
    const { cacheControl, vary } = sessionCacheHeaders(signedIn, { cacheControl: header("Cache-Control"), vary: header("Vary") });
    if (cacheControl !== null) this.setHeader("Cache-Control", cacheControl);
    if (vary !== null) this.setHeader("Vary", vary);
    return writeHead.apply(this, args);
  } as typeof res.writeHead;
  next();
});

// Who is asking, resolved once per request (the page cache may need it before Remix does) and
// handed to every loader and action.
function resolveAppContext(req: express.Request, res: express.Response): Promise<ResolvedContext> {
  return ((res.locals.appContext as Promise<ResolvedContext> | undefined) ??= createAppContext({
    cookieHeader: req.headers.cookie ?? null,
    authorization: req.headers.authorization ?? null,
    ip: req.ip ?? null,
    userAgent: req.headers["user-agent"] ?? null,
  }));
}

// Public pages, kept while nothing they show has changed (ADR 0009; PAGE_CACHE=off turns it
// off): for anonymous visitors, and for a signed-in person keyed by who they are and what the
// header shows of them, read fresh on every request (ADR 0039). The scorecards' figures are
// themselves kept for up to five minutes (ADR 0011) and say when they were computed; the page
// cache adds at most its ten seconds to that. The demand API's answer is the same for everyone.
if (process.env.PAGE_CACHE !== "off") {
  const samePathsForEveryone = ["/api/v1/demand"];
  // The home page and the demand pages show events, organisations, standards and consultations
  // only: other changes (an interaction logged, a registration) leave them cached. The scorecards count those.
  const demandPaths = ["/", "/demand", "/demand/pipeline", ...samePathsForEveryone];
  const cached = publicPageCacheMiddleware(() => handle.db, {
    paths: [...demandPaths, "/insights", /^\/buyers\/[^/]+$/],
    epochScope: (path) => (demandPaths.includes(path) ? "demand" : "all"),
    sessionCookie: SESSION_COOKIE,
    viewer: async (req, res) => pageCacheViewer(handle.db, await resolveAppContext(req as express.Request, res as unknown as express.Response), req, samePathsForEveryone),
  });
  app.use((req, res, next) => void lifecycle.track(res, () => cached({ req, res: res as never }, next)));
}

async function getLoadContext(req: express.Request, res: express.Response) {
  const { context, setCookie } = await resolveAppContext(req, res);
  if (setCookie) res.append("Set-Cookie", setCookie);
  return { ...context, cspNonce: res.locals.cspNonce as string };
}

const remix = development
  ? async (req: express.Request, res: express.Response, next: express.NextFunction) => {
      try {
        return await createRequestHandler({ build: await loadBuild(), mode: "development", getLoadContext })(req, res, next);
      } catch (error) {
        next(error);
      }
    }
  : createRequestHandler({ build, mode: build.mode, getLoadContext });
app.all("*", (req, res, next) => void lifecycle.track(res, () => remix(req, res, next)));
// Errors outside loaders and actions (e.g. the session lookup while the database is down).
app.use(errorHandler);

const server = app.listen(port, host, () => {
  const shown = host === "0.0.0.0" ? "localhost" : host;
  console.log(`Markedsdialog is running at http://${shown}:${port} (database: ${handle.location})`);
  if (development) void broadcastDevReady(build);
});
// Methods Node's parser does not know (TRACK, made-up ones) and CONNECT never reach Express.
// Other parse errors get Node's own answers (431, 408, 400), which a listener here replaces.
const PARSER_ANSWERS: Record<string, string> = { HPE_HEADER_OVERFLOW: "431 Request Header Fields Too Large", ERR_HTTP_REQUEST_TIMEOUT: "408 Request Timeout" };
server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
  if (!socket.writable || error.code === "ECONNRESET") return void socket.destroy();
  if (error.code === "HPE_INVALID_METHOD") return void socket.end(rawMethodNotAllowed());
  socket.end(`HTTP/1.1 ${PARSER_ANSWERS[error.code ?? ""] ?? "400 Bad Request"}\r\nConnection: close\r\n\r\n`);
});
server.on("connect", (_req, socket) => void socket.end(rawMethodNotAllowed()));

// Graceful shutdown: stop accepting, let the requests in flight finish (those still running
// after SHUTDOWN_GRACE_MS, default 8 s, are answered 503), stop the outbox and job runners,
// then close the database and exit 0.
const shutdown = (signal: string) => {
  // The backstop: whatever happens, the process ends.
  setTimeout(() => process.exit(1), GRACE_MS + 5000).unref();
  void lifecycle.shutdown(server, signal).then(() => process.exit(0));
};
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
