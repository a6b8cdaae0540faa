import { stringify } from "csv-stringify/sync";
import { csvCell } from "@/lib/export/csv-cell";

/** The failed rows of an import as a CSV people can open: line and reason, neutralised like every CSV we write. */
export function failuresCsv(failed: { line: number; reason: string }[]): string {
  return stringify(
    failed.map((f) => [f.line, csvCell(f.reason)]),
    { header: true, columns: ["line", "reason"] },
  );
}
