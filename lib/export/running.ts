import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";

// A streaming export reads every row of a view (four parallel 150k-row exports took 80 s of
// CPU), so each workspace runs at most MAX_RUNNING_EXPORTS at a time on an instance; one more
// is refused at once with a clear answer instead of queueing. Per process: several instances
// each allow their own.
export const MAX_RUNNING_EXPORTS = 1;
export const EXPORT_RUNNING_MESSAGE = "An export of this workspace is already running. Try again when it has finished.";

const running = new Map<string, number>();

/** Takes an export slot of the caller's workspace, or refuses with CONFLICT (409); call the result when the export ends. */
export function acquireExportSlot(actor: Pick<Actor, "workspaceId">): () => void {
  const count = running.get(actor.workspaceId) ?? 0;
  if (count >= MAX_RUNNING_EXPORTS) throw new AppError("CONFLICT", EXPORT_RUNNING_MESSAGE);
  running.set(actor.workspaceId, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (running.get(actor.workspaceId) ?? 1) - 1;
    if (left > 0) running.set(actor.workspaceId, left);
    else running.delete(actor.workspaceId);
  };
}
