"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useUpdateRetention } from "@/components/mutations/use-trash-mutations";
import { runAction } from "@/components/mutations/use-action-mutation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { retentionImpactAction } from "@/lib/actions/trash";
import type { RetentionImpact } from "@/lib/workspace";

const records = (n: number) => `${n.toLocaleString("en-US")} record${n === 1 ? "" : "s"}`;

/** "6 records in the trash become due for purge now, and 2 more within 24 hours. …" */
function impactText({ dueNow, dueWithin24h, heldKept }: RetentionImpact): string {
  const due =
    dueNow > 0
      ? `${records(dueNow)} in the trash ${dueNow === 1 ? "becomes" : "become"} due for purge now${dueWithin24h > 0 ? `, and ${dueWithin24h.toLocaleString("en-US")} more within 24 hours` : ""}. The next purge deletes ${dueNow + dueWithin24h === 1 ? "it" : "them"} permanently.`
      : dueWithin24h > 0
        ? `${records(dueWithin24h)} in the trash ${dueWithin24h === 1 ? "becomes" : "become"} due for purge within 24 hours, then ${dueWithin24h === 1 ? "is" : "are"} deleted permanently.`
        : "No record in the trash becomes due for purge within the next 24 hours.";
  const held = heldKept > 0 ? ` ${records(heldKept)} on hold ${heldKept === 1 ? "stays" : "stay"} until released.` : "";
  return `${due}${held} Every countdown in the trash follows the new setting.`;
}

/**
 * OWNER only: how many days deleted records wait in the trash. A shorter retention is confirmed
 * first, with what it makes due for purge now and within a day (a longer one only gives time).
 */
export function RetentionForm({ initial }: { initial: number }) {
  const router = useRouter();
  const [days, setDays] = useState(String(initial));
  const [impact, setImpact] = useState<RetentionImpact | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const save = useUpdateRetention({
    onSaved: () => {
      setImpact(null);
      router.refresh();
    },
  });
  const error = checkError ?? save.error?.message ?? null;

  async function submit() {
    setCheckError(null);
    const next = Number(days);
    if (!(next < initial)) return save.mutate(next);
    setChecking(true);
    try {
      setImpact(await runAction(retentionImpactAction({ retentionDays: next })));
    } catch (e) {
      setCheckError((e as Error).message);
    } finally {
      setChecking(false);
    }
  }

  return (
    <>
      <form
        className="flex flex-wrap items-end gap-3 px-5 py-4"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="text-sm">
          <span className="block font-medium text-zinc-700">Days in the trash</span>
          <input
            type="number"
            min={1}
            max={365}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            aria-label="Retention days"
            aria-invalid={error ? true : undefined}
            className="mt-1.5 block w-28 rounded-lg border border-zinc-300 px-3 py-2 text-sm tabular-nums focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none"
          />
        </label>
        <Button type="submit" disabled={save.isPending || checking || days === String(initial)}>
          {save.isPending || checking ? "Saving…" : "Save"}
        </Button>
        {error && (
          <p role="alert" className="w-full text-sm text-red-700">
            {error}
          </p>
        )}
      </form>
      {impact && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setImpact(null)}
          title={`Shorten retention from ${impact.current} to ${impact.retentionDays} days?`}
          confirmLabel={`Set ${impact.retentionDays} days`}
          pending={save.isPending}
          onConfirm={() => save.mutate(impact.retentionDays)}
        >
          <span data-testid="retention-impact">{impactText(impact)}</span>
        </ConfirmDialog>
      )}
    </>
  );
}
