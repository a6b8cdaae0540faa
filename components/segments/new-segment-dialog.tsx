"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { ListFilter, Plus, Search, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { useCreateSegment } from "@/components/mutations/use-segment-mutations";
import { Button } from "@/components/ui/button";
import { DialogFormFooter } from "@/components/ui/form-footer";
import { Select } from "@/components/ui/select";
import type { EntitySummary } from "@/lib/entities";
import { RECORD_FIELD_NAMES } from "@/lib/universal/record-fields";
import { ConditionRow, inputClass, type ConditionDraft } from "./condition-row";
import { SegmentPreview } from "./segment-preview";

const MAX_CONDITIONS = 10;

interface Props {
  entities: EntitySummary[];
  /** Filterable fields per entity slug. */
  fields: Record<string, string[]>;
  /** "Save search as segment" from the records list: opens at once with that entity and search. */
  initial?: { entity: string; q?: string };
}

/** Prefer an attribute (status, source, …) over the record columns as the first field offered. */
const firstField = (fields: string[]) =>
  fields.find((f) => !(RECORD_FIELD_NAMES as string[]).includes(f)) ?? fields[0] ?? "name";

/** The server's message without its technical field path, naming the condition row instead. */
function friendly(error: { message: string; field?: string }): string {
  const message =
    error.field && error.message.startsWith(`${error.field}: `)
      ? error.message.slice(error.field.length + 2)
      : error.message;
  const row = error.field?.match(/^filter\.conditions\.(\d+)\./);
  return row ? `Condition ${Number(row[1]) + 1}: ${message}` : message;
}

/** "New segment": entity, name and 1+ conditions, with a live count of the records that match. */
export function NewSegmentDialog({ entities, fields, initial }: Props) {
  const router = useRouter();
  const startEntity = entities.find((x) => x.slug === initial?.entity)?.slug ?? entities[0]?.slug ?? "";
  const [open, setOpen] = useState(initial !== undefined);
  const [entity, setEntity] = useState(startEntity);
  const [q, setQ] = useState(initial?.q?.trim() || undefined);
  const [name, setName] = useState("");
  const nextKey = useRef(1);
  const blank = (slug: string): ConditionDraft => ({
    key: nextKey.current++,
    field: firstField(fields[slug] ?? []),
    op: "equals",
    value: "",
  });
  const [conditions, setConditions] = useState<ConditionDraft[]>(() =>
    q ? [] : [{ key: 0, field: firstField(fields[startEntity] ?? []), op: "equals", value: "" }],
  );
  const create = useCreateSegment({ onCreated: () => close(false) });
  const error = create.error;
  const field = error?.field ?? "";

  function close(next: boolean) {
    setOpen(next);
    if (!next) {
      setName("");
      setQ(undefined);
      setConditions([blank(entity)]);
      create.reset();
      // Opened from the records list: drop ?new=… so a reload does not open it again.
      if (initial) router.replace("/segments");
    }
  }
  function changeEntity(slug: string) {
    setEntity(slug);
    setConditions([blank(slug)]);
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({
      name,
      entity,
      filter: {
        ...(q ? { q } : {}),
        conditions: conditions.map(({ field: f, op, value }) => ({ field: f, op, value })),
      },
    });
  }

  const entityName = entities.find((x) => x.slug === entity)?.name ?? "Records";
  // Preview what is complete so far; half-typed rows do not empty the count.
  const previewFilter = {
    ...(q ? { q } : {}),
    conditions: conditions
      .filter((c) => c.value.trim())
      .map(({ field: f, op, value }) => ({ field: f, op, value: value.trim() })),
  };
  const rowError = (i: number) =>
    field.startsWith(`filter.conditions.${i}.`) ? (field.split(".").pop() as "field" | "op" | "value") : undefined;

  return (
    <Dialog.Root open={open} onOpenChange={close}>
      <Dialog.Trigger asChild>
        <Button>
          <Plus className="size-4" aria-hidden /> New segment
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 backdrop-blur-[1px]" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[calc(100vh-2rem)] w-[calc(100%-2rem)] max-w-2xl -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-2xl border border-zinc-200 bg-white p-6 shadow-xl focus:outline-none">
          <form onSubmit={submit} noValidate>
            <div className="flex gap-4">
              <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-600">
                <ListFilter className="size-5" aria-hidden />
              </span>
              <div className="min-w-0 flex-1">
                <Dialog.Title className="text-base font-semibold text-zinc-900">New segment</Dialog.Title>
                <Dialog.Description className="mt-1 text-sm text-zinc-500">
                  A saved filter. Records that match every condition are its members; it keeps up as records are deleted
                  or restored.
                </Dialog.Description>
              </div>
            </div>

            <div className="mt-5 grid grid-cols-[1fr_12rem] gap-3">
              <label className="text-sm">
                <span className="font-medium text-zinc-700">Name</span>
                <input
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  maxLength={100}
                  autoFocus
                  aria-invalid={field === "name" || undefined}
                  className={`mt-1.5 ${inputClass}`}
                  placeholder="e.g. Hot leads in Berlin"
                />
              </label>
              <label className="text-sm">
                <span className="font-medium text-zinc-700">Records</span>
                <Select
                  value={entity}
                  onChange={(e) => changeEntity(e.target.value)}
                  aria-label="Entity"
                  className="mt-1.5 block w-full"
                >
                  {entities.map((x) => (
                    <option key={x.id} value={x.slug}>
                      {x.name}
                    </option>
                  ))}
                </Select>
              </label>
            </div>

            <fieldset className="mt-5">
              <legend className="text-sm font-medium text-zinc-700">
                Conditions <span className="font-normal text-zinc-500">— all must hold</span>
              </legend>
              <div className="mt-2 space-y-2">
                {q && (
                  <div className="flex items-center gap-2 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
                    <Search className="size-4 shrink-0" aria-hidden />
                    <span className="flex-1">Name, phone or external id matches “{q}”</span>
                    <button
                      type="button"
                      aria-label="Remove the search"
                      className="rounded p-0.5 hover:bg-brand-100"
                      onClick={() => {
                        setQ(undefined);
                        if (conditions.length === 0) setConditions([blank(entity)]);
                      }}
                    >
                      <X className="size-4" aria-hidden />
                    </button>
                  </div>
                )}
                {conditions.map((c, i) => (
                  <ConditionRow
                    key={c.key}
                    index={i}
                    condition={c}
                    fields={fields[entity] ?? []}
                    invalid={rowError(i)}
                    canRemove={conditions.length > 1 || q !== undefined}
                    onChange={(next) => setConditions((all) => all.map((x) => (x.key === c.key ? next : x)))}
                    onRemove={() => setConditions((all) => all.filter((x) => x.key !== c.key))}
                  />
                ))}
              </div>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                className="mt-2"
                disabled={conditions.length >= MAX_CONDITIONS}
                onClick={() => setConditions((all) => [...all, blank(entity)])}
              >
                <Plus className="size-3.5" aria-hidden /> Add condition
              </Button>
            </fieldset>

            <div className="mt-4">
              <SegmentPreview entity={entity} entityName={entityName} filter={previewFilter} />
            </div>
            <DialogFormFooter
              error={error && friendly(error)}
              pending={create.isPending}
              submitLabel="Create segment"
              pendingLabel="Creating…"
            />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
