"use client";

import { useMutation, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/doors/result";

/** A failed action as React Query sees it: the message, plus the code and the field at fault. */
export type ActionError = Error & { code: string; field?: string };

/** Unwraps a server action's typed result: a failure becomes a thrown ActionError that keeps code and field. */
export async function runAction<T>(promise: Promise<ActionResult<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error) as ActionError;
  return result.data;
}

interface Options<I, T> {
  action: (input: I) => Promise<ActionResult<T>>;
  /** Queries refreshed when the call settles, whatever its outcome. */
  refresh: readonly QueryKey[];
  /** Changes the cache at once, before the server answers; returns what puts it back. */
  optimistic?: (queryClient: QueryClient, input: I) => () => void;
  onSuccess?: (data: T, input: I) => void;
  /** Errors become a toast unless the caller shows them itself (a form next to its fields). */
  toastErrors?: boolean;
}

/**
 * Every dashboard mutation: the server action, an optional optimistic change rolled back if
 * the server refuses, the error toast, and the refresh of the views it touched.
 */
export function useActionMutation<I, T>({ action, refresh, optimistic, onSuccess, toastErrors = true }: Options<I, T>) {
  const queryClient = useQueryClient();
  return useMutation<T, ActionError, I, { rollback?: () => void }>({
    mutationFn: (input) => runAction(action(input)),
    onMutate: async (input) => {
      if (!optimistic) return {};
      await Promise.all(refresh.map((queryKey) => queryClient.cancelQueries({ queryKey })));
      return { rollback: optimistic(queryClient, input) };
    },
    onError: (error, _input, context) => {
      context?.rollback?.();
      if (toastErrors) toast.error(error.message);
    },
    onSuccess,
    onSettled: () => Promise.all(refresh.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export function summarizeFailures(failed: { code: string; message: string }[]): string {
  const byMessage = new Map<string, number>();
  for (const f of failed) byMessage.set(f.message, (byMessage.get(f.message) ?? 0) + 1);
  return [...byMessage].map(([message, n]) => (n > 1 ? `${n}× ${message}` : message)).join(" ");
}

export const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
