"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { KeyRound, Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { useCreateApiKey } from "@/components/mutations/use-api-key-mutations";
import { Button } from "@/components/ui/button";
import { DialogFormFooter } from "@/components/ui/form-footer";
import type { CreatedApiKey } from "@/lib/api-keys/manage";
import { SCOPE_LABELS, type Scope } from "@/lib/universal/scopes";
import { NewApiKeySecret } from "./new-api-key-secret";

const inputClass =
  "block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none aria-invalid:border-red-400";

/** Least privilege: a new key may read; every wider scope is a deliberate tick. */
const startingScopes = (allowed: Scope[]) => allowed.filter((s) => s === "records:read");

/**
 * "Create API key": a name and the scopes the caller's role allows (read-only to begin with);
 * then the same dialog shows the secret, once. A click outside does not close it then, and
 * Escape asks first.
 */
export function NewApiKeyDialog({ allowed, role }: { allowed: Scope[]; role: string }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(() => startingScopes(allowed));
  const [askClose, setAskClose] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const create = useCreateApiKey({ onCreated: setCreated });
  const error = create.error;
  // The server names the field ("name: Give the key a name"); the form shows it beside the field already.
  const message =
    error?.field && error.message.startsWith(`${error.field}: `)
      ? error.message.slice(error.field.length + 2)
      : error?.message;

  function change(next: boolean) {
    setOpen(next);
    if (!next) {
      setName("");
      setScopes(startingScopes(allowed));
      setAskClose(false);
      setCreated(null);
      create.reset();
    }
  }
  function toggle(scope: Scope, on: boolean) {
    setScopes((all) => (on ? allowed.filter((s) => s === scope || all.includes(s)) : all.filter((s) => s !== scope)));
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ name, scopes });
  }

  return (
    <Dialog.Root open={open} onOpenChange={change}>
      <Dialog.Trigger asChild>
        <Button>
          <Plus className="size-4" aria-hidden /> Create API key
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 backdrop-blur-[1px]" />
        <Dialog.Content
          onInteractOutside={(e) => {
            if (created) e.preventDefault();
          }}
          onEscapeKeyDown={(e) => {
            if (!created) return;
            // The secret is shown once: Escape asks before it goes (and a second Escape keeps it open).
            e.preventDefault();
            setAskClose((asking) => !asking);
          }}
          className="fixed left-1/2 top-1/2 z-50 max-h-[calc(100vh-2rem)] w-[calc(100%-2rem)] max-w-xl -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-2xl border border-zinc-200 bg-white p-6 shadow-xl focus:outline-none"
        >
          <div className="flex gap-4">
            <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-600">
              <KeyRound className="size-5" aria-hidden />
            </span>
            <div className="min-w-0 flex-1">
              <Dialog.Title className="text-base font-semibold text-zinc-900">
                {created ? `Save your key “${created.name}”` : "Create API key"}
              </Dialog.Title>
              <Dialog.Description className="mt-1 text-sm text-zinc-500">
                {created
                  ? "Your integration signs its requests with these. The key id stays visible in the list; the secret does not."
                  : "A key acts as you, with your role re-checked on every request. Scopes narrow what it may do."}
              </Dialog.Description>
            </div>
          </div>

          {created ? (
            <>
              <NewApiKeySecret created={created} />
              {askClose && <CloseSecretQuestion onKeep={() => setAskClose(false)} onClose={() => change(false)} />}
              <div className="mt-6 flex justify-end">
                <Dialog.Close asChild>
                  <Button>I have saved the secret</Button>
                </Dialog.Close>
              </div>
            </>
          ) : (
            <form onSubmit={submit} noValidate>
              <label className="mt-5 block text-sm">
                <span className="font-medium text-zinc-700">Name</span>
                <input
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  maxLength={80}
                  autoFocus
                  placeholder="e.g. Zapier sync"
                  aria-invalid={error?.field === "name" || undefined}
                  className={`mt-1.5 ${inputClass}`}
                />
                <span className="mt-1 block text-xs text-zinc-500">
                  Something that tells you later where the key is used.
                </span>
              </label>

              <fieldset className="mt-5">
                <legend className="text-sm font-medium text-zinc-700">Scopes</legend>
                <p className="text-xs text-zinc-500">The scopes your role ({role.toLowerCase()}) allows.</p>
                <div className="mt-2 divide-y divide-zinc-100 rounded-lg border border-zinc-200">
                  {allowed.map((scope) => (
                    <label
                      key={scope}
                      className="flex cursor-pointer items-center gap-3 px-3 py-2.5 text-sm hover:bg-zinc-50"
                    >
                      <input
                        type="checkbox"
                        data-scope={scope}
                        checked={scopes.includes(scope)}
                        onChange={(e) => toggle(scope, e.target.checked)}
                        className="size-4 rounded border-zinc-300 accent-brand-600"
                      />
                      <span className="flex-1 text-zinc-800">{SCOPE_LABELS[scope]}</span>
                      <code className="font-mono text-xs text-zinc-500">{scope}</code>
                    </label>
                  ))}
                </div>
              </fieldset>

              <DialogFormFooter
                error={message}
                pending={create.isPending}
                disabled={scopes.length === 0}
                submitLabel="Create key"
                pendingLabel="Creating…"
              />
            </form>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function CloseSecretQuestion({ onKeep, onClose }: { onKeep: () => void; onClose: () => void }) {
  return (
    <div
      role="alertdialog"
      aria-labelledby="close-secret-title"
      aria-describedby="close-secret-text"
      className="mt-5 rounded-lg border border-red-200 bg-red-50 p-4 text-sm"
    >
      <p id="close-secret-title" className="font-semibold text-red-900">
        Close without saving the secret?
      </p>
      <p id="close-secret-text" className="mt-1 text-red-800">
        It will not be shown again. Without it, the key is useless: you would revoke it and create another.
      </p>
      <div className="mt-3 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Close, I have it
        </Button>
        <Button autoFocus onClick={onKeep}>
          Keep it open
        </Button>
      </div>
    </div>
  );
}
