// Security headers of every response (next.config.mjs). Plain JS so the config can import it;
// the HTTP test (lib/hardening/http.test.ts) reads the same list.
// Next.js inlines its hydration scripts and styles, hence 'unsafe-inline' for those two;
// everything else is same-origin only, and no site may frame the dashboard.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const NO_SNIFF = { key: "X-Content-Type-Options", value: "nosniff" };

export const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  NO_SNIFF,
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** The build's static assets: policies for documents do not apply to a script or a stylesheet. */
export const STATIC_ASSET_HEADERS = [NO_SNIFF];
