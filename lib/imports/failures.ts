import { stringify } from "csv-stringify/sync";

/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is written as text. */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The failed rows of an import as a CSV people can open: line, reason, and the row's name when known. */
export function failuresCsv(failed: { line: number; reason: string }[]): string {
  return stringify(
    failed.map((f) => [f.line, neutralizeCell(f.reason)]),
    { header: true, columns: ["line", "reason"] },
  );
}
