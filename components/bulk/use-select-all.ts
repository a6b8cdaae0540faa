"use client";

import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { runAction } from "@/components/mutations/use-action-mutation";
import { createSelectionAction } from "@/lib/actions/bulk";
import type { SelectionRequest } from "@/lib/bulk/schemas";
import type { RowSelection } from "./use-row-selection";

/** Asks the server for the exact snapshot of everything matching the filter. */
export function useSelectAll(selection: RowSelection, filter: SelectionRequest) {
  return useMutation({
    mutationFn: () => runAction(createSelectionAction(filter)),
    onSuccess: (snapshot) =>
      selection.setMatching({
        token: snapshot.token,
        count: snapshot.count,
        chunks: snapshot.chunks,
        deletedByOthers: snapshot.deletedByOthers,
      }),
    onError: (error) => toast.error(error.message),
  });
}
