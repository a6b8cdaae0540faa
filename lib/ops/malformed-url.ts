/**
 * A request path whose percent-encoding does not decode (`/records/%FF`, `/x/%E0%A4%A`) makes
 * Next.js answer a bare 500 from its router before any door runs (issue 26 #5). Escaping each `%`
 * of such a path keeps its bytes as literal text, so the door behind it sees an id it does not
 * know and answers its own 4xx. Paths that decode, and every query string, pass unchanged.
 */
export function decodableUrl(url: string): string {
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  try {
    decodeURIComponent(path);
    return url;
  } catch {
    return path.replaceAll("%", "%25") + (queryAt === -1 ? "" : url.slice(queryAt));
  }
}
