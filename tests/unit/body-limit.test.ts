import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseJsonBody, readJsonBody } from "~/http/api-problems.server";
import { FORM_BODY_LIMIT, JSON_BODY_LIMIT, readBodyBytes } from "~/http/body-limit.server";
import { readFormData } from "~/http/form-data.server";

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

/** A body without Content-Length: `total` bytes in chunks of 64 kB; counts how many chunks were pulled. */
function chunked(total: number) {
  const state = { pulled: 0 };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(64 * 1024, total - sent);
      sent += size;
      state.pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { stream, state };
}

async function thrownStatus(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
  return null;
}

describe("request bodies are read up to a limit", () => {
  it("refuses a declared Content-Length beyond the limit without reading", async () => {
    const { stream, state } = chunked(10 * 1024 * 1024);
    const request = post(stream, { "Content-Length": String(10 * 1024 * 1024) });
    expect(await readBodyBytes(request, FORM_BODY_LIMIT)).toEqual({ ok: false, reason: "too_large" });
    expect(state.pulled).toBeLessThanOrEqual(1);
  });

  it("counts a chunked body while reading and stops just past the limit", async () => {
    const { stream, state } = chunked(50 * 1024 * 1024);
    expect(await readBodyBytes(post(stream), JSON_BODY_LIMIT)).toEqual({ ok: false, reason: "too_large" });
    expect(state.pulled).toBeLessThan(10); // 256 kB in 64 kB chunks, not 50 MB
  });

  it("reads a body within the limit whole", async () => {
    const { stream } = chunked(JSON_BODY_LIMIT);
    const read = await readBodyBytes(post(stream), JSON_BODY_LIMIT);
    expect(read.ok && read.bytes.byteLength).toBe(JSON_BODY_LIMIT);
  });

  it("a form post beyond 1 MB is 413; a form within it and a multipart file of 800 kB are read", async () => {
    const big = new URLSearchParams({ text: "x".repeat(FORM_BODY_LIMIT) });
    expect(await thrownStatus(readFormData(post(big)))).toBe(413);
    const { stream } = chunked(FORM_BODY_LIMIT + 1);
    expect(await thrownStatus(readFormData(post(stream, { "Content-Type": "application/x-www-form-urlencoded" })))).toBe(413);
    expect((await readFormData(post(new URLSearchParams({ a: "b", c: "æøå" })))).get("c")).toBe("æøå");
    const form = new FormData();
    form.set("intent", "import-preview");
    form.set("file", new File(["2026-Q1;100;1;\n".repeat(800_000 / 15)], "calloffs.csv", { type: "text/csv" }));
    const read = await readFormData(post(form));
    expect(read.get("intent")).toBe("import-preview");
    expect((read.get("file") as File).size).toBeGreaterThan(790_000);
  });

  it("a form that is not a form stays 400", async () => {
    expect(await thrownStatus(readFormData(post("{}", { "Content-Type": "application/json" })))).toBe(400);
  });

  it("a JSON body beyond 256 kB is the API's 413 with code too_large; smaller ones are parsed", async () => {
    const big = JSON.stringify({ title: "x".repeat(JSON_BODY_LIMIT) });
    expect(await readJsonBody(post(big))).toEqual({ ok: false, reason: "too_large" });
    const parsed = await parseJsonBody(post(big), z.object({ title: z.string() }), "en");
    expect(parsed.ok).toBe(false);
    const response = !parsed.ok ? parsed.response : new Response();
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errors: [{ path: "", code: "too_large", message: "The body is too large: at most 256 kB." }] });
    expect(await readJsonBody(post('{"a":"æ"}'))).toEqual({ ok: true, body: { a: "æ" } });
    expect(await readJsonBody(post("{"))).toEqual({ ok: false, reason: "invalid_json" });
  });
});
