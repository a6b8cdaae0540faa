"use client";

import { ShieldAlert, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useDeleteRecords, useDestroyRecords } from "@/components/mutations/use-record-mutations";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DeleteRecordDialog } from "./delete-record-dialog";

interface Props {
  record: { id: string; name: string; entitySlug: string };
  canDelete: boolean;
  canDestroy: boolean;
  retentionDays: number;
}

export function RecordActions({ record, canDelete, canDestroy, retentionDays }: Props) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"trash" | "destroy" | null>(null);
  const backToList = () => {
    setDialog(null);
    router.push(`/records/${record.entitySlug}`);
  };
  const remove = useDeleteRecords({ retentionDays, onDeleted: backToList });
  const destroy = useDestroyRecords({ onDeleted: backToList, from: "live" });
  if (!canDelete && !canDestroy) return null;

  return (
    <div className="flex gap-2">
      {canDestroy && (
        <Button
          variant="ghost"
          onClick={() => setDialog("destroy")}
          className="text-red-700 hover:bg-red-50 hover:text-red-800"
        >
          <ShieldAlert className="size-4" aria-hidden /> Delete permanently
        </Button>
      )}
      {canDelete && (
        <Button variant="secondary" onClick={() => setDialog("trash")}>
          <Trash2 className="size-4" aria-hidden /> Delete
        </Button>
      )}
      <DeleteRecordDialog
        open={dialog === "trash"}
        onOpenChange={(open) => setDialog(open ? "trash" : null)}
        names={[record.name]}
        retentionDays={retentionDays}
        pending={remove.isPending}
        onConfirm={({ runAutomations }) => remove.mutate({ ids: [record.id], runAutomations })}
      />
      <ConfirmDialog
        open={dialog === "destroy"}
        onOpenChange={(open) => setDialog(open ? "destroy" : null)}
        title={`Delete “${record.name}” permanently?`}
        confirmLabel="Delete permanently"
        typedConfirmation="delete"
        pending={destroy.isPending}
        onConfirm={() => destroy.mutate({ ids: [record.id] })}
      >
        <p>
          This won’t be recoverable. The record, its attribute values, notes, activity log, line items and its place in
          other records’ relations are erased at once — it does not go to the trash.
        </p>
        <p>Use this for erasure requests (GDPR). To keep a way back, use Delete instead.</p>
      </ConfirmDialog>
    </div>
  );
}
