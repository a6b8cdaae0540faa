import type { ErrorBody } from "./steps";

/** What every server action returns: data, or an error with a code (and field) the UI can act on. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
