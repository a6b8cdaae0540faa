import type { ActionResult } from "@/lib/actions/result";

/** Unwraps a server action's typed result for React Query: a failure becomes a thrown Error. */
export async function runAction<T>(promise: Promise<ActionResult<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.data;
}

export function summarizeFailures(failed: { code: string; message: string }[]): string {
  const byMessage = new Map<string, number>();
  for (const f of failed) byMessage.set(f.message, (byMessage.get(f.message) ?? 0) + 1);
  return [...byMessage].map(([message, n]) => (n > 1 ? `${n}× ${message}` : message)).join(" ");
}
