/** Which attribute columns each built-in entity shows; custom entities show the base columns only. */
export interface AttributeColumn {
  key: string;
  label: string;
  kind?: "badge" | "money" | "date";
}

export const ENTITY_COLUMNS: Record<string, AttributeColumn[]> = {
  leads: [
    { key: "company", label: "Company" },
    { key: "status", label: "Status", kind: "badge" },
    { key: "source", label: "Source" },
  ],
  contacts: [
    { key: "company", label: "Company" },
    { key: "lifecycle", label: "Lifecycle", kind: "badge" },
    { key: "email", label: "Email" },
  ],
  deals: [
    { key: "stage", label: "Stage", kind: "badge" },
    { key: "amount", label: "Amount", kind: "money" },
    { key: "closeDate", label: "Close date", kind: "date" },
  ],
};

// Intl formatters cost far more to build than to use; cells of a table format one per row.
const money = new Map<string, Intl.NumberFormat>();
const SHORT_DATE = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric" });

export function formatAttribute(value: unknown, column: AttributeColumn, currency = "EUR"): string {
  if (value === null || value === undefined || value === "") return "—";
  if (column.kind === "money" && typeof value === "number") {
    let format = money.get(currency);
    if (!format) {
      format = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 });
      money.set(currency, format);
    }
    return format.format(value);
  }
  if (column.kind === "date" && typeof value === "string") {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? value : SHORT_DATE.format(d);
  }
  return String(value);
}

/**
 * A page of rows with only the attributes its table shows. A team's records carry every custom
 * field; the page sends its rows to the browser in its payload as well as in its HTML, and the
 * fields no column shows would travel for nothing.
 */
export function withShownAttributes<P extends { items: { attributes: Record<string, unknown> }[] }>(
  page: P,
  entitySlug: string,
): P {
  const keys = (ENTITY_COLUMNS[entitySlug] ?? []).map((c) => c.key);
  const items = page.items.map((row) => ({
    ...row,
    attributes: Object.fromEntries(keys.filter((k) => k in row.attributes).map((k) => [k, row.attributes[k]])),
  }));
  return { ...page, items };
}
