import type { ErrorCode } from "@/lib/errors";

/** What every server action returns: data, or an error with a code the UI can act on. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; field?: string } };
