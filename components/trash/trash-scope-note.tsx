import { Info } from "lucide-react";

/**
 * Whoever sees only their own deletions is told what their trash leaves out: other people's
 * deletions exist (a count), and who can restore them. A VIEWER is told why theirs stays empty.
 */
export function TrashScopeNote({ othersHidden, canDelete }: { othersHidden: number; canDelete: boolean }) {
  const others =
    othersHidden === 0
      ? null
      : `${othersHidden.toLocaleString("en-US")} ${othersHidden === 1 ? "record" : "records"} deleted by other people ${othersHidden === 1 ? "is" : "are"} not shown here; an admin sees the whole trash and can restore them.`;
  if (canDelete && !others) return null;
  return (
    <p
      className="mb-4 flex items-start gap-2 rounded-xl border border-zinc-200 bg-white px-4 py-3 text-sm text-zinc-600 shadow-xs"
      data-testid={canDelete ? "trash-others-hidden" : "trash-viewer-note"}
    >
      <Info className="mt-0.5 size-4 shrink-0 text-zinc-400" aria-hidden />
      <span>
        {!canDelete && "Viewers cannot delete records, so nothing of yours waits here. "}
        {others}
      </span>
    </p>
  );
}
