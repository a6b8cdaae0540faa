import { clsx } from "clsx";

/** Pre-formatted code: dark for what you type or send, light for schemas you read. */
export function CodeBlock({ children, dark, label }: { children: string; dark?: boolean; label?: string }) {
  return (
    // Focusable so a keyboard can scroll a long line sideways.
    <pre
      tabIndex={0}
      aria-label={label}
      className={clsx(
        "overflow-x-auto rounded-lg px-4 py-3 font-mono text-xs leading-5",
        dark ? "bg-zinc-900 text-zinc-100" : "border border-zinc-200 bg-zinc-50 text-zinc-800",
      )}
    >
      <code>{children}</code>
    </pre>
  );
}
