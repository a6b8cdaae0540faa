import fs from "node:fs";
import path from "node:path";

/** A route of the build: its template as the app names it (`/records/[entity]`) and the regex Next matches it with. */
export interface RouteTemplate {
  page: string;
  regex: RegExp;
}

/**
 * The build's routes (`.next/routes-manifest.json`), so a log line and a metric name the route
 * template, never the concrete path: ids stay out of metric labels and the label set stays small.
 */
export function loadRouteTemplates(distDir = path.resolve(".next")): RouteTemplate[] {
  const file = path.join(distDir, "routes-manifest.json");
  if (!fs.existsSync(file)) return [];
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as {
    staticRoutes?: { page: string; regex: string }[];
    dynamicRoutes?: { page: string; regex: string }[];
  };
  return [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((r) => ({
    page: r.page,
    regex: new RegExp(r.regex),
  }));
}

/** The template a path belongs to; build assets share one; anything unknown is "unmatched". */
export function routeTemplate(routes: RouteTemplate[], pathname: string): string {
  if (pathname.startsWith("/_next/static/")) return "/_next/static";
  if (pathname.startsWith("/_next/")) return "/_next";
  return routes.find((r) => r.regex.test(pathname))?.page ?? "unmatched";
}
