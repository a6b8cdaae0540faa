"use client";

import { useState } from "react";
import { useRemoveWebhook, useSaveWebhook } from "@/components/mutations/use-webhook-mutations";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** The digest's URL: save (the first save makes the signing secret) or remove. */
export function WebhookForm({ initial }: { initial: string | null }) {
  const [url, setUrl] = useState(initial ?? "");
  const [confirmRemove, setConfirmRemove] = useState(false);
  const save = useSaveWebhook();
  const remove = useRemoveWebhook(() => {
    setUrl("");
    setConfirmRemove(false);
  });
  const error = save.error?.message ?? null;

  return (
    <form
      className="flex flex-wrap items-end gap-3 px-5 py-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(url);
      }}
    >
      <label className="min-w-0 flex-1 basis-72 text-sm">
        <span className="block font-medium text-zinc-700">Webhook URL</span>
        <input
          type="url"
          inputMode="url"
          required
          placeholder="https://hooks.example.com/trash-digest"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "webhook-url-error" : undefined}
          className="mt-1.5 block w-full rounded-lg border border-zinc-300 px-3 py-2 font-mono text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none"
        />
      </label>
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending || !url.trim() || url.trim() === initial}>
          {save.isPending ? "Saving…" : "Save"}
        </Button>
        {initial && (
          <Button type="button" variant="secondary" onClick={() => setConfirmRemove(true)}>
            Remove
          </Button>
        )}
      </div>
      {error && (
        <p id="webhook-url-error" role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={confirmRemove}
        onOpenChange={setConfirmRemove}
        title="Remove the webhook?"
        confirmLabel="Remove webhook"
        pending={remove.isPending}
        onConfirm={() => remove.mutate(undefined)}
      >
        <p>
          No more daily digests will be sent to <span className="break-all font-mono text-xs">{initial}</span>. The
          delivery log stays; a new webhook gets a new signing secret.
        </p>
      </ConfirmDialog>
    </form>
  );
}
