import "server-only";
import type { Actor } from "@/lib/actor";
import { getSessionActor } from "@/lib/auth/session";
import { toAppError } from "@/lib/errors";
import type { ActionResult } from "./result";

/**
 * The one way in for every server action: session → membership and role re-read from the
 * database → the domain function (which parses its input with zod and checks its named
 * permission) → a typed result. Errors are returned, never thrown: a thrown error reaches
 * the browser only as an opaque digest.
 */
export function defineAction<I, T>(domain: (actor: Actor, input: I, now: Date) => Promise<T>) {
  return async (input: I): Promise<ActionResult<T>> => {
    try {
      const actor = await getSessionActor();
      if (!actor) return { ok: false, error: { code: "UNAUTHORIZED", message: "Your session has ended. Sign in again." } };
      return { ok: true, data: await domain(actor, input, new Date()) };
    } catch (error) {
      const e = toAppError(error);
      return { ok: false, error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } };
    }
  };
}
