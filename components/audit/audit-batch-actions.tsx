"use client";

import { Layers, RotateCcw } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useUndoDelete } from "@/components/mutations/use-record-mutations";
import { Button } from "@/components/ui/button";

/**
 * On a "Moved to trash" entry: every record of that delete, paged, in the trash's batch view;
 * and "Restore this batch" (the server restores what the caller may and says why not for the rest).
 */
export function AuditBatchActions({
  batchId,
  count,
  canRestore,
}: {
  batchId: string;
  count: number;
  canRestore: boolean;
}) {
  const router = useRouter();
  const undo = useUndoDelete();
  return (
    <span className="mt-1 flex flex-wrap items-center gap-2">
      <Link
        href={`/trash?${new URLSearchParams({ batch: batchId })}`}
        prefetch={false}
        className="inline-flex items-center gap-1 text-xs font-medium text-brand-700 hover:underline"
      >
        <Layers className="size-3.5" aria-hidden />{" "}
        {count === 1 ? "Its record" : `All ${count.toLocaleString("en-US")} records`} in the trash
      </Link>
      {canRestore && (
        <Button
          size="sm"
          variant="secondary"
          disabled={undo.isPending}
          onClick={() => undo.mutate([batchId], { onSuccess: () => router.refresh() })}
        >
          <RotateCcw className="size-3.5" aria-hidden /> Restore this batch
        </Button>
      )}
    </span>
  );
}
