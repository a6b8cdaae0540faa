"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleAlert, FlaskConical, LoaderCircle, Play } from "lucide-react";
import { useId, useState } from "react";
import { cancelImportAction, dryRunImportAction, previewImportAction, startImportAction } from "@/lib/actions/imports";
import { plural, runAction, useActionMutation } from "@/components/mutations/use-action-mutation";
import { queryKeys } from "@/components/queries/keys";
import { Button } from "@/components/ui/button";
import { th, theadClass } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { Select } from "@/components/ui/select";
import type { ImportView } from "@/lib/imports/jobs";

const n = (v: number) => v.toLocaleString("en-US");

/** Step 2: each column of the file to a field (guessed, editable), how rows meet existing records, a preview, a dry run, then start. */
export function ImportSetup({ view }: { view: ImportView }) {
  const queryClient = useQueryClient();
  const [mapping, setMapping] = useState(view.mapping);
  const [mode, setMode] = useState<"upsert" | "create">(view.mode);
  const [runAutomations, setRunAutomations] = useState(view.runAutomations);
  const settings = { id: view.id, mapping, mode, runAutomations };
  const jobKey = queryKeys.importJob(view.id);
  const modeName = useId();

  const preview = useQuery({
    queryKey: queryKeys.importPreview(view.id, mapping),
    queryFn: () => runAction(previewImportAction(settings)),
    retry: false,
  });
  const dryRun = useActionMutation({ action: dryRunImportAction, refresh: [], toastErrors: false });
  const start = useActionMutation({
    action: startImportAction,
    refresh: [jobKey],
    toastErrors: false,
    onSuccess: (started) => queryClient.setQueryData(jobKey, started),
  });
  const drop = useActionMutation({ action: cancelImportAction, refresh: [jobKey] });
  const mapped = view.header.filter((cell) => mapping[cell]);
  const label = (target: string) => view.targets.find((t) => t.value === target)?.label ?? target;
  const example = (i: number) => preview.data?.rows[0]?.cells[i] ?? "";

  return (
    <div className="divide-y divide-zinc-100">
      {view.sameFileBefore && (
        <p role="status" className="flex gap-2 bg-amber-50 px-5 py-3 text-sm text-amber-900">
          <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            This file was imported into {view.entity.name.toLowerCase()} before (
            <LocalTime value={view.sameFileBefore.createdAt} />: {n(view.sameFileBefore.created)} created). Keep “Update
            matching records” so its rows are not added twice.
          </span>
        </p>
      )}
      <section className="p-5" aria-labelledby={`${modeName}-columns`}>
        <h2 id={`${modeName}-columns`} className="mb-3 text-sm font-semibold text-zinc-900">
          Columns <span className="font-normal text-zinc-500">· {plural(view.rows, "row")} in the file</span>
        </h2>
        <div className="overflow-x-auto rounded-lg border border-zinc-200">
          <table className="w-full text-left text-sm">
            <thead className={theadClass}>
              <tr>
                <th scope="col" className={th}>
                  Column in the file
                </th>
                <th scope="col" className={`${th} max-sm:hidden`}>
                  First row
                </th>
                <th scope="col" className={th}>
                  Import as
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {view.header.map((cell, i) => (
                <tr key={cell || i}>
                  <td className="px-4 py-2 font-medium text-zinc-900">{cell || <em>(no name)</em>}</td>
                  <td className="max-w-48 truncate px-4 py-2 text-zinc-500 max-sm:hidden">{example(i)}</td>
                  <td className="px-4 py-2">
                    <Select
                      aria-label={`Import “${cell}” as`}
                      value={mapping[cell] ?? ""}
                      onChange={(e) => {
                        dryRun.reset();
                        setMapping({ ...mapping, [cell]: e.target.value });
                      }}
                    >
                      <option value="">Don’t import</option>
                      {view.targets.map((t) => (
                        <option key={t.value} value={t.value}>
                          {t.label}
                        </option>
                      ))}
                    </Select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <fieldset className="space-y-2 p-5">
        <legend className="mb-2 text-sm font-semibold text-zinc-900">Rows that match a record</legend>
        {(
          [
            [
              "upsert",
              "Update matching records",
              "A row whose external provider and id a live record has updates it; the rest are created.",
            ],
            [
              "create",
              "Create every row",
              "Each row becomes a new record, even when its external id is already in use.",
            ],
          ] as const
        ).map(([value, title, hint]) => (
          <label key={value} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name={modeName}
              value={value}
              checked={mode === value}
              onChange={() => {
                dryRun.reset();
                setMode(value);
              }}
              className="mt-0.5"
            />
            <span>
              <span className="font-medium text-zinc-900">{title}</span>
              <span className="block text-zinc-500">{hint}</span>
            </span>
          </label>
        ))}
        <label className="flex items-start gap-2 pt-2 text-sm">
          <input
            type="checkbox"
            checked={runAutomations}
            onChange={(e) => setRunAutomations(e.target.checked)}
            className="mt-0.5"
          />
          <span>
            <span className="font-medium text-zinc-900">Run on-create automations</span>
            <span className="block text-zinc-500">For every record the import creates.</span>
          </span>
        </label>
      </fieldset>

      <section className="p-5" aria-labelledby={`${modeName}-preview`}>
        <h2 id={`${modeName}-preview`} className="mb-3 text-sm font-semibold text-zinc-900">
          Preview <span className="font-normal text-zinc-500">· the first rows as they would be imported</span>
        </h2>
        {preview.error ? (
          <p role="alert" className="text-sm text-red-700">
            {preview.error.message}
          </p>
        ) : !preview.data ? (
          <p className="flex items-center gap-2 text-sm text-zinc-500">
            <LoaderCircle className="size-4 animate-spin" aria-hidden /> Reading the first rows…
          </p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-zinc-200">
            <table className="w-full text-left text-sm">
              <thead className={theadClass}>
                <tr>
                  <th scope="col" className={`${th} w-16`}>
                    Line
                  </th>
                  {mapped.map((cell) => (
                    <th key={cell} scope="col" className={th}>
                      {label(mapping[cell]!)}
                    </th>
                  ))}
                  <th scope="col" className={th}>
                    Check
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {preview.data.rows.map((row) => (
                  <tr key={row.line}>
                    <td className="px-4 py-2 tabular-nums text-zinc-500">{row.line}</td>
                    {mapped.map((cell) => (
                      <td key={cell} className="max-w-56 truncate px-4 py-2 text-zinc-900">
                        {row.cells[view.header.indexOf(cell)]}
                      </td>
                    ))}
                    <td className={`px-4 py-2 ${row.issue ? "text-red-700" : "text-emerald-700"}`}>
                      {row.issue ?? "OK"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="space-y-3 p-5">
        {dryRun.data && (
          <div role="status" className="rounded-lg bg-zinc-50 px-4 py-3 text-sm text-zinc-800">
            <p className="font-medium">
              Dry run: {n(dryRun.data.created)} would be created, {n(dryRun.data.updated)} updated,{" "}
              {n(dryRun.data.failedCount)} refused{dryRun.data.skipped ? `, ${n(dryRun.data.skipped)} skipped` : ""}.
              Nothing was written.
            </p>
            {dryRun.data.failures.length > 0 && (
              <ul className="mt-2 list-inside list-disc text-zinc-600">
                {dryRun.data.failures.slice(0, 5).map((f) => (
                  <li key={f.line}>
                    Line {f.line}: {f.reason}
                  </li>
                ))}
                {dryRun.data.failedCount > 5 && <li>…and {n(dryRun.data.failedCount - 5)} more</li>}
              </ul>
            )}
          </div>
        )}
        {(dryRun.error ?? start.error) && (
          <p role="alert" className="text-sm text-red-700">
            {(dryRun.error ?? start.error)!.message}
          </p>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="ghost" disabled={drop.isPending} onClick={() => drop.mutate({ id: view.id })}>
            Discard
          </Button>
          <Button
            variant="secondary"
            disabled={dryRun.isPending || !!preview.error}
            onClick={() => dryRun.mutate(settings)}
          >
            {dryRun.isPending ? (
              <LoaderCircle className="size-4 animate-spin" aria-hidden />
            ) : (
              <FlaskConical className="size-4" aria-hidden />
            )}
            Dry run
          </Button>
          <Button disabled={start.isPending || !!preview.error} onClick={() => start.mutate(settings)}>
            <Play className="size-4" aria-hidden /> Import {plural(view.rows, "row")}
          </Button>
        </div>
      </div>
    </div>
  );
}
