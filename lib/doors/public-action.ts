import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { toAppError } from "@/lib/errors";
import { requestSource } from "@/lib/trusted-proxy";
import { parseInput } from "@/lib/validation";
import type { ActionResult } from "./result";
import { errorBody } from "./steps";

/** The caller's address (the socket's, or a trusted proxy's report: lib/trusted-proxy.ts); null outside a request. */
async function requestAddress(): Promise<string | null> {
  try {
    const h = await headers();
    return requestSource(h).address;
  } catch {
    return null;
  }
}

/**
 * A server action for people who are not signed in yet (first-run setup, accepting an
 * invitation, a reset link): zod parse → domain (with the clock and the caller's address, for
 * the sign-in brake) → typed result. The secret the input carries is the authorization.
 */
export function definePublicAction<S extends z.ZodType, T>(
  schema: S,
  call: (input: z.output<S>, now: Date, address: string | null) => Promise<T>,
) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      return { ok: true, data: await call(parseInput(schema, input), new Date(), await requestAddress()) };
    } catch (error) {
      return { ok: false, error: errorBody(toAppError(error)) };
    }
  };
}
