"use client";

import { clsx } from "clsx";
import { Archive, ArchiveRestore, Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { useAddField, useUpdateField } from "@/components/mutations/use-field-mutations";
import { inputClass } from "@/components/segments/condition-row";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { th, theadClass } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import {
  FIELD_TYPE_LABELS,
  FIELD_TYPES,
  labelFromName,
  type DeclaredField,
  type FieldType,
} from "@/lib/universal/fields";

const splitOptions = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** One field's row: rename the label in place, add options, retire or bring back. */
function FieldRow({ field }: { field: DeclaredField }) {
  const update = useUpdateField();
  const [label, setLabel] = useState(field.label);
  const [more, setMore] = useState("");
  const changed = label.trim() !== field.label || splitOptions(more).length > 0;
  function save(e: FormEvent) {
    e.preventDefault();
    update.mutate(
      {
        id: field.id,
        ...(label.trim() !== field.label ? { label } : {}),
        ...(splitOptions(more).length ? { addOptions: splitOptions(more) } : {}),
      },
      { onSuccess: () => setMore("") },
    );
  }
  return (
    <tr className={clsx("align-top", field.retired && "bg-zinc-50 text-zinc-500")} data-testid={`field-${field.name}`}>
      <td className="px-4 py-3">
        <form id={`field-form-${field.id}`} onSubmit={save}>
          <input
            aria-label={`Label of ${field.name}`}
            value={label}
            maxLength={80}
            onChange={(e) => setLabel(e.target.value)}
            className={inputClass}
            disabled={field.retired}
          />
        </form>
        <code className="mt-1 block font-mono text-xs text-zinc-500">{field.name}</code>
      </td>
      <td className="px-4 py-3">
        {FIELD_TYPE_LABELS[field.type]}
        {field.required && <span className="ml-1 text-xs text-zinc-500">· required</span>}
        {field.retired && (
          <span className="ml-2">
            <Badge>Retired</Badge>
          </span>
        )}
      </td>
      <td className="px-4 py-3">
        {field.type === "SELECT" ? (
          <>
            <p className="text-sm [overflow-wrap:anywhere]">{field.options.join(", ")}</p>
            {!field.retired && (
              <input
                form={`field-form-${field.id}`}
                aria-label={`New options for ${field.name}`}
                placeholder="Add options, comma-separated"
                value={more}
                onChange={(e) => setMore(e.target.value)}
                className={clsx("mt-1.5", inputClass)}
              />
            )}
          </>
        ) : (
          <span className="text-zinc-400">—</span>
        )}
      </td>
      <td className="px-4 py-3 text-right">
        <div className="flex justify-end gap-2">
          {!field.retired && (
            <Button
              type="submit"
              form={`field-form-${field.id}`}
              size="sm"
              variant="secondary"
              disabled={!changed || update.isPending}
            >
              Save
            </Button>
          )}
          <Button
            type="button"
            size="sm"
            variant="ghost"
            disabled={update.isPending}
            onClick={() => update.mutate({ id: field.id, retired: !field.retired })}
          >
            {field.retired ? (
              <>
                <ArchiveRestore className="size-3.5" aria-hidden /> Bring back
              </>
            ) : (
              <>
                <Archive className="size-3.5" aria-hidden /> Retire
              </>
            )}
          </Button>
        </div>
      </td>
    </tr>
  );
}

/** "Add field": label (the name follows it until edited), type, options for a single select, required. */
function AddFieldForm({ entity }: { entity: string }) {
  const [label, setLabel] = useState("");
  const [name, setName] = useState<string | null>(null);
  const [type, setType] = useState<FieldType>("TEXT");
  const [options, setOptions] = useState("");
  const [required, setRequired] = useState(false);
  const add = useAddField(() => {
    setLabel("");
    setName(null);
    setOptions("");
    setRequired(false);
  });
  const suggested = labelFromName(label)
    .toLowerCase()
    .replace(/[^a-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))
    .replace(/^[^a-z]+/, "");
  const error = add.error;
  return (
    <form
      className="grid gap-3 border-t border-zinc-100 px-5 py-4 sm:grid-cols-[1fr_1fr_10rem_auto]"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ entity, label, name: name ?? suggested, type, required, options: splitOptions(options) });
      }}
      noValidate
    >
      <label className="text-sm">
        <span className="font-medium text-zinc-700">Label</span>
        <input
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          placeholder="e.g. Lead source"
          maxLength={80}
          aria-invalid={error?.field === "label" || undefined}
          className={clsx("mt-1.5", inputClass)}
        />
      </label>
      <label className="text-sm">
        <span className="font-medium text-zinc-700">Name (API)</span>
        <input
          value={name ?? suggested}
          onChange={(e) => setName(e.target.value)}
          placeholder="leadSource"
          maxLength={64}
          aria-invalid={error?.field === "name" || undefined}
          className={clsx("mt-1.5 font-mono", inputClass)}
        />
      </label>
      <label className="text-sm">
        <span className="font-medium text-zinc-700">Type</span>
        <Select
          value={type}
          onChange={(e) => setType(e.target.value as FieldType)}
          className="mt-1.5 block w-full"
          aria-label="Type"
        >
          {FIELD_TYPES.map((t) => (
            <option key={t} value={t}>
              {FIELD_TYPE_LABELS[t]}
            </option>
          ))}
        </Select>
      </label>
      <div className="flex items-end">
        <Button type="submit" disabled={add.isPending || !label.trim()}>
          <Plus className="size-4" aria-hidden /> {add.isPending ? "Adding…" : "Add field"}
        </Button>
      </div>
      {type === "SELECT" && (
        <label className="text-sm sm:col-span-2">
          <span className="font-medium text-zinc-700">Options</span>
          <input
            value={options}
            onChange={(e) => setOptions(e.target.value)}
            placeholder="New, Contacted, Qualified"
            aria-invalid={error?.field === "options" || undefined}
            className={clsx("mt-1.5", inputClass)}
          />
        </label>
      )}
      <label className="flex items-center gap-2 text-sm text-zinc-700 sm:col-span-4">
        <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
        Required: every new or edited record must have a value
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700 sm:col-span-4">
          {error.message}
        </p>
      )}
    </form>
  );
}

export function FieldsEditor({ entity, fields }: { entity: string; fields: DeclaredField[] }) {
  return (
    <>
      {/* relative: the sr-only header is absolutely placed and would otherwise widen the page. */}
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[40rem] text-left text-sm" data-testid="fields-table">
          <thead className={theadClass}>
            <tr>
              <th className={th}>Label and name</th>
              <th className={th}>Type</th>
              <th className={th}>Options</th>
              <th className={th}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {fields.map((f) => (
              <FieldRow key={f.id} field={f} />
            ))}
            {fields.length === 0 && (
              <tr>
                <td colSpan={4} className="px-4 py-6 text-center text-zinc-500">
                  No fields yet: records have a name, phone and external id only.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <AddFieldForm entity={entity} />
    </>
  );
}
