import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/actor";
import { AppError, toAppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

/** A domain function as every door calls it: the caller, its parsed input, and the clock. */
export type DomainCall<I, T> = (actor: Actor, input: I, now: Date) => Promise<T>;

/** The one wording for "no session", whichever door says it. */
export const SIGNED_OUT = "Your session has ended. Sign in again.";

/** What a door says about an error: the code, a message for people, and the field at fault. */
export interface ErrorBody {
  code: AppError["code"];
  message: string;
  field?: string;
}

/**
 * The shared steps of every door: who is asking (re-read from the database) → parse the input
 * with the door's zod schema → the domain function. Any failure on the way, a database outage
 * included, comes out as an AppError, so each door only maps it to its own response.
 */
export async function runDoor<S extends z.ZodType, T>(
  whoIsAsking: () => Promise<Actor | null>,
  schema: S,
  raw: unknown,
  call: DomainCall<z.output<S>, T>,
): Promise<{ ok: true; data: T } | { ok: false; error: AppError }> {
  try {
    const actor = await whoIsAsking();
    if (!actor) return { ok: false, error: new AppError("UNAUTHORIZED", SIGNED_OUT) };
    return { ok: true, data: await call(actor, parseInput(schema, raw), new Date()) };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}

export function errorBody(error: AppError): ErrorBody {
  return { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
}
