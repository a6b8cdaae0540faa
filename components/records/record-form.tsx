"use client";

import { clsx } from "clsx";
import { inputClass } from "@/components/segments/condition-row";
import { Select } from "@/components/ui/select";
import type { DeclaredField, FieldType } from "@/lib/universal/fields";

// The record's inputs, shared by "New …" and "Edit": its own columns, then the entity's declared
// fields. Values are kept as typed (text, or a boolean for yes/no); the server checks them.

export type FormValues = Record<string, string | boolean>;

const COLUMNS = [
  { key: "name", label: "Name", type: "text", required: true, placeholder: "Ada Lovelace" },
  { key: "phoneNumber", label: "Phone", type: "tel", placeholder: "+44 20 7946 0958" },
  { key: "externalProvider", label: "External provider", type: "text", placeholder: "hubspot" },
  { key: "externalId", label: "External id", type: "text", placeholder: "10042" },
] as const;

const INPUT_TYPE: Partial<Record<FieldType, string>> = {
  NUMBER: "text",
  DATE: "date",
  EMAIL: "email",
  URL: "url",
  PHONE: "tel",
};

const attrKey = (name: string) => `attributes.${name}`;

/** A record's current values as the form holds them. */
export function formValuesOf(
  record: {
    name: string;
    phoneNumber: string | null;
    externalProvider: string | null;
    externalId: string | null;
    attributes: Record<string, unknown>;
  },
  fields: DeclaredField[],
): FormValues {
  const values: FormValues = {
    name: record.name,
    phoneNumber: record.phoneNumber ?? "",
    externalProvider: record.externalProvider ?? "",
    externalId: record.externalId ?? "",
  };
  for (const f of fields) {
    const v = record.attributes[f.name];
    values[attrKey(f.name)] = f.type === "BOOLEAN" ? v === true : v === undefined || v === null ? "" : String(v);
  }
  return values;
}

/** What the form sends: columns as typed; attributes blank-free on create, every field on edit (blank removes). */
export function formPayload(values: FormValues, fields: DeclaredField[], { create }: { create: boolean }) {
  const text = (key: string) => String(values[key] ?? "");
  const attributes: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[attrKey(f.name)];
    if (f.type === "BOOLEAN") attributes[f.name] = v === true;
    else if (!create || String(v ?? "").trim()) attributes[f.name] = String(v ?? "");
  }
  return {
    name: text("name"),
    phoneNumber: text("phoneNumber"),
    externalProvider: text("externalProvider"),
    externalId: text("externalId"),
    attributes,
  };
}

/** Whether an error's field is one of the form's inputs (else the form shows it in its footer). */
export const isFormField = (field: string | undefined, fields: DeclaredField[]) =>
  !!field && (COLUMNS.some((c) => c.key === field) || fields.some((f) => attrKey(f.name) === field));

/** The server's message without its technical field path. */
export function fieldMessage(error: { message: string; field?: string } | null | undefined, key: string) {
  if (!error || error.field !== key) return null;
  return error.message.startsWith(`${key}: `) ? error.message.slice(key.length + 2) : error.message;
}

function FieldError({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <span id={id} role="alert" className="mt-1 block text-xs text-red-700">
      {message}
    </span>
  ) : null;
}

export function RecordFormFields({
  fields,
  values,
  onChange,
  error,
}: {
  fields: DeclaredField[];
  values: FormValues;
  onChange: (key: string, value: string | boolean) => void;
  error: { message: string; field?: string } | null;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {COLUMNS.map((c) => {
        const message = fieldMessage(error, c.key);
        return (
          <label key={c.key} className={clsx("text-sm", c.key === "name" && "sm:col-span-2")}>
            <span className="font-medium text-zinc-700">
              {c.label}
              {"required" in c && <span className="text-red-600"> *</span>}
            </span>
            <input
              name={c.key}
              type={c.type}
              value={String(values[c.key] ?? "")}
              placeholder={c.placeholder}
              onChange={(e) => onChange(c.key, e.target.value)}
              aria-invalid={message ? true : undefined}
              aria-describedby={message ? `${c.key}-error` : undefined}
              className={clsx("mt-1.5", inputClass)}
              autoFocus={c.key === "name"}
            />
            <FieldError id={`${c.key}-error`} message={message} />
          </label>
        );
      })}
      {fields.map((f) => {
        const key = attrKey(f.name);
        const message = fieldMessage(error, key);
        const common = {
          name: key,
          "aria-invalid": message ? true : undefined,
          "aria-describedby": message ? `${f.name}-error` : undefined,
        };
        if (f.type === "BOOLEAN")
          return (
            <label key={f.id} className="flex items-center gap-2 self-end pb-2 text-sm text-zinc-700">
              <input
                type="checkbox"
                checked={values[key] === true}
                onChange={(e) => onChange(key, e.target.checked)}
                {...common}
              />
              {f.label}
              <FieldError id={`${f.name}-error`} message={message} />
            </label>
          );
        return (
          <label key={f.id} className="text-sm">
            <span className="font-medium text-zinc-700">
              {f.label}
              {f.required && <span className="text-red-600"> *</span>}
            </span>
            {f.type === "SELECT" ? (
              <Select
                value={String(values[key] ?? "")}
                onChange={(e) => onChange(key, e.target.value)}
                className="mt-1.5 block w-full"
                {...common}
              >
                <option value="">—</option>
                {f.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </Select>
            ) : (
              <input
                type={INPUT_TYPE[f.type] ?? "text"}
                inputMode={f.type === "NUMBER" ? "decimal" : undefined}
                value={String(values[key] ?? "")}
                onChange={(e) => onChange(key, e.target.value)}
                className={clsx("mt-1.5", inputClass)}
                {...common}
              />
            )}
            <FieldError id={`${f.name}-error`} message={message} />
          </label>
        );
      })}
    </div>
  );
}
