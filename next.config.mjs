import { SECURITY_HEADERS, STATIC_ASSET_HEADERS } from "./lib/security-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Bundling PGlite breaks it (every query answers 500): load it from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "pino", "pino-pretty", "prom-client"],
  poweredByHeader: false,
  // No framing, referrer policy, nosniff on every page and route (lib/security-headers.mjs; the CSP
  // with its per-request nonce comes from proxy.ts);
  // the build's immutable scripts and styles only need nosniff, and each of the dozen a page
  // loads would otherwise carry the whole policy again.
  async headers() {
    return [
      { source: "/((?!_next/static/).*)", headers: SECURITY_HEADERS },
      { source: "/_next/static/:path*", headers: STATIC_ASSET_HEADERS },
    ];
  },
};

export default nextConfig;
