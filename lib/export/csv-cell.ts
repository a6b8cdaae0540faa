import { stringify, type Stringifier } from "csv-stringify";

// Every CSV the product writes goes through here (DESIGN.md semantics 20, OWASP "CSV
// Injection"): a text cell that a spreadsheet would read as a formula — one starting with
// =, +, -, @, tab or carriage return — gets a leading apostrophe, so it shows as the text the
// user typed. The stored value is unchanged; JSON exports stay as stored.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One text cell as a spreadsheet will show it: a formula-looking value prefixed with `'`. */
export function csvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A CSV writer with a header row; every text cell (header included) neutralised, dates as ISO 8601. */
export function csvStringifier(columns: string[]): Stringifier {
  return stringify({
    header: true,
    columns: columns.map(csvCell),
    cast: { string: csvCell, date: (d) => d.toISOString() },
  });
}
