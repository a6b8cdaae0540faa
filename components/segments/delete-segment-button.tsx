"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useDeleteSegment } from "@/components/mutations/use-segment-mutations";
import { Button } from "@/components/ui/button";
import type { SegmentRow } from "@/lib/segments/list";
import { DeleteSegmentDialog } from "./delete-segment-dialog";

export const NOT_ALLOWED = "Only its creator or the workspace owner can delete it.";

interface Props {
  segment: SegmentRow;
  /** "icon" in a table row, "button" on the segment's own page. */
  variant?: "icon" | "button";
  onDeleted?: () => void;
}

/**
 * Delete control for one segment. When the caller may not delete it (someone else's, and they
 * are not the OWNER) it stays visible but disabled, saying why; the server refuses anyway.
 */
export function DeleteSegmentButton({ segment, variant = "icon", onDeleted }: Props) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteSegment({
    onDeleted: () => {
      setOpen(false);
      onDeleted?.();
    },
  });
  const label = `Delete segment ${segment.name}`;
  const allowed = segment.canDelete;
  const onClick = () => (allowed ? setOpen(true) : toast.info(NOT_ALLOWED));

  return (
    <>
      {variant === "icon" ? (
        <button
          type="button"
          onClick={onClick}
          aria-label={label}
          aria-disabled={!allowed || undefined}
          title={allowed ? "Delete segment" : NOT_ALLOWED}
          className={
            allowed
              ? "rounded-md p-1.5 text-zinc-400 transition hover:bg-red-50 hover:text-red-600"
              : "cursor-not-allowed rounded-md p-1.5 text-zinc-300"
          }
        >
          <Trash2 className="size-4" aria-hidden />
        </button>
      ) : (
        <Button
          variant="secondary"
          onClick={onClick}
          aria-label={label}
          aria-disabled={!allowed || undefined}
          title={allowed ? undefined : NOT_ALLOWED}
          className={allowed ? undefined : "cursor-not-allowed opacity-50 hover:bg-white"}
        >
          <Trash2 className="size-4" aria-hidden /> Delete segment
        </Button>
      )}
      {allowed && (
        <DeleteSegmentDialog
          segment={segment}
          open={open}
          onOpenChange={setOpen}
          pending={remove.isPending}
          onConfirm={() => remove.mutate({ id: segment.id, name: segment.name })}
        />
      )}
    </>
  );
}
