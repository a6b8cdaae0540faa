"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Button } from "./button";

/** The end of a dialog's form: the server's refusal (if any), then Cancel and the submit button. */
export function DialogFormFooter({
  error,
  pending,
  disabled = false,
  submitLabel,
  pendingLabel,
}: {
  error?: string | null;
  pending: boolean;
  disabled?: boolean;
  submitLabel: string;
  pendingLabel: string;
}) {
  return (
    <>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="mt-6 flex justify-end gap-2">
        <Dialog.Close asChild>
          <Button type="button" variant="secondary">
            Cancel
          </Button>
        </Dialog.Close>
        <Button type="submit" disabled={pending || disabled}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </>
  );
}
