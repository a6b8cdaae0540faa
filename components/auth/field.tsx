import type { InputHTMLAttributes } from "react";

export const inputClass =
  "block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm shadow-xs placeholder:text-zinc-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none";

/** A labelled input with an optional hint under it. */
export function Field({
  label,
  hint,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string }) {
  const id = props.id ?? props.name;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="text-sm font-medium text-zinc-700">
        {label}
      </label>
      <input id={id} className={inputClass} {...props} />
      {hint && <p className="text-xs text-zinc-500">{hint}</p>}
    </div>
  );
}
