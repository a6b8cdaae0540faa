"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Pencil } from "lucide-react";
import { useState, type FormEvent } from "react";
import { useUpdateRecord } from "@/components/mutations/use-record-writes";
import { Button } from "@/components/ui/button";
import { DialogFormFooter } from "@/components/ui/form-footer";
import type { DeclaredField } from "@/lib/universal/fields";
import { formPayload, formValuesOf, isFormField, RecordFormFields, type FormValues } from "./record-form";

type Editable = Parameters<typeof formValuesOf>[0] & { id: string };

/** The record page's Edit: the same inputs as "New …", filled in; only what changed matters to the server. */
export function EditRecordDialog({ record, fields }: { record: Editable; fields: DeclaredField[] }) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<FormValues>(() => formValuesOf(record, fields));
  const update = useUpdateRecord(() => setOpen(false));
  function change(next: boolean) {
    setOpen(next);
    if (next) setValues(formValuesOf(record, fields));
    update.reset();
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    update.mutate({ id: record.id, ...formPayload(values, fields, { create: false }) });
  }
  const error = update.error;
  return (
    <Dialog.Root open={open} onOpenChange={change}>
      <Dialog.Trigger asChild>
        <Button variant="secondary">
          <Pencil className="size-4" aria-hidden /> Edit
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 backdrop-blur-[1px]" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[calc(100vh-2rem)] w-[calc(100%-2rem)] max-w-2xl -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-2xl border border-zinc-200 bg-white p-6 shadow-xl focus:outline-none">
          <form onSubmit={submit} noValidate>
            <Dialog.Title className="mb-1 text-base font-semibold text-zinc-900">Edit “{record.name}”</Dialog.Title>
            <Dialog.Description className="mb-5 text-sm text-zinc-500">
              Clearing a field removes its value. The change is in the record’s history.
            </Dialog.Description>
            <RecordFormFields
              fields={fields}
              values={values}
              onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
              error={error ?? null}
            />
            <DialogFormFooter
              error={error && !isFormField(error.field, fields) ? error.message : null}
              pending={update.isPending}
              submitLabel="Save changes"
              pendingLabel="Saving…"
            />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
