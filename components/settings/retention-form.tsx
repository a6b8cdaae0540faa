"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useUpdateRetention } from "@/components/mutations/use-trash-mutations";
import { Button } from "@/components/ui/button";

/** OWNER only: how many days deleted records wait in the trash. */
export function RetentionForm({ initial }: { initial: number }) {
  const router = useRouter();
  const [days, setDays] = useState(String(initial));
  const save = useUpdateRetention({ onSaved: () => router.refresh() });
  const error = save.error?.message ?? null;

  return (
    <form
      className="flex flex-wrap items-end gap-3 px-5 py-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(Number(days));
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
      <Button type="submit" disabled={save.isPending || days === String(initial)}>
        {save.isPending ? "Saving…" : "Save"}
      </Button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
