"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useEmptyTrash } from "@/components/mutations/use-trash-mutations";
import { useTrashCount } from "@/components/queries/reads";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EMPTY_TRASH_CONFIRMATION } from "@/lib/universal/confirmations";

/**
 * ADMIN+ only (the page renders it for them; the server refuses anyone else anyway). The dialog
 * names exactly what goes and what stays, and that it acts on the whole trash, not the view.
 */
export function EmptyTrashButton({
  total: initial,
  held,
  filtered,
}: {
  total: number;
  held: number;
  filtered: boolean;
}) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const empty = useEmptyTrash({ onDone: () => setOpen(false) });
  // An admin's trash badge counts the whole workspace's trash: the same number.
  const { data: total } = useTrashCount(initial);
  const erased = Math.max(0, total - held);
  return (
    <>
      <Button
        variant="danger"
        onClick={() => {
          // The page's "on hold" count may predate a hold just set: read it again.
          router.refresh();
          setOpen(true);
        }}
        disabled={total === 0}
      >
        <Trash2 className="size-4" aria-hidden /> Empty trash
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Empty the whole trash?"
        confirmLabel="Empty trash"
        typedConfirmation={EMPTY_TRASH_CONFIRMATION}
        pending={empty.isPending}
        onConfirm={() => empty.mutate(EMPTY_TRASH_CONFIRMATION)}
      >
        <p className="font-semibold text-zinc-900" data-testid="empty-trash-counts">
          {erased.toLocaleString("en-US")} erased, {held.toLocaleString("en-US")} on hold kept.
        </p>
        <p>
          {filtered
            ? "The whole trash, not only this filtered view: the filters are ignored, everyone’s deletions go."
            : "The whole trash of this workspace: everyone’s deletions go."}{" "}
          Each erased record goes with its notes, activities, line items and relations. This won’t be recoverable.
        </p>
      </ConfirmDialog>
    </>
  );
}
