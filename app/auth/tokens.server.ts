import { createHash, randomBytes } from "node:crypto";

/** A random, URL-safe secret (256 bits). Only its hash is ever stored. */
export function generateToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
