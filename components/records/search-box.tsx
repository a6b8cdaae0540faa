"use client";

import { Search, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useUrlParams } from "@/components/ui/use-url-params";

/** Search that follows typing (debounced) and keeps the query in the URL; paging restarts. */
export function SearchBox({
  initial,
  placeholder,
  label = "Search records",
}: {
  initial: string;
  placeholder: string;
  label?: string;
}) {
  const setParams = useUrlParams();
  const [value, setValue] = useState(initial);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => setParams({ q: value.trim() || undefined }), 300);
    return () => clearTimeout(timer);
    // Only typing triggers a search; a new setParams identity after navigation must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  return (
    <div className="relative w-full max-w-md">
      <Search
        className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-400"
        aria-hidden
      />
      <input
        type="search"
        aria-label={label}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder={placeholder}
        className="block h-9 w-full rounded-lg border border-zinc-300 bg-white pl-9 pr-8 text-sm shadow-xs placeholder:text-zinc-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none [&::-webkit-search-cancel-button]:hidden"
      />
      {value && (
        <button
          type="button"
          onClick={() => setValue("")}
          aria-label="Clear search"
          className="absolute right-2 top-1/2 -translate-y-1/2 rounded p-0.5 text-zinc-400 hover:text-zinc-700"
        >
          <X className="size-4" aria-hidden />
        </button>
      )}
    </div>
  );
}
