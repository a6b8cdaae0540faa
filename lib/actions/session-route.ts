import "server-only";
import { NextResponse } from "next/server";
import type { Actor } from "@/lib/actor";
import { getSessionActor } from "@/lib/auth/session";
import { HTTP_STATUS, toAppError } from "@/lib/errors";

/**
 * The dashboard's own JSON reads (React Query): session → membership re-read → handler.
 * Errors become `{ error: { code, message } }` with the mapped status.
 */
export function sessionRoute<Ctx>(handler: (actor: Actor, request: Request, ctx: Ctx) => Promise<unknown>) {
  return async (request: Request, ctx: Ctx) => {
    const actor = await getSessionActor();
    if (!actor) return NextResponse.json({ error: { code: "UNAUTHORIZED", message: "Sign in to continue." } }, { status: 401 });
    try {
      return NextResponse.json(await handler(actor, request, ctx));
    } catch (error) {
      const e = toAppError(error);
      return NextResponse.json({ error: { code: e.code, message: e.message, field: e.field } }, { status: HTTP_STATUS[e.code] });
    }
  };
}

export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
