/** A query object as URL parameters, leaving out what is not set (server and client alike). */
export function toSearchParams(query: object): URLSearchParams {
  const entries = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => [k, String(v)]);
  return new URLSearchParams(entries);
}
