import { createColumnHelper } from "@tanstack/react-table";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { recordColumns } from "@/components/records/record-columns";
import type { RowSelection } from "@/components/bulk/use-row-selection";
import type { RecordRow } from "@/lib/records/list";
import { DataTable } from "./data-table";

// The server's render and the browser's after hydration, one file: the rows render only in the second.
const state = vi.hoisted(() => ({ hydrated: true }));
vi.mock("./use-hydrated", () => ({ useHydrated: () => state.hydrated }));

const record = (id: string, name: string): RecordRow => ({
  id,
  recordNumber: "1",
  entityId: "e1",
  name,
  phoneNumber: "+15550000001",
  externalProvider: "hubspot",
  externalId: "hs-1",
  attributes: { company: "Acme", status: "Qualified" },
  ownerName: null,
  createdAt: "2026-12-04T15:30:05.000Z",
});

const noneSelected = {
  isSelected: () => false,
  allOnPage: false,
  someOnPage: false,
  matching: null,
} as unknown as RowSelection;

function cellsOf(html: string) {
  const rows = [...html.matchAll(/<tr data-record-id="([^"]+)"[^>]*>(.*?)<\/tr>/g)];
  return rows.map(([, id, inner]) => ({
    id,
    cells: [...inner!.matchAll(/<td([^>]*)>(.*?)<\/td>/g)].map((m) => m.slice(1)),
  }));
}

const recordsTable = (props: { rowHeight?: string } = {}) =>
  renderToStaticMarkup(
    createElement(DataTable<RecordRow>, {
      rows: [record("r1", "Ada Lovelace"), record("r2", "Alan Turing")],
      columns: recordColumns("leads", () => undefined),
      selection: { state: noneSelected, label: (r) => `Select ${r.name}` },
      testId: "records-table",
      rowIdAttribute: "record-id",
      ...props,
    }),
  );

describe("DataTable on the server (and while hydrating)", () => {
  it("sends a placeholder per row, of the table's row height, and no row: the page's payload carries them", () => {
    state.hydrated = false;
    try {
      const html = recordsTable();
      expect(html).toContain('<tbody aria-busy="true">');
      expect(html.match(/<tr class="dt-wait"><td colSpan="10"><\/td><\/tr>/g)).toHaveLength(2);
      expect(html).not.toContain("Ada Lovelace");
      expect(html).not.toContain("data-record-id");
      // The headers are there at once: the page does not move when the rows come.
      expect(html).toContain('<th scope="col" data-column="name">Name</th>');
      expect(recordsTable({ rowHeight: "3.8125rem" })).toContain('style="--dt-row-height:3.8125rem"');
    } finally {
      state.hydrated = true;
    }
  });
});

describe("DataTable in the browser", () => {
  const html = recordsTable();

  it("renders every row's cells through its columns: accessors, display columns and the selection checkbox", () => {
    const rows = cellsOf(html);
    expect(rows.map((r) => r.id)).toEqual(["r1", "r2"]);
    const texts = rows[0]!.cells.map(([, inner]) => inner!.replace(/<[^>]+>/g, ""));
    // select, name, company, status, source, phone, external id, owner, created, actions
    expect(texts).toEqual([
      "",
      "Ada Lovelace",
      "Acme",
      "Qualified",
      "—",
      "+15550000001",
      "hubspot:hs-1",
      "—",
      "Dec 4, 2026",
      "",
    ]);
    expect(html).toContain('aria-label="Select Alan Turing"');
    expect(html).toContain('aria-label="Delete Alan Turing"');
  });

  it("keys only the pinned cells (checkbox, name, actions) by data-column; every header is keyed", () => {
    const attributes = cellsOf(html)[0]!.cells.map(([attrs]) => /data-column="([^"]+)"/.exec(attrs!)?.[1] ?? null);
    expect(attributes).toEqual(["select", "name", null, null, null, null, null, null, null, "actions"]);
    const headers = [...html.matchAll(/<th[^>]*data-column="([^"]+)"/g)].map((m) => m[1]);
    expect(headers).toEqual([
      "select",
      "name",
      "company",
      "status",
      "source",
      "phoneNumber",
      "external",
      "ownerName",
      "createdAt",
      "actions",
    ]);
  });

  it("keys a column's cells when the column asks (meta.keyed), and hands renderers their value", () => {
    const column = createColumnHelper<{ id: string; kind: string }>();
    const keyed = renderToStaticMarkup(
      createElement(DataTable<{ id: string; kind: string }>, {
        rows: [{ id: "a", kind: "Leads" }],
        columns: [
          column.accessor("kind", {
            header: "Type",
            cell: (i) => `${i.getValue()}/${i.renderValue()}`,
            meta: { keyed: true },
          }),
        ],
        testId: "t",
      }),
    );
    expect(keyed).toContain('<td data-column="kind">Leads/Leads</td>');
  });
});
