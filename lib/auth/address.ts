/** The caller's address as the proxy in front reports it (first hop), for the per-address brake. */
export function clientAddress(header: (name: string) => unknown): string | null {
  const first = (name: string) => {
    const value = header(name);
    return typeof value === "string" ? value.split(",")[0]!.trim().slice(0, 64) : "";
  };
  return first("x-forwarded-for") || first("x-real-ip") || null;
}
