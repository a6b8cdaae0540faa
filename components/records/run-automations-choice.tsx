"use client";

/** An ADMIN's choice not to run the entity's on-delete automations (the server checks the role again). */
export function RunAutomationsChoice({ checked, onChange }: { checked: boolean; onChange: (run: boolean) => void }) {
  return (
    <label className="mt-2 flex items-center gap-2 text-zinc-800">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="size-4 accent-brand-600"
      />
      Run on-delete automations
    </label>
  );
}
