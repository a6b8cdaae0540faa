/**
 * Where to go after sign-in: only a path on this site. Anything a browser could read as
 * another origin — `//host`, `/\host`, a scheme, tabs or newlines that browsers strip
 * (`/\t/host`), backslashes, control characters — falls back to the records page.
 * Pure (no server imports): the login page, next-auth's redirect callback and the login
 * form all use it.
 */
export const DEFAULT_AFTER_SIGN_IN = "/records";

export function safeCallbackPath(url: string | null | undefined): string {
  if (typeof url !== "string" || url.length === 0 || url.length > 2000) return DEFAULT_AFTER_SIGN_IN;
  // Only printable ASCII other than backslash: no tab/newline tricks, no "\" read as "/".
  if (!/^[\x21-\x5b\x5d-\x7e]*$/.test(url)) return DEFAULT_AFTER_SIGN_IN;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  // Decoded once, no backslash or control character may appear (`/%5Cevil`, `/%09/evil`).
  if (decoded.includes("\\") || /[\x00-\x1f\x7f]/.test(decoded)) return DEFAULT_AFTER_SIGN_IN;
  // Normalised as the browser will (dot segments resolved, `%2e` read as a dot), the path
  // itself and its once-decoded form must both stay a single-slash path of this origin:
  // `/.//evil`, `/x/%2e%2e//evil` and `/%2F/evil` all become `//evil` on the way.
  const resolved = sameOriginPath(url);
  return resolved && sameOriginPath(decoded) ? resolved : DEFAULT_AFTER_SIGN_IN;
}

/** `path` resolved against this origin, when it stays a single-slash path of it; else null. */
function sameOriginPath(path: string): string | null {
  if (!path.startsWith("/") || path.startsWith("//")) return null;
  const base = "http://same.origin.invalid";
  const resolved = new URL(path, base);
  const target = resolved.pathname + resolved.search + resolved.hash;
  return resolved.origin === base && /^\/(?![/\\])/.test(target) ? target : null;
}

/** next-auth's redirect callback: a same-origin absolute URL becomes its path; anything else goes home. */
export function safeRedirect(url: string, baseUrl: string): string {
  let target = url;
  if (!url.startsWith("/")) {
    try {
      const parsed = new URL(url);
      if (parsed.origin !== new URL(baseUrl).origin) return `${baseUrl}${DEFAULT_AFTER_SIGN_IN}`;
      target = parsed.pathname + parsed.search + parsed.hash;
    } catch {
      return `${baseUrl}${DEFAULT_AFTER_SIGN_IN}`;
    }
  }
  return `${baseUrl}${safeCallbackPath(target)}`;
}
