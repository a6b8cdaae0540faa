import { SECURITY_HEADERS } from "./lib/security-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Bundling PGlite breaks it (every query answers 500): load it from node_modules.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // CSP, no framing, referrer policy, nosniff on every page and route (lib/security-headers.mjs).
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
