"use client";

import { Eye, RefreshCw } from "lucide-react";
import { useState } from "react";
import { useWebhookSecret } from "@/components/mutations/use-webhook-mutations";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "./copy-button";

/** The signing secret, hidden until an admin asks for it; regenerating it needs a confirm. */
export function WebhookSecret() {
  const [secret, setSecret] = useState<string | null>(null);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const { reveal, rotate } = useWebhookSecret((s) => {
    setSecret(s);
    setConfirmRotate(false);
  });
  return (
    <div className="flex flex-wrap items-center gap-2 px-5 py-4">
      <code
        data-testid="webhook-secret"
        className="min-w-0 flex-1 basis-72 select-all break-all rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-xs leading-5 text-zinc-900"
      >
        {secret ?? "whsec_••••••••••••••••••••••••••••••••"}
      </code>
      {secret ? (
        <CopyButton value={secret} label="Signing secret" />
      ) : (
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => reveal.mutate(undefined)}
          disabled={reveal.isPending}
        >
          <Eye className="size-3.5" aria-hidden />
          Reveal
        </Button>
      )}
      <Button type="button" variant="secondary" size="sm" onClick={() => setConfirmRotate(true)}>
        <RefreshCw className="size-3.5" aria-hidden />
        Regenerate
      </Button>
      <ConfirmDialog
        open={confirmRotate}
        onOpenChange={setConfirmRotate}
        title="Regenerate the signing secret?"
        confirmLabel="Regenerate"
        icon={RefreshCw}
        pending={rotate.isPending}
        onConfirm={() => rotate.mutate(undefined)}
      >
        <p>
          Digests are signed with the new secret from now on; a receiver that still checks the old one will reject them
          until you update it.
        </p>
      </ConfirmDialog>
    </div>
  );
}
