/** The workspace's initial and name, atop the sidebar and in the narrow-screen top bar. */
export function WorkspaceBrand({ name, testId }: { name: string; testId?: string }) {
  return (
    <div className="flex min-w-0 items-center gap-2.5">
      <span
        className="flex size-7 shrink-0 items-center justify-center rounded-lg bg-brand-600 text-xs font-bold text-white"
        aria-hidden
      >
        {name.slice(0, 1).toUpperCase()}
      </span>
      <div className="min-w-0">
        <p className="truncate text-sm font-semibold" data-testid={testId}>
          {name}
        </p>
        <p className="text-[11px] text-zinc-500">Trash Bin CRM</p>
      </div>
    </div>
  );
}
