"use client";

import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { createSelectionAction } from "@/app/actions/bulk";
import { runAction } from "@/components/mutations/run-action";
import type { SelectionFilter } from "@/lib/bulk/schemas";
import type { RowSelection } from "./use-row-selection";

/** Asks the server for the exact snapshot of everything matching the filter. */
export function useSelectAll(selection: RowSelection, filter: SelectionFilter) {
  return useMutation({
    mutationFn: () => runAction(createSelectionAction(filter)),
    onSuccess: (snapshot) => selection.setMatching({ token: snapshot.token, count: snapshot.count, chunks: snapshot.chunks }),
    onError: (error) => toast.error(error.message),
  });
}
