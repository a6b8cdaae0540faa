import "server-only";
import type { z } from "zod";
import { getSessionActor } from "@/lib/auth/session";
import type { ActionResult } from "./result";
import { errorBody, runDoor, type DomainCall } from "./steps";

/**
 * The one way in for every server action: session → membership and role re-read → zod parse →
 * domain → typed result. Errors are returned, never thrown: a thrown error reaches the
 * browser only as an opaque digest.
 */
export function defineAction<S extends z.ZodType, T>(schema: S, call: DomainCall<z.output<S>, T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    const result = await runDoor(getSessionActor, schema, input, call);
    return result.ok ? result : { ok: false, error: errorBody(result.error) };
  };
}
