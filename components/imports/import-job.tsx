"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/queries/fetch-json";
import { queryKeys } from "@/components/queries/keys";
import type { ImportView } from "@/lib/imports/jobs";
import { ImportProgress } from "./import-progress";
import { ImportResult } from "./import-result";
import { ImportSetup } from "./import-setup";

/** One import through its steps: map and preview, then progress (polled; leave and come back), then the result. */
export function ImportJob({ initial }: { initial: ImportView }) {
  const { data: view } = useQuery({
    queryKey: queryKeys.importJob(initial.id),
    queryFn: () => fetchJson<ImportView>(`/api/app/imports/${initial.id}`),
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.status === "running" ? 750 : false),
  });
  if (view.status === "ready") return <ImportSetup view={view} />;
  if (view.status === "running") return <ImportProgress view={view} />;
  return <ImportResult view={view} />;
}
