"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useDestroyRecords, useRestoreRecords } from "@/components/mutations/use-record-mutations";
import { useSetHold } from "@/components/mutations/use-trash-mutations";
import { DestroyTrashedDialog } from "./destroy-trashed-dialog";
import { TrashRowActions } from "./trash-row-actions";

interface Props {
  record: { id: string; name: string; entitySlug: string; heldAt: string | null };
  can: { restore: boolean; hold: boolean; destroy: boolean };
}

/** The trash row's actions on the preview: restore opens the live record, delete returns to the trash. */
export function TrashPreviewActions({ record, can }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const restore = useRestoreRecords();
  const hold = useSetHold();
  const destroy = useDestroyRecords({ from: "trash", onDeleted: () => router.push("/trash") });
  return (
    <>
      <TrashRowActions
        fold={false}
        row={record}
        canRestore={can.restore}
        canHold={can.hold}
        canDestroy={can.destroy}
        onRestore={() =>
          restore.mutate([record.id], {
            onSuccess: (r) => r.succeeded.length > 0 && router.push(`/records/${record.entitySlug}/${record.id}`),
          })
        }
        onHold={() => hold.mutate({ id: record.id, hold: !record.heldAt }, { onSuccess: () => router.refresh() })}
        onDestroy={() => setConfirming(true)}
      />
      <DestroyTrashedDialog
        names={confirming ? [record.name] : null}
        onClose={() => setConfirming(false)}
        pending={destroy.isPending}
        onConfirm={() => destroy.mutate({ ids: [record.id] })}
      />
    </>
  );
}
