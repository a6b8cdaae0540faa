import type { z } from "zod";
import { AppError } from "./errors";

/** Parses door input with a schema; a failure is a VALIDATION AppError naming the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : "Invalid input.";
  throw new AppError("VALIDATION", message, field);
}
