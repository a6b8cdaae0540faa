"use client";

import { Unlink } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { SegmentRow } from "@/lib/segments/list";

interface Props {
  segment: Pick<SegmentRow, "name" | "memberCount" | "automations">;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
  pending?: boolean;
}

/** Says what will stop before anything does: the automations that lose their trigger, by name. */
export function DeleteSegmentDialog({ segment, open, onOpenChange, onConfirm, pending }: Props) {
  const { automations } = segment;
  const members = segment.memberCount.toLocaleString("en-US");
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Delete segment “${segment.name}”?`}
      confirmLabel="Delete segment"
      pending={pending}
      onConfirm={onConfirm}
    >
      <p>
        This can’t be undone: segments have no trash. The segment and its list of {members}{" "}
        {segment.memberCount === 1 ? "member" : "members"} go for good; the records themselves are not touched.
      </p>
      {automations.length === 0 ? (
        <p>No automations use this segment.</p>
      ) : (
        <div data-testid="automations-that-stop">
          <p className="font-medium text-zinc-900">
            {automations.length === 1
              ? "This automation will stop:"
              : `These ${automations.length} automations will stop:`}
          </p>
          <ul className="mt-2 space-y-1.5 rounded-lg border border-amber-200 bg-amber-50/60 p-3">
            {automations.map((a) => (
              <li key={a.id} className="flex items-center gap-2 text-zinc-800">
                <Unlink className="size-3.5 shrink-0 text-amber-700" aria-hidden />
                <span className="min-w-0 flex-1 truncate">{a.name}</span>
                {a.status !== "ACTIVE" && <Badge>{a.status === "PAUSED" ? "Paused" : "Detached"}</Badge>}
              </li>
            ))}
          </ul>
          <p className="mt-2">
            {automations.length === 1 ? "It is" : "They are"} kept, marked Detached, and will never trigger again.
          </p>
        </div>
      )}
    </ConfirmDialog>
  );
}
