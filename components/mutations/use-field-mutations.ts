"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { addFieldAction, updateFieldAction } from "@/lib/actions/fields";
import { useActionMutation } from "./use-action-mutation";

// Settings → Fields is server-rendered: after a change the page itself is refreshed.

/** Errors stay with the form (code and field). */
export function useAddField(onAdded: () => void) {
  const router = useRouter();
  return useActionMutation({
    action: addFieldAction,
    refresh: [],
    toastErrors: false,
    onSuccess: (_result, input) => {
      toast.success(`Added the field “${input.label.trim()}”.`);
      onAdded();
      router.refresh();
    },
  });
}

export function useUpdateField() {
  const router = useRouter();
  return useActionMutation({
    action: updateFieldAction,
    refresh: [],
    onSuccess: (_result, input) => {
      toast.success(
        input.retired === true
          ? "Field retired: hidden from forms, values kept."
          : input.retired === false
            ? "Field back in use."
            : "Field saved.",
      );
      router.refresh();
    },
  });
}
