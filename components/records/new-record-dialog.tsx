"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { ArchiveRestore, UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useCreateRecord, useRestoreHolder } from "@/components/mutations/use-record-writes";
import { Button } from "@/components/ui/button";
import { DialogFormFooter } from "@/components/ui/form-footer";
import type { DeclaredField } from "@/lib/universal/fields";
import { formPayload, isFormField, RecordFormFields, type FormValues } from "./record-form";

interface Holder {
  id: string;
  name: string;
  recordNumber: string;
}

/**
 * "New lead / contact / deal": the record's columns and the entity's declared fields. Mounted
 * open by its button (new-record-button.tsx) and unmounted on close, so every opening starts
 * empty and its code loads only when someone creates a record.
 */
export function NewRecordDialog({
  entity,
  fields,
  onClose,
}: {
  entity: { slug: string; name: string };
  fields: DeclaredField[];
  onClose: () => void;
}) {
  const router = useRouter();
  const noun = entity.name.replace(/s$/, "").toLowerCase();
  const [values, setValues] = useState<FormValues>({});
  const [holder, setHolder] = useState<Holder | null>(null);
  const create = useCreateRecord(onClose);
  const restore = useRestoreHolder((id) => {
    onClose();
    router.push(`/records/${entity.slug}/${id}`);
  });

  function send(ifTrashedHolder: "ask" | "create") {
    create.mutate(
      { entity: entity.slug, ifTrashedHolder, ...formPayload(values, fields, { create: true }) },
      { onSuccess: (result) => setHolder(result.status === "trashedHolder" ? result.holder : null) },
    );
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    send("ask");
  }
  const error = create.error;
  // A field error shows beside its input; anything else (forbidden, a database outage) in the footer.
  const footerError = error && !isFormField(error.field, fields) ? error.message : null;

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 backdrop-blur-[1px]" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[calc(100vh-2rem)] w-[calc(100%-2rem)] max-w-2xl -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-2xl border border-zinc-200 bg-white p-6 shadow-xl focus:outline-none">
          <form onSubmit={submit} noValidate>
            <div className="mb-5 flex gap-4">
              <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-600">
                <UserPlus className="size-5" aria-hidden />
              </span>
              <div className="min-w-0 flex-1">
                <Dialog.Title className="text-base font-semibold text-zinc-900">New {noun}</Dialog.Title>
                <Dialog.Description className="mt-1 text-sm text-zinc-500">
                  Phone numbers are stored in international form (+49…) so search and the API find them. An external id
                  is unique among live {entity.name.toLowerCase()}.
                </Dialog.Description>
              </div>
            </div>
            <RecordFormFields
              fields={fields}
              values={values}
              onChange={(key, value) => {
                setValues((v) => ({ ...v, [key]: value }));
                setHolder(null);
              }}
              error={error ?? null}
            />
            {holder && (
              <div
                role="alert"
                className="mt-5 rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900"
                data-testid="trashed-holder"
              >
                <p>
                  <strong>“{holder.name}”</strong> (No. {holder.recordNumber}) is in the trash with this external id.
                  Restore it to get it back with its notes and history, or create a new {noun} anyway.
                </p>
                <div className="mt-3 flex flex-wrap gap-2">
                  <Button
                    type="button"
                    size="sm"
                    disabled={restore.isPending}
                    onClick={() => restore.mutate(holder.id)}
                  >
                    <ArchiveRestore className="size-3.5" aria-hidden /> Restore it instead
                  </Button>
                  <Button
                    type="button"
                    size="sm"
                    variant="secondary"
                    disabled={create.isPending}
                    onClick={() => send("create")}
                  >
                    Create anyway
                  </Button>
                </div>
              </div>
            )}
            <DialogFormFooter
              error={footerError}
              pending={create.isPending}
              disabled={holder !== null}
              submitLabel={`Create ${noun}`}
              pendingLabel="Creating…"
            />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
