import { requestSource } from "./trusted-proxy";

// Whether a state-changing request came from this site: its Origin against NEXTAUTH_URL, or what
// a trusted proxy reports. The proxy checks every dashboard request with it; the import upload,
// which streams past the proxy (its body is over the proxy's 1 MB cap), checks itself.

/** This site's origin as the browser addressed it. */
function ownOrigin(headers: Headers): string | null {
  const source = requestSource(headers);
  if (source.viaTrustedProxy && source.host) return `${source.protocol}://${source.host}`;
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return configured;
  return source.host ? `${source.protocol}://${source.host}` : null;
}

export function sameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true; // Not a browser's cross-site request (browsers always send Origin on POST).
  const own = ownOrigin(headers);
  try {
    return own !== null && new URL(origin).origin === new URL(own).origin;
  } catch {
    return false;
  }
}
