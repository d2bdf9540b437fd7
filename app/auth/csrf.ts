// Cross-site request forgery defence for cookie-authenticated requests: a
// state-changing request must come from our own origin. Browsers send Origin
// (or at least Sec-Fetch-Site / Referer) on every cross-site POST.
export interface RequestOriginInfo {
  method: string;
  host: string | null;
  origin: string | null;
  referer: string | null;
  secFetchSite: string | null;
  hasBearerToken: boolean;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

export function isCrossSiteMutation(info: RequestOriginInfo): boolean {
  if (SAFE_METHODS.has(info.method.toUpperCase())) return false;
  // API clients authenticate with a header a browser never adds by itself.
  if (info.hasBearerToken) return false;
  if (info.secFetchSite === "cross-site" || info.secFetchSite === "same-site") return true;
  if (info.origin !== null) {
    if (info.origin === "null") return true;
    return hostOf(info.origin) !== info.host;
  }
  if (info.referer !== null) return hostOf(info.referer) !== info.host;
  // No browser signal at all: a non-browser client without cookies of ours to abuse.
  return false;
}
