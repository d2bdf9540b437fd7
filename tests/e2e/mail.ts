import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

/** Decodes a quoted-printable body part, as nodemailer writes it. */
function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/**
 * Waits for the portal's outbox sender to write a message to `to` (as an .eml
 * file, since the e2e server runs without SMTP) and returns its decoded text.
 */
export async function waitForMail(to: string, { timeoutMs = 15_000, after = new Set<string>() } = {}): Promise<{ file: string; text: string }> {
  const dir = inject("outboxDir");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith(".eml") && !after.has(f)).sort();
    } catch {
      // not created yet
    }
    for (const file of files.reverse()) {
      const raw = readFileSync(path.join(dir, file), "utf8");
      if (new RegExp(`^To: .*${to.replace(/[.+]/g, "\\$&")}`, "mi").test(raw)) {
        return { file, text: decodeQuotedPrintable(raw) };
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no e-mail to ${to} within ${timeoutMs} ms in ${dir}`);
}

export function linkIn(text: string, pathPrefix: string): string {
  const match = text.match(new RegExp(`https?://[^\\s"<>]*${pathPrefix.replace(/[/?]/g, "\\$&")}[^\\s"<>]*`));
  if (!match) throw new Error(`no ${pathPrefix} link in the e-mail`);
  return match[0].replace(/&amp;/g, "&");
}
