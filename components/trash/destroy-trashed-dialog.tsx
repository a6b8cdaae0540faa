"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { countToType } from "@/lib/universal/confirmations";

interface Props {
  /** The names of the records to delete; one is named, several are counted. */
  names: string[] | null;
  onClose: () => void;
  pending: boolean;
  /** With the count typed, for two records or more (lib/universal/confirmations.ts). */
  onConfirm: (confirmCount: string) => void;
}

/**
 * "Delete permanently" of trashed records: the trash table and the trash preview say the same.
 * Two or more ask for the count to be typed: the friction belongs where loss is permanent.
 */
export function DestroyTrashedDialog({ names, onClose, pending, onConfirm }: Props) {
  const what = names && names.length === 1 ? `“${names[0]}”` : `${names?.length ?? 0} records`;
  return (
    <ConfirmDialog
      open={names !== null}
      onOpenChange={(open) => !open && onClose()}
      title={`Delete ${what} permanently?`}
      confirmLabel="Delete permanently"
      typedConfirmation={countToType(names?.length ?? 0)}
      pending={pending}
      onConfirm={onConfirm}
    >
      <p>
        This won’t be recoverable. Each record and everything that belonged to it — notes, activities, line items and
        relations — are erased now instead of at the end of the countdown.
      </p>
    </ConfirmDialog>
  );
}
