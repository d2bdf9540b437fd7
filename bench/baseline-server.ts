// The benchmark's baseline: a bare node:http server in its own process that runs the same
// SQL as /demand for the same query string (demandPageQuery) and answers the rows as JSON.
// No framework, no rendering, no auth: what the database and Node cost on their own.
// Started by bench/demand.ts with PORT and DATABASE_URL or PGLITE_DIR.
import http from "node:http";
import { openDatabase } from "../db/client";
import { parseDemandFilter } from "../app/domain/demand-filter";
import { demandPageQuery } from "../app/models/demand.server";

const handle = openDatabase({
  url: process.env.DATABASE_URL || undefined,
  dataDir: process.env.PGLITE_DIR || undefined,
});

const server = http.createServer((req, res) => {
  const { pathname, searchParams } = new URL(req.url ?? "/", "http://baseline");
  if (pathname === "/healthz") return void res.writeHead(200).end("ok");
  if (pathname !== "/demand" && pathname !== "/api/v1/demand") return void res.writeHead(404).end();
  const { filter } = parseDemandFilter(searchParams);
  handle.db.executeQuery(demandPageQuery(handle.db, filter).compile()).then(
    (rows) => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(rows.rows)),
    (error: unknown) => res.writeHead(500).end(String(error)),
  );
});

server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
  void handle.close().then(() => process.exit(0));
});
