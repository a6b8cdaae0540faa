"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { useEmptyTrash } from "@/components/mutations/use-trash-mutations";
import { useTrashCount } from "@/components/queries/reads";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EMPTY_TRASH_CONFIRMATION } from "@/lib/universal/confirmations";

/** ADMIN+ only (the page renders it for them; the server refuses anyone else anyway). */
export function EmptyTrashButton({ total: initial }: { total: number }) {
  const [open, setOpen] = useState(false);
  const empty = useEmptyTrash({ onDone: () => setOpen(false) });
  // An admin's trash badge counts the whole workspace's trash: the same number.
  const { data: total } = useTrashCount(initial);
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)} disabled={total === 0}>
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
        <p>
          Every record in this workspace’s trash ({total.toLocaleString("en-US")}) is deleted permanently, with its
          notes, activities, line items and relations. This won’t be recoverable.
        </p>
        <p>Records on hold are kept.</p>
      </ConfirmDialog>
    </>
  );
}
