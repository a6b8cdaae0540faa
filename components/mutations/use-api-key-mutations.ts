"use client";

import { toast } from "sonner";
import { queryKeys } from "@/components/queries/keys";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/actions/api-keys";
import type { ApiKeyRow, CreatedApiKey } from "@/lib/api-keys/manage";
import { patchQueries } from "./optimistic";
import { useActionMutation } from "./use-action-mutation";

/** Errors stay with the form; the new key (with its secret, shown once) goes to `onCreated`. */
export function useCreateApiKey(options: { onCreated?: (key: CreatedApiKey) => void } = {}) {
  return useActionMutation({
    action: createApiKeyAction,
    refresh: [queryKeys.apiKeys],
    toastErrors: false,
    onSuccess: (key) => options.onCreated?.(key),
  });
}

/** The row turns "Revoked" at once, and back if the server refuses. */
export function useRevokeApiKey(options: { onRevoked?: () => void } = {}) {
  return useActionMutation({
    action: (key: { id: string; name: string }) => revokeApiKeyAction({ id: key.id }),
    refresh: [queryKeys.apiKeys],
    optimistic: (queryClient, key) =>
      patchQueries<ApiKeyRow[]>(queryClient, queryKeys.apiKeys, (old) =>
        old.map((k) => (k.id === key.id ? { ...k, revokedAt: new Date().toISOString(), canRevoke: false } : k)),
      ),
    onSuccess: (_result, key) => {
      toast.success(`Revoked “${key.name}”.`, { description: "Requests signed with it are refused from now on." });
      options.onRevoked?.();
    },
  });
}
