import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// Secrets the portal must give back to someone else (an identity provider's client secret,
// issue 21) or use itself (TOTP keys, ADR 0035) are stored encrypted with AES-256-GCM under
// SECRET_ENCRYPTION_KEY, so a copy of the database (a backup, a leaked dump) does not carry them. Only the features that store such
// secrets need the key: without it in production they refuse with MISSING_SECRET_ENCRYPTION_KEY
// and everything else runs as before. In development and tests a fixed key is derived, and said so.

export const MISSING_SECRET_ENCRYPTION_KEY =
  "SECRET_ENCRYPTION_KEY is not set. Single sign-on and two-factor sign-in store identity providers' client secrets and authenticator-app keys encrypted with it; set it to 32 random bytes as base64 or hex (e.g. `openssl rand -base64 32`) to register an identity provider or set up an authenticator app.";
export const INVALID_SECRET_ENCRYPTION_KEY = "SECRET_ENCRYPTION_KEY must be 32 bytes, written as 64 hex digits or as base64 (44 characters).";

export type SecretKey = { ok: true; key: Buffer; development: boolean } | { ok: false; message: string };

let warnedDevelopmentKey = false;

/** The key from configuration; outside production a fixed development key when none is set. */
export function secretEncryptionKey(env: NodeJS.ProcessEnv = process.env): SecretKey {
  const configured = env.SECRET_ENCRYPTION_KEY?.trim();
  if (configured) {
    const key = /^[0-9a-fA-F]{64}$/.test(configured) ? Buffer.from(configured, "hex") : Buffer.from(configured, "base64");
    return key.length === 32 ? { ok: true, key, development: false } : { ok: false, message: INVALID_SECRET_ENCRYPTION_KEY };
  }
  if (env.NODE_ENV === "production") return { ok: false, message: MISSING_SECRET_ENCRYPTION_KEY };
  if (!warnedDevelopmentKey) {
    warnedDevelopmentKey = true;
    console.warn("SECRET_ENCRYPTION_KEY is not set: using a fixed development key. Secrets stored now cannot be read with a real key later.");
  }
  return { ok: true, key: createHash("sha256").update("markedsdialog development secret key (not for production)").digest(), development: true };
}

const VERSION = "v1";

/** "v1.<iv>.<tag>.<ciphertext>", each base64url: a fresh 96-bit IV every time, the GCM tag authenticating the rest. */
export function encryptSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(VERSION));
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** The plain secret, or null when the box was sealed with another key or has been changed. */
export function decryptSecret(box: string, key: Buffer): string | null {
  const [version, iv, tag, ciphertext, ...rest] = box.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(VERSION));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
