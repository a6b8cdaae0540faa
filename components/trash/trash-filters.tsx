"use client";

import { clsx } from "clsx";
import { SearchBox } from "@/components/records/search-box";
import { Select } from "@/components/ui/select";
import { useUrlParams } from "@/components/ui/use-url-params";

interface Props {
  canSeeAll: boolean;
  scope: "mine" | "all";
  entities: { id: string; slug: string; name: string }[];
  deleters: { id: string; name: string }[];
  current: { entity?: string; deletedBy?: string; expiring?: string; q?: string; sort?: string };
}

export function TrashFilters({ canSeeAll, scope, entities, deleters, current }: Props) {
  const setParams = useUrlParams();
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <div
        role="radiogroup"
        aria-label="Whose deletions"
        className="inline-flex rounded-lg border border-zinc-300 bg-white p-0.5 shadow-xs"
      >
        {([["mine", "Deleted by me"], ...(canSeeAll ? [["all", "All"]] : [])] as [string, string][]).map(
          ([value, label]) => (
            <button
              key={value}
              type="button"
              role="radio"
              aria-checked={scope === value}
              onClick={() => setParams({ scope: value, deletedBy: undefined })}
              className={clsx(
                "rounded-md px-3 py-1.5 text-sm font-medium",
                scope === value ? "bg-brand-600 text-white shadow-xs" : "text-zinc-600 hover:bg-zinc-100",
              )}
            >
              {label}
            </button>
          ),
        )}
      </div>
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
      <Select
        aria-label="Sort"
        value={current.sort === "recent" ? "recent" : "purge"}
        onChange={(e) => setParams({ sort: e.target.value === "recent" ? "recent" : undefined })}
      >
        <option value="purge">Soonest purge first</option>
        <option value="recent">Recently deleted first</option>
      </Select>
      <div className="min-w-64 flex-1">
        <SearchBox
          initial={current.q ?? ""}
          placeholder="Search the trash by name, phone or external id"
          label="Search the trash"
        />
      </div>
    </div>
  );
}
