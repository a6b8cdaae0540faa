"use client";

import { ShieldAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { CreatedApiKey } from "@/lib/api-keys/manage";
import { CopyButton } from "./copy-button";

function Field({ label, value, testId, dark }: { label: string; value: string; testId: string; dark?: boolean }) {
  return (
    <div>
      <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</p>
      <div className="mt-1.5 flex items-start gap-2">
        <code
          data-testid={testId}
          className={
            dark
              ? "min-w-0 flex-1 select-all break-all rounded-lg bg-zinc-900 px-3 py-2 font-mono text-xs leading-5 text-zinc-100"
              : "min-w-0 flex-1 select-all break-all rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-xs leading-5 text-zinc-900"
          }
        >
          {value}
        </code>
        <CopyButton value={value} label={label} />
      </div>
    </div>
  );
}

/** The one time a key's secret is on screen: the key id, the secret, and a request to try it with. */
export function NewApiKeySecret({ created }: { created: CreatedApiKey }) {
  const curl = `curl -H "Authorization: Bearer ${created.apiSecret}" ${window.location.origin}/crm-core/v1/entities`;
  return (
    <div className="mt-5 space-y-4">
      <div
        role="note"
        className="flex gap-2.5 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2.5 text-sm text-amber-900"
      >
        <ShieldAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        <p>
          <strong className="font-semibold">Copy the secret now — it will not be shown again.</strong> Store it
          somewhere safe, such as a password manager. If you lose it, revoke this key and create a new one.
        </p>
      </div>
      <Field label="API key" value={created.apiKey} testId="new-api-key" />
      <Field label="API secret" value={created.apiSecret} testId="new-api-secret" />
      <Field label="Example request" value={curl} testId="new-api-curl" dark />
      <div className="flex flex-wrap items-center gap-1.5 text-xs text-zinc-500">
        <span>Scopes:</span>
        {created.scopes.map((s) => (
          <Badge key={s} tone="brand" className="font-mono">
            {s}
          </Badge>
        ))}
      </div>
    </div>
  );
}
