import "server-only";
import { notFound } from "next/navigation";
import type { z } from "zod";
import { nulPath } from "@/lib/validation";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Pages read their URL leniently: a parameter that does not parse (a stale cursor, a
 * hand-edited limit) is dropped and the page shows what it would without it — the first page,
 * the default sort — never an error screen. JSON doors answer the same input with a 400.
 * Returns the parsed input and the raw parameters that were kept (for links and refetches).
 */
export function parsePageQuery<S extends z.ZodType>(
  schema: S,
  params: SearchParams,
): { input: z.output<S>; kept: Record<string, string> } {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    // A NUL byte cannot reach PostgreSQL text: the parameter is dropped like any that does not parse.
    if (first !== undefined && first !== "" && !nulPath(first)) kept[key] = first;
  }
  for (;;) {
    const result = schema.safeParse(kept);
    if (result.success) return { input: result.data, kept };
    const key = result.error.issues[0]?.path[0];
    if (typeof key !== "string" || !(key in kept)) throw result.error;
    delete kept[key];
  }
}

/** A page's path parameters (an id in the URL): one that does not parse is a 404, like an unknown id. */
export function parseRouteParams<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const result = schema.safeParse(params);
  if (!result.success) notFound();
  return result.data;
}
