// base64url through btoa/atob, which Node and browsers both have (the modules using it are shared).

export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Throws on anything but up to 400 base64url characters of well-formed UTF-8. */
export function fromBase64Url(value: string): string {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(value)) throw new RangeError("not base64url");
  const binary = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
