"use client";

import { Trash2 } from "lucide-react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** "Move to trash" wording: recoverable, for how long, and what goes with the record. */
export function DeleteRecordDialog({
  names,
  retentionDays,
  open,
  onOpenChange,
  onConfirm,
  pending,
}: {
  names: string[];
  retentionDays: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
  pending?: boolean;
}) {
  const one = names.length === 1;
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={
        one ? `Move “${names[0]}” to the trash?` : `Move ${names.length.toLocaleString("en-US")} records to the trash?`
      }
      confirmLabel="Move to trash"
      icon={Trash2}
      pending={pending}
      onConfirm={onConfirm}
    >
      <p>
        {one ? "It disappears" : "They disappear"} from lists, search and segments, together with{" "}
        {one ? "its" : "their"} notes, activities, line items and relations.
      </p>
      <p>
        It can be recovered: restore from the trash within {retentionDays} days. After that it is purged permanently.
      </p>
    </ConfirmDialog>
  );
}
