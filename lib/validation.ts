import type { z } from "zod";
import { AppError, type ErrorCode } from "./errors";

/**
 * A schema may say an issue is not plain VALIDATION (e.g. LIMIT_EXCEEDED) through its params,
 * and give a finer reason a door can answer with its own code.
 */
function codeOf(issue: z.core.$ZodIssue): { code: ErrorCode; reason?: string } {
  const params =
    issue.code === "custom" ? (issue.params as { code?: unknown; reason?: unknown } | undefined) : undefined;
  const reason = typeof params?.reason === "string" ? params.reason : undefined;
  return { code: params?.code === "LIMIT_EXCEEDED" ? "LIMIT_EXCEEDED" : "VALIDATION", ...(reason ? { reason } : {}) };
}

/**
 * The path of the first string in the parsed input that holds a NUL byte (PostgreSQL text
 * cannot store one, so it would fail as a 500 deep in the domain), or null.
 */
export function nulPath(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (depth > 8 || value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulPath(item, [...path, Array.isArray(value) ? Number(key) : key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** Parses door input with a schema; a failure is an AppError naming the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  const nul = result.success ? nulPath(result.data) : null;
  if (nul) {
    const field = nul.length ? nul.join(".") : undefined;
    throw new AppError("VALIDATION", `${field ? `${field}: ` : ""}Text cannot contain the NUL character.`, field);
  }
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : "Invalid input.";
  const { code, reason } = issue ? codeOf(issue) : { code: "VALIDATION" as const, reason: undefined };
  throw new AppError(code, message, field, reason);
}
