import type { z } from "zod";
import { AppError, type ErrorCode } from "./errors";

/** A schema may say an issue is not plain VALIDATION (e.g. LIMIT_EXCEEDED) through its params. */
function codeOf(issue: z.core.$ZodIssue): ErrorCode {
  const code = issue.code === "custom" ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
  return code === "LIMIT_EXCEEDED" ? "LIMIT_EXCEEDED" : "VALIDATION";
}

/** Parses door input with a schema; a failure is an AppError naming the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : "Invalid input.";
  throw new AppError(issue ? codeOf(issue) : "VALIDATION", message, field);
}
