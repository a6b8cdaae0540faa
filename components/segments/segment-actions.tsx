"use client";

import { useRouter } from "next/navigation";
import type { SegmentRow } from "@/lib/segments/list";
import { DeleteSegmentButton, NOT_ALLOWED } from "./delete-segment-button";

/** The segment page's delete control; refused callers see why instead of a working button. */
export function SegmentActions({ segment }: { segment: SegmentRow }) {
  const router = useRouter();
  return (
    <div className="flex flex-col items-end gap-1.5">
      <DeleteSegmentButton segment={segment} variant="button" onDeleted={() => router.push("/segments")} />
      {!segment.canDelete && (
        <p className="max-w-80 text-right text-xs text-zinc-500" data-testid="delete-not-allowed">
          {NOT_ALLOWED}
          {segment.createdBy ? ` It was created by ${segment.createdBy.name}.` : ""}
        </p>
      )}
    </div>
  );
}
