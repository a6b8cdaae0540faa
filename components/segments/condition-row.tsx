"use client";

import { X } from "lucide-react";
import { Select } from "@/components/ui/select";
import type { Condition } from "@/lib/segments/filter";

export type ConditionDraft = Condition & { key: number };

export const OP_LABELS: Record<Condition["op"], string> = { equals: "is", not_equals: "is not", contains: "contains" };
export const inputClass =
  "block h-9 w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm shadow-xs focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none aria-invalid:border-red-400";

const label = (field: string) => field.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase());

interface Props {
  index: number;
  condition: ConditionDraft;
  fields: string[];
  invalid?: "field" | "op" | "value";
  canRemove: boolean;
  onChange: (next: ConditionDraft) => void;
  onRemove: () => void;
}

/** One "field · operator · value" line of a segment filter. */
export function ConditionRow({ index, condition, fields, invalid, canRemove, onChange, onRemove }: Props) {
  const n = index + 1;
  // A field saved before its entity's records changed still shows, so nothing is lost silently.
  const options = fields.includes(condition.field) ? fields : [condition.field, ...fields];
  return (
    <div className="grid grid-cols-[11rem_7.5rem_1fr_2rem] items-center gap-2" data-testid="condition-row">
      <Select
        aria-label={`Field ${n}`}
        aria-invalid={invalid === "field" || undefined}
        value={condition.field}
        onChange={(e) => onChange({ ...condition, field: e.target.value })}
      >
        {options.map((f) => (
          <option key={f} value={f}>
            {label(f)}
          </option>
        ))}
      </Select>
      <Select
        aria-label={`Operator ${n}`}
        value={condition.op}
        onChange={(e) => onChange({ ...condition, op: e.target.value as Condition["op"] })}
      >
        {Object.entries(OP_LABELS).map(([op, text]) => (
          <option key={op} value={op}>
            {text}
          </option>
        ))}
      </Select>
      <input
        aria-label={`Value ${n}`}
        aria-invalid={invalid === "value" || undefined}
        value={condition.value}
        maxLength={200}
        placeholder="Value"
        onChange={(e) => onChange({ ...condition, value: e.target.value })}
        className={inputClass}
      />
      <button
        type="button"
        onClick={onRemove}
        disabled={!canRemove}
        aria-label={`Remove condition ${n}`}
        className="flex size-8 items-center justify-center rounded-md text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 disabled:invisible"
      >
        <X className="size-4" aria-hidden />
      </button>
    </div>
  );
}
