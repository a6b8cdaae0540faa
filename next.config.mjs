/** @type {import('next').NextConfig} */
const nextConfig = {
  // Bundling PGlite breaks it (every query answers 500): load it from node_modules.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
};

export default nextConfig;
