import { describe, expect, it } from "vitest";
import { multipartParts } from "~/http/multipart.server";

// Our multipart/form-data reader (app/http/multipart.server.ts), against bodies as a browser
// (here the platform's FormData) writes them, and against bodies that are not such a form.

async function encoded(fd: FormData) {
  const request = new Request("http://localhost/", { method: "POST", body: fd });
  return { bytes: new Uint8Array(await request.arrayBuffer()), contentType: request.headers.get("Content-Type")! };
}

describe("reading a multipart form", () => {
  it("gives back fields, files with their names, types and every byte, and an empty file input", async () => {
    const fd = new FormData();
    const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    fd.append("text", "Svar med æøå\r\nog = ; \"tegn\"");
    fd.append("file", new File([allBytes], "pris=ny; utkast <img src=x onerror=alert(1)>.pdf", { type: "application/pdf" }));
    fd.append("file2", new File([], "", { type: "application/octet-stream" }));
    const { bytes, contentType } = await encoded(fd);
    const parts = multipartParts(bytes, contentType)!;
    expect(parts.map((p) => [p.name, p.filename, p.type])).toEqual([
      ["text", undefined, ""],
      ["file", "pris=ny; utkast <img src=x onerror=alert(1)>.pdf", "application/pdf"],
      // The platform writes a nameless empty file as a field without a file name: read as a field.
      ["file2", undefined, "application/octet-stream"],
    ]);
    expect(parts[0]!.content.toString("utf8")).toBe("Svar med æøå\r\nog = ; \"tegn\"");
    expect(Buffer.compare(parts[1]!.content, Buffer.from(allBytes))).toBe(0);
  });

  it("takes a preamble, a quoted boundary and a file input sent empty (filename=\"\")", () => {
    const body = 'preamble\r\n--b1\r\nContent-Disposition: form-data; name="file"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--b1\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--b1--\r\n';
    const parts = multipartParts(new TextEncoder().encode(body), 'multipart/form-data; boundary="b1"')!;
    expect(parts.map((p) => [p.name, p.filename, p.content.toString()])).toEqual([
      ["file", "", ""],
      ["a", undefined, "x"],
    ]);
  });

  it.each([
    ["no boundary", "x", "multipart/form-data"],
    ["another type", "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--b--", "application/x-www-form-urlencoded; boundary=b"],
    ["no delimiter", "garbage", "multipart/form-data; boundary=b"],
    ["a part without a name", "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--", "multipart/form-data; boundary=b"],
    ["a body cut short", "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx", "multipart/form-data; boundary=b"],
  ])("refuses %s", (_what, body, contentType) => {
    expect(multipartParts(new TextEncoder().encode(body), contentType)).toBeNull();
  });
});
