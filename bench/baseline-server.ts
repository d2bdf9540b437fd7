// The benchmark's baseline: a bare node:http server in its own process that runs the same
// SQL as /demand for the same query string (listDemand: the page and its total) and answers them as JSON.
// No framework, no rendering, no auth: what the database and Node cost on their own.
// Started by bench/demand.ts with PORT and DATABASE_URL or PGLITE_DIR.
import http from "node:http";
import { openDatabase } from "../db/client";
import { parseDemandFilter } from "../app/domain/demand-filter";
import { listDemand } from "../app/models/demand.server";

const handle = openDatabase({
  url: process.env.DATABASE_URL || undefined,
  dataDir: process.env.PGLITE_DIR || undefined,
});

const server = http.createServer((req, res) => {
  const { pathname, searchParams } = new URL(req.url ?? "/", "http://baseline");
  if (pathname === "/healthz") return void res.writeHead(200).end("ok");
  if (pathname !== "/demand" && pathname !== "/api/v1/demand") return void res.writeHead(404).end();
  const { filter } = parseDemandFilter(searchParams);
  // The page's rows and its total, as /demand reads them (a second query only past page one of a search, or without one).
  listDemand(handle.db, filter, { total: true }).then(
    (page) => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(page)),
    (error: unknown) => res.writeHead(500).end(String(error)),
  );
});

server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
  void handle.close().then(() => process.exit(0));
});
