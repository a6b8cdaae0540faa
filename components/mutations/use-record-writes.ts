"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { RECORD_VIEWS } from "@/components/queries/keys";
import { addNoteAction, createRecordAction, updateRecordAction } from "@/lib/actions/record-writes";
import { restoreRecordsAction } from "@/lib/actions/records";
import { useActionMutation } from "./use-action-mutation";

// Create and edit keep their errors with the form (code and field), so it can point at the input.

export function useCreateRecord(onCreated: (record: { id: string; name: string; entitySlug: string }) => void) {
  const router = useRouter();
  return useActionMutation({
    action: createRecordAction,
    refresh: RECORD_VIEWS,
    toastErrors: false,
    onSuccess: (result, input) => {
      if (result.status !== "created") return;
      const href = `/records/${result.entitySlug}/${result.id}`;
      toast.success(`Created “${input.name.trim()}”.`, { action: { label: "Open", onClick: () => router.push(href) } });
      onCreated({ id: result.id, name: input.name.trim(), entitySlug: result.entitySlug });
    },
  });
}

/** "Restore it instead": the trashed holder of the external id comes back with its notes and history. */
export function useRestoreHolder(onRestored: (id: string) => void) {
  return useActionMutation({
    action: (id: string) => restoreRecordsAction({ ids: [id] }),
    refresh: RECORD_VIEWS,
    onSuccess: (result, id) => {
      if (result.failed.length) toast.error(result.failed[0]!.message);
      else {
        toast.success("Restored with its notes and history.");
        onRestored(id);
      }
    },
  });
}

/** The record page is server-rendered: after an edit or a note the page itself is refreshed. */
export function useUpdateRecord(onSaved: () => void) {
  const router = useRouter();
  return useActionMutation({
    action: updateRecordAction,
    refresh: RECORD_VIEWS,
    toastErrors: false,
    onSuccess: () => {
      toast.success("Saved.");
      onSaved();
      router.refresh();
    },
  });
}

export function useAddNote(onAdded: () => void) {
  const router = useRouter();
  return useActionMutation({
    action: addNoteAction,
    refresh: [],
    toastErrors: false,
    onSuccess: () => {
      onAdded();
      router.refresh();
    },
  });
}
