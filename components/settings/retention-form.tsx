"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { updateRetentionAction } from "@/app/actions/trash";
import { Button } from "@/components/ui/button";

/** OWNER only: how many days deleted records wait in the trash. */
export function RetentionForm({ initial }: { initial: number }) {
  const router = useRouter();
  const [days, setDays] = useState(String(initial));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function save() {
    startTransition(async () => {
      const result = await updateRetentionAction({ retentionDays: Number(days) });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setError(null);
      toast.success(`Retention set to ${result.data.retentionDays} days. Every countdown in the trash follows.`);
      router.refresh();
    });
  }

  return (
    <form className="flex flex-wrap items-end gap-3 px-5 py-4" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <label className="text-sm">
        <span className="block font-medium text-zinc-700">Days in the trash</span>
        <input
          type="number" min={1} max={365} value={days} onChange={(e) => setDays(e.target.value)} aria-label="Retention days"
          aria-invalid={error ? true : undefined}
          className="mt-1.5 block w-28 rounded-lg border border-zinc-300 px-3 py-2 text-sm tabular-nums focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none"
        />
      </label>
      <Button type="submit" disabled={pending || days === String(initial)}>{pending ? "Saving…" : "Save"}</Button>
      {error && <p role="alert" className="w-full text-sm text-red-700">{error}</p>}
    </form>
  );
}
