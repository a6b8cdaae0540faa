import { CircleAlert, CircleCheck, Download } from "lucide-react";
import Link from "next/link";
import { plural } from "@/components/mutations/use-action-mutation";
import { buttonClass } from "@/components/ui/button";
import { theadClass, th } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import type { ImportView } from "@/lib/imports/jobs";

const n = (v: number) => v.toLocaleString("en-US");

/** What an import did: the counts in one line, every failed row by line (first 100 here, all in the CSV). */
export function ImportResult({ view }: { view: ImportView }) {
  const headline =
    view.status === "done" ? "Import finished" : view.status === "cancelled" ? "Import cancelled" : "Import stopped";
  const parts = [`${n(view.created)} created`, `${n(view.updated)} updated`];
  if (view.skipped) parts.push(`${n(view.skipped)} skipped`);
  parts.push(`${n(view.failedCount)} failed`);
  return (
    <div>
      <div className="space-y-2 p-5">
        <p className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
          {view.status === "done" ? (
            <CircleCheck className="size-4 text-emerald-600" aria-hidden />
          ) : (
            <CircleAlert className="size-4 text-amber-600" aria-hidden />
          )}
          {headline}
          {view.finishedAt && (
            <span className="font-normal text-zinc-500">
              · <LocalTime value={view.finishedAt} />
            </span>
          )}
        </p>
        <p className="text-lg font-semibold text-zinc-900" data-testid="import-summary">
          {parts.join(", ")}
        </p>
        {view.status === "cancelled" && view.doneRows > 0 && (
          <p className="text-sm text-zinc-600">
            The first {plural(view.doneRows, "row")} of {n(view.rows)} were applied before it stopped; they stay.
          </p>
        )}
        {view.error && (
          <p role="alert" className="text-sm text-red-700">
            {view.error}
          </p>
        )}
        <div className="flex flex-wrap gap-2 pt-2">
          <Link href={`/records/${view.entity.slug}`} className={buttonClass("primary")}>
            View {view.entity.name.toLowerCase()}
          </Link>
          {view.failedCount > 0 && (
            <a
              href={`/api/app/imports/${view.id}/failures`}
              download
              className={buttonClass("secondary")}
              data-testid="import-failures-download"
            >
              <Download className="size-4" aria-hidden /> Download failed rows (CSV)
            </a>
          )}
          <Link href={`/records/${view.entity.slug}/import`} className={buttonClass("ghost")}>
            Import another file
          </Link>
        </div>
      </div>
      {view.failures.length > 0 && (
        <div className="overflow-x-auto border-t border-zinc-100">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Failed rows</caption>
            <thead className={theadClass}>
              <tr>
                <th scope="col" className={`${th} w-24`}>
                  Line
                </th>
                <th scope="col" className={th}>
                  Why it failed
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {view.failures.map((f) => (
                <tr key={f.line}>
                  <td className="px-4 py-2 tabular-nums text-zinc-600">{f.line}</td>
                  <td className="px-4 py-2 text-zinc-900">{f.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {view.failedCount > view.failures.length && (
            <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500">
              The first {view.failures.length} of {n(view.failedCount)} failed rows; the CSV has them all.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
