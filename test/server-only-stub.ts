// Vitest runs the server-only domain directly; the real guard is for client bundles.
export {};
