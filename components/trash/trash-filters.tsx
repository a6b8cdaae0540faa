"use client";

import { clsx } from "clsx";
import { X } from "lucide-react";
import type { KeyboardEvent } from "react";
import { SearchBox } from "@/components/records/search-box";
import { FiltersSheet } from "./filters-sheet";
import { Select } from "@/components/ui/select";
import { useUrlParams } from "@/components/ui/use-url-params";

interface Props {
  canSeeAll: boolean;
  scope: "mine" | "all";
  entities: { id: string; slug: string; name: string }[];
  deleters: { id: string; name: string }[];
  current: {
    entity?: string;
    deletedBy?: string;
    expiring?: string;
    q?: string;
    sort?: string;
    batch?: string;
    from?: string;
    to?: string;
  };
}

const SCOPES: [Props["scope"], string][] = [
  ["mine", "Deleted by me"],
  ["all", "All"],
];

export function TrashFilters({ canSeeAll, scope, entities, deleters, current }: Props) {
  const setParams = useUrlParams();
  const scopes = canSeeAll ? SCOPES : SCOPES.slice(0, 1);
  // A radio group (WAI-ARIA): one Tab stop, the arrow keys move the choice and the focus.
  const onArrow = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (!step || scopes.length < 2) return;
    e.preventDefault();
    const at = scopes.findIndex(([value]) => value === scope);
    const [next] = scopes[(at + step + scopes.length) % scopes.length]!;
    setParams({ scope: next, deletedBy: undefined });
    e.currentTarget.querySelector<HTMLElement>(`[data-scope="${next}"]`)?.focus();
  };
  // Type, who, expiring and sort: inline on wide screens, in a sheet on a phone (so rows come first).
  const more = (
    <>
      <Select
        aria-label="Entity"
        value={current.entity ?? ""}
        onChange={(e) => setParams({ entity: e.target.value || undefined })}
      >
        <option value="">All types</option>
        {entities.map((e) => (
          <option key={e.id} value={e.slug}>
            {e.name}
          </option>
        ))}
      </Select>
      {scope === "all" && (
        <Select
          aria-label="Deleted by"
          value={current.deletedBy ?? ""}
          onChange={(e) => setParams({ deletedBy: e.target.value || undefined })}
        >
          <option value="">Anyone</option>
          {deleters.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      )}
      <label className="inline-flex h-9 items-center gap-2 rounded-lg border border-zinc-300 bg-white px-3 text-sm shadow-xs">
        <input
          type="checkbox"
          className="size-4 accent-brand-600"
          checked={current.expiring === "24h"}
          onChange={(e) => setParams({ expiring: e.target.checked ? "24h" : undefined })}
        />
        Expiring within 24 h
      </label>
      <fieldset className="inline-flex h-9 items-center gap-1.5 rounded-lg border border-zinc-300 bg-white px-2 text-sm shadow-xs">
        <legend className="sr-only">Deleted between (UTC days)</legend>
        <span className="text-zinc-500" aria-hidden>
          Deleted
        </span>
        <input
          type="date"
          aria-label="Deleted from"
          value={current.from ?? ""}
          max={current.to}
          onChange={(e) => setParams({ from: e.target.value || undefined })}
          className="bg-transparent text-sm focus:outline-none"
        />
        <span className="text-zinc-400" aria-hidden>
          –
        </span>
        <input
          type="date"
          aria-label="Deleted to"
          value={current.to ?? ""}
          min={current.from}
          onChange={(e) => setParams({ to: e.target.value || undefined })}
          className="bg-transparent text-sm focus:outline-none"
        />
      </fieldset>
      <Select
        aria-label="Sort"
        value={current.sort === "recent" ? "recent" : "purge"}
        onChange={(e) => setParams({ sort: e.target.value === "recent" ? "recent" : undefined })}
      >
        <option value="purge">Soonest purge first</option>
        <option value="recent">Recently deleted first</option>
      </Select>
    </>
  );
  const active = [
    current.entity,
    scope === "all" && current.deletedBy,
    current.expiring,
    current.sort,
    current.from,
    current.to,
  ].filter(Boolean).length;
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <div
        role="radiogroup"
        aria-label="Whose deletions"
        className="inline-flex rounded-lg border border-zinc-300 bg-white p-0.5 shadow-xs"
        onKeyDown={onArrow}
      >
        {scopes.map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="radio"
            data-scope={value}
            aria-checked={scope === value}
            tabIndex={scope === value ? 0 : -1}
            onClick={() => setParams({ scope: value, deletedBy: undefined })}
            className={clsx(
              "rounded-md px-3 py-1.5 text-sm font-medium",
              scope === value ? "bg-brand-600 text-white shadow-xs" : "text-zinc-600 hover:bg-zinc-100",
            )}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="contents max-md:hidden">{more}</div>
      <FiltersSheet active={active}>{more}</FiltersSheet>
      {current.batch && (
        <span
          className="inline-flex h-9 items-center gap-1 rounded-lg border border-brand-200 bg-brand-50 pl-3 pr-1 text-sm font-medium text-brand-800"
          data-testid="batch-filter"
        >
          One delete batch
          <button
            type="button"
            onClick={() => setParams({ batch: undefined })}
            aria-label="Show every batch"
            className="rounded-md p-1 hover:bg-brand-100"
          >
            <X className="size-3.5" aria-hidden />
          </button>
        </span>
      )}
      <div className="min-w-0 flex-1 basis-full sm:min-w-64 sm:basis-auto">
        <SearchBox
          initial={current.q ?? ""}
          placeholder="Search the trash by name, phone or external id"
          label="Search the trash"
        />
      </div>
    </div>
  );
}
