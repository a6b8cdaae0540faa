// The one list of the product's places: the dashboard's pages (the sidebar, the settings tabs and
// proxy.ts's sign-in redirect read it) and the REST API's dialect prefixes (proxy.ts, the OpenAPI
// check and lib/api/endpoints.ts read it). Pure data: the browser, the proxy and the server share it.

/** The dashboard's pages in the sidebar's order; each one and everything under it needs a session. */
export const MAIN_PAGES = [
  { href: "/records", label: "Records" },
  { href: "/trash", label: "Trash" },
  { href: "/segments", label: "Segments" },
  { href: "/automations", label: "Automations" },
  { href: "/audit", label: "Audit log" },
  { href: "/settings", label: "Settings" },
] as const;
export type MainPageHref = (typeof MAIN_PAGES)[number]["href"];

/** Pages that need a session but are not in the sidebar's list (the user menu links to them). */
export const OTHER_PAGES = [{ href: "/account", label: "Your account" }] as const;

/** Settings → its tabs, in order. */
export const SETTINGS_PAGES = [
  { href: "/settings", label: "Workspace" },
  { href: "/settings/members", label: "Members" },
  { href: "/settings/api-keys", label: "API keys" },
  { href: "/settings/api", label: "API reference" },
  { href: "/settings/webhooks", label: "Webhooks" },
  { href: "/settings/fields", label: "Fields" },
] as const;
export type SettingsPageHref = (typeof SETTINGS_PAGES)[number]["href"];

/** Whether a path is one of the dashboard's pages (or the home page that leads to them). */
export function isDashboardPath(path: string): boolean {
  return (
    path === "/" || [...MAIN_PAGES, ...OTHER_PAGES].some(({ href }) => path === href || path.startsWith(`${href}/`))
  );
}

/**
 * The REST API's four dialects, each by the vendor whose API it speaks, and the path prefix its
 * routes live under (app/<first segment of the prefix>/). Every answer under a prefix is the
 * dialect's own JSON, its 404 and 413 included.
 */
export const API_DIALECT_PREFIXES = {
  solapi: "/crm-core/",
  talkdesk: "/record-lists/",
  zoho: "/crm/v2/",
  zeeg: "/v2/crm/",
} as const;
export type ApiDialectName = keyof typeof API_DIALECT_PREFIXES;

export function isApiPath(path: string): boolean {
  return Object.values(API_DIALECT_PREFIXES).some((prefix) => path.startsWith(prefix));
}
