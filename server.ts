// The portal's HTTP server: opens (and migrates) the database, then serves the
// Remix build. `npm start` builds first; `npm run dev` runs this under remix dev.
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { closeDatabase, initDatabase } from "./db/db.server";

installGlobals();

const BUILD_PATH = path.resolve("build/index.js");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

async function loadBuild(): Promise<ServerBuild> {
  return (await import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`)) as ServerBuild;
}

const handle = await initDatabase();
const build = await loadBuild();

const app = express();
app.disable("x-powered-by");
app.use(compression());
// Fingerprinted assets can be cached for ever; everything else in public/ for an hour.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

app.all(
  "*",
  process.env.NODE_ENV === "development"
    ? async (req, res, next) => {
        try {
          return createRequestHandler({ build: await loadBuild(), mode: "development" })(req, res, next);
        } catch (error) {
          next(error);
        }
      }
    : createRequestHandler({ build, mode: build.mode }),
);

const server = app.listen(port, host, () => {
  const shown = host === "0.0.0.0" ? "localhost" : host;
  console.log(`Markedsdialog is running at http://${shown}:${port} (database: ${handle.kind === "pglite" ? "embedded PGlite in ./data/pglite" : "PostgreSQL server"})`);
  if (process.env.NODE_ENV === "development") void broadcastDevReady(build);
});

// Graceful shutdown: stop accepting, let in-flight requests finish, close the database.
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received: closing`);
  const forced = setTimeout(() => process.exit(1), 10_000);
  forced.unref();
  server.close(async () => {
    await closeDatabase();
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
