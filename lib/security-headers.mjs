// Security headers of every response. Plain JS so next.config.mjs can import it; the HTTP test
// (lib/hardening/http.test.ts) reads the same definitions.
//
// The Content-Security-Policy is set per request by proxy.ts, with a fresh nonce: Next.js reads
// the nonce from the request's policy and puts it on every script it renders (its inline flight
// data included), so scripts need no 'unsafe-inline' — an injected <script> without the nonce
// does not run. Styles keep 'unsafe-inline' (React and Radix set style attributes). Everything
// else is same-origin only, and no site may frame the dashboard.

/** The policy for one response; `nonce` allows that response's own inline scripts. */
export function contentSecurityPolicy(nonce, { dev = false } = {}) {
  return [
    "default-src 'self'",
    // React's development build evaluates code (stack traces, Fast Refresh); production never does.
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A nonce: 128 random bits, base64 (Web Crypto, so it runs wherever proxy.ts runs). */
export function newNonce() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

const NO_SNIFF = { key: "X-Content-Type-Options", value: "nosniff" };

/** Every page and route (next.config.mjs); the CSP comes from proxy.ts, one nonce per response. */
export const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  NO_SNIFF,
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** The build's static assets: policies for documents do not apply to a script or a stylesheet. */
export const STATIC_ASSET_HEADERS = [NO_SNIFF];
