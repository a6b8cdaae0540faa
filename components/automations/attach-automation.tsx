"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { runAction } from "@/components/mutations/use-action-mutation";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { attachAutomationAction } from "@/lib/actions/automations";

export interface SegmentChoice {
  id: string;
  name: string;
}

/** The way back from a segment delete: a detached automation gets another segment (ADMIN+; the server checks again). */
export function AttachAutomation({
  automation,
  segments,
}: {
  automation: { id: string; name: string };
  segments: SegmentChoice[];
}) {
  const router = useRouter();
  const [segmentId, setSegmentId] = useState("");
  const [pending, setPending] = useState(false);
  if (segments.length === 0)
    return <p className="mt-1 text-xs text-zinc-500">Create a segment of this record type to attach it to.</p>;

  async function attach() {
    setPending(true);
    try {
      const done = await runAction(attachAutomationAction({ automationId: automation.id, segmentId }));
      toast.success(`“${automation.name}” runs again, for records entering “${done.segmentName}”.`);
      router.refresh();
    } catch (error) {
      toast.error((error as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <Select
        aria-label={`Segment for ${automation.name}`}
        value={segmentId}
        onChange={(e) => setSegmentId(e.target.value)}
        className="h-8 max-w-56 text-xs"
      >
        <option value="">Attach to a segment…</option>
        {segments.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </Select>
      <Button size="sm" variant="secondary" disabled={!segmentId || pending} onClick={() => void attach()}>
        {pending ? "Attaching…" : "Attach"}
      </Button>
    </div>
  );
}
