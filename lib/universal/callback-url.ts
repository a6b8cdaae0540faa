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
  if (!url.startsWith("/") || url.startsWith("//")) return DEFAULT_AFTER_SIGN_IN;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  // Encoded slashes or backslashes at the start (`/%5Cevil`, `/%2F/evil`) are refused too.
  if (decoded.startsWith("//") || decoded.includes("\\") || /[\x00-\x20\x7f]/.test(decoded.slice(0, 3)))
    return DEFAULT_AFTER_SIGN_IN;
  const base = "http://same.origin.invalid";
  const resolved = new URL(url, base);
  if (resolved.origin !== base) return DEFAULT_AFTER_SIGN_IN;
  return resolved.pathname + resolved.search + resolved.hash;
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
