import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { getSessionActor } from "@/lib/auth/session";
import { HTTP_STATUS } from "@/lib/errors";
import { errorBody, runDoor, type DomainCall } from "./steps";

/** The query string as a plain object (a repeated key keeps its first value). */
export function searchParamsOf(request: Request): Record<string, string> {
  const params = new URL(request.url).searchParams;
  return Object.fromEntries([...params.keys()].map((key) => [key, params.get(key)!]));
}

/**
 * The dashboard's own JSON reads (React Query): the same steps as a server action, answered
 * as JSON — the data, or `{ error: { code, message, field? } }` with the mapped status.
 */
export function sessionRoute<S extends z.ZodType, T>(
  schema: S,
  call: DomainCall<z.output<S>, T>,
  input: (request: Request) => unknown = searchParamsOf,
) {
  return async (request: Request) => {
    const result = await runDoor(getSessionActor, schema, input(request), call);
    if (result.ok) return NextResponse.json(result.data);
    return NextResponse.json({ error: errorBody(result.error) }, { status: HTTP_STATUS[result.error.code] });
  };
}
