"use client";

import { LoaderCircle } from "lucide-react";
import { cancelImportAction } from "@/lib/actions/imports";
import { plural, useActionMutation } from "@/components/mutations/use-action-mutation";
import { queryKeys } from "@/components/queries/keys";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { ImportView } from "@/lib/imports/jobs";

/** A running import: how far it is, what it has done so far, and a way to stop it after the chunk in flight. */
export function ImportProgress({ view }: { view: ImportView }) {
  const cancel = useActionMutation({ action: cancelImportAction, refresh: [queryKeys.importJob(view.id)] });
  const percent = view.rows ? Math.floor((view.doneRows / view.rows) * 100) : 0;
  return (
    <div className="space-y-4 p-5">
      <div className="flex items-center justify-between gap-4 text-sm">
        <p className="flex items-center gap-2 font-medium text-zinc-900">
          <LoaderCircle className="size-4 animate-spin text-brand-600" aria-hidden />
          {view.cancelRequested ? "Stopping after the rows being written…" : "Importing…"}
        </p>
        <p className="tabular-nums text-zinc-600">
          {view.doneRows.toLocaleString("en-US")} of {plural(view.rows, "row")}
        </p>
      </div>
      <ProgressBar percent={percent} label="Import progress" />
      <p className="text-sm text-zinc-600">
        So far {view.created.toLocaleString("en-US")} created, {view.updated.toLocaleString("en-US")} updated,{" "}
        {view.failedCount.toLocaleString("en-US")} failed. You can leave this page: the import keeps running, and this
        page shows where it is when you come back.
      </p>
      <div className="flex justify-end">
        <Button
          variant="secondary"
          disabled={cancel.isPending || view.cancelRequested}
          onClick={() => cancel.mutate({ id: view.id })}
        >
          Cancel import
        </Button>
      </div>
    </div>
  );
}
