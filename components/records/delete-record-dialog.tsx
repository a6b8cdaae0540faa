"use client";

import { Trash2, Workflow } from "lucide-react";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RunAutomationsChoice } from "@/components/records/run-automations-choice";

const times = (n: number) => (n === 1 ? "once" : `${n.toLocaleString("en-US")} times`);

/**
 * "Move to trash" wording: recoverable, for how long, what goes with the record — and what it
 * sets off: the entity's on-delete automations, each once per record. An ADMIN may skip them.
 */
export function DeleteRecordDialog({
  names,
  retentionDays,
  open,
  onOpenChange,
  onConfirm,
  pending,
  automations = [],
  canSkipAutomations = false,
}: {
  names: string[];
  retentionDays: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: (options: { runAutomations: boolean }) => void;
  pending?: boolean;
  automations?: { id: string; name: string }[];
  canSkipAutomations?: boolean;
}) {
  const [runAutomations, setRunAutomations] = useState(true);
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
      onConfirm={() => onConfirm({ runAutomations })}
    >
      <p>
        {one ? "It disappears" : "They disappear"} from lists, search and segments, together with{" "}
        {one ? "its" : "their"} notes, activities, line items and relations.
      </p>
      <p>
        {one ? "It" : "They"} can be recovered: restore from the trash within {retentionDays} days. After that{" "}
        {one ? "it is" : "they are"} purged permanently.
      </p>
      {automations.length > 0 && (
        <div className="rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2.5" data-testid="delete-automations">
          <p className="flex items-center gap-1.5 font-medium text-zinc-800">
            <Workflow className="size-4 text-zinc-500" aria-hidden /> On-delete automations
          </p>
          <ul className="mt-1 space-y-0.5">
            {automations.map((a) => (
              <li key={a.id}>
                “{a.name}” {runAutomations ? "runs" : "would run"} {times(names.length)}
              </li>
            ))}
          </ul>
          {canSkipAutomations && <RunAutomationsChoice checked={runAutomations} onChange={setRunAutomations} />}
        </div>
      )}
    </ConfirmDialog>
  );
}
