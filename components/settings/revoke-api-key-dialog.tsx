"use client";

import { KeyRound } from "lucide-react";
import { useRevokeApiKey } from "@/components/mutations/use-api-key-mutations";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ApiKeyRow } from "@/lib/api-keys/manage";

/** Owned by the table, not the row: the row changes under it the moment the revoke starts. */
export function RevokeApiKeyDialog({ apiKey, onClose }: { apiKey: ApiKeyRow | null; onClose: () => void }) {
  const revoke = useRevokeApiKey({ onRevoked: onClose });
  return (
    <ConfirmDialog
      open={apiKey !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={`Revoke “${apiKey?.name ?? ""}”?`}
      confirmLabel="Revoke key"
      icon={KeyRound}
      pending={revoke.isPending}
      onConfirm={() => apiKey && revoke.mutate({ id: apiKey.id, name: apiKey.name })}
    >
      <p>
        Every request made with <code className="font-mono text-xs text-zinc-800">{apiKey?.apiKey}</code> is refused
        from the moment you confirm, and integrations that use it stop working.
      </p>
      <p>This can’t be undone; create a new key to replace it.</p>
    </ConfirmDialog>
  );
}
