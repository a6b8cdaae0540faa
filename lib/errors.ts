import { log } from "@/lib/ops/logger";
/** The one error type of the domain. Doors map `code` to their own status and wording. */
export const ERROR_CODES = [
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "VALIDATION",
  "LIMIT_EXCEEDED",
  "PAYLOAD_TOO_LARGE",
  "METHOD_NOT_ALLOWED",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Which input field was wrong, for VALIDATION. */
    readonly field?: string,
    /** A finer reason a door may answer with its own code (e.g. a missing required parameter). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 400,
  LIMIT_EXCEEDED: 400,
  PAYLOAD_TOO_LARGE: 413,
  METHOD_NOT_ALLOWED: 405,
  INTERNAL: 500,
};

export const notFound = (what = "Record") => new AppError("NOT_FOUND", `${what} not found.`);
export const forbidden = (message = "Your role does not allow this.") => new AppError("FORBIDDEN", message);

/** Anything that is not an AppError becomes a generic INTERNAL error; details stay in the log. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  log("errors").error({ err: error }, "unexpected error");
  return new AppError("INTERNAL", "Something went wrong on our side. Nothing was changed.");
}
