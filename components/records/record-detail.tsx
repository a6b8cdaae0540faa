import { ArrowRight, CalendarClock, Link2, Mail, MessageSquare, Phone, StickyNote } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { DownloadLink } from "@/components/export/download-link";
import { formatAttribute } from "@/components/records/columns";
import { Badge } from "@/components/ui/badge";
import { Card, th, theadClass } from "@/components/ui/card";
import type { RecordDetail } from "@/lib/records/get";
import { LocalTime } from "@/components/ui/local-time";

const KIND_ICON = { call: Phone, email: Mail, meeting: CalendarClock, task: StickyNote, event: MessageSquare } as const;
const label = (key: string) => key.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase());

/** The name line under a record's title: phone, external id, owner, creation. */
export function RecordHeading({ record, actions }: { record: RecordDetail; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div>
        <div className="flex items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight" data-testid="record-name">
            {record.name}
          </h1>
          <Badge>{record.entity.name.replace(/s$/, "")}</Badge>
        </div>
        <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-zinc-500">
          <span title="The record number API clients may use as its id" data-testid="record-number">
            No. {record.recordNumber}
          </span>
          {record.phoneNumber && <span className="font-mono">{record.phoneNumber}</span>}
          {record.externalId && (
            <span>
              {record.externalProvider}:{record.externalId}
            </span>
          )}
          <span>Owner: {record.owner ?? "—"}</span>
          <span>
            Created <LocalTime value={record.createdAt} style="date" />
            {record.createdBy ? ` by ${record.createdBy}` : ""}
          </span>
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <DownloadLink
          href={`/api/app/records/${record.id}/export`}
          testId="record-export"
          title="The record with its notes, activities, line items and relations, as JSON"
        >
          Export JSON
        </DownloadLink>
        {actions}
      </div>
    </div>
  );
}

/** Everything a record holds, read-only: the live record page and the trash preview show the same. */
export function RecordDetailBody({
  record,
  aside,
  noteForm,
}: {
  record: RecordDetail;
  aside?: ReactNode;
  /** "Add a note" above the notes, where the viewer may write. */
  noteForm?: ReactNode;
}) {
  const lineItems = record.subformRows.filter((r) => r.subform === "line_items");
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card title="Details">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-4 px-5 py-4 text-sm">
            {Object.entries(record.attributes).map(([key, value]) => (
              <div key={key}>
                <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label(key)}</dt>
                <dd className="mt-0.5 text-zinc-900 [overflow-wrap:anywhere]">
                  {formatAttribute(value, {
                    key,
                    label: key,
                    kind: key === "amount" ? "money" : key === "closeDate" ? "date" : undefined,
                  })}
                </dd>
              </div>
            ))}
          </dl>
        </Card>
        {lineItems.length > 0 && (
          <Card title="Line items">
            <table className="w-full text-left text-sm" data-testid="line-items">
              <thead className={theadClass}>
                <tr>
                  <th className={th}>Product</th>
                  <th className={`${th} text-right`}>Qty</th>
                  <th className={`${th} text-right`}>Unit price</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {lineItems.map((row) => (
                  <tr key={row.id}>
                    <td className="px-4 py-2.5">{String(row.values.product ?? "—")}</td>
                    <td className="px-4 py-2.5 text-right tabular-nums">{String(row.values.quantity ?? "—")}</td>
                    <td className="px-4 py-2.5 text-right tabular-nums">
                      {formatAttribute(row.values.unitPrice, { key: "unitPrice", label: "", kind: "money" })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
        <Card title={`Notes (${record.notes.length})`}>
          {noteForm}
          {record.notes.length === 0 ? (
            <p className="px-5 py-4 text-sm text-zinc-500">No notes.</p>
          ) : (
            <ul className="divide-y divide-zinc-100" data-testid="notes">
              {record.notes.map((n) => (
                <li key={n.id} className="px-5 py-3 text-sm">
                  <p className="text-zinc-800">{n.body}</p>
                  <p className="mt-1 text-xs text-zinc-500">
                    {n.author ?? "Someone"} · <LocalTime value={n.createdAt} />
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <div className="space-y-6">
        <Card title={`Relations (${record.relations.length})`}>
          {record.relations.length === 0 ? (
            <p className="px-5 py-4 text-sm text-zinc-500">Not related to other records.</p>
          ) : (
            <ul className="divide-y divide-zinc-100" data-testid="relations">
              {record.relations.map((r) => (
                <li key={r.id} className="flex items-center gap-3 px-5 py-3 text-sm">
                  {r.direction === "to" ? (
                    <ArrowRight className="size-4 shrink-0 text-zinc-400" aria-hidden />
                  ) : (
                    <Link2 className="size-4 shrink-0 text-zinc-400" aria-hidden />
                  )}
                  <div className="min-w-0 flex-1">
                    <Link
                      href={`/records/${r.record.entitySlug}/${r.record.id}`}
                      className="font-medium text-zinc-900 hover:text-brand-700 hover:underline"
                    >
                      {r.record.name}
                    </Link>
                    <p className="text-xs text-zinc-500">
                      {r.label} · {r.record.entityName}
                    </p>
                  </div>
                  {r.record.trashed && (
                    <Badge tone="amber" title="The other end is in the trash too">
                      In the trash
                    </Badge>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Activity">
          {record.activities.length === 0 ? (
            <p className="px-5 py-4 text-sm text-zinc-500">No activity yet.</p>
          ) : (
            <ol className="space-y-4 px-5 py-4" data-testid="activities">
              {record.activities.map((a) => {
                const Icon = KIND_ICON[a.kind as keyof typeof KIND_ICON] ?? MessageSquare;
                return (
                  <li key={a.id} className="flex gap-3 text-sm">
                    <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-zinc-500">
                      <Icon className="size-3.5" aria-hidden />
                    </span>
                    <div>
                      <p className="text-zinc-800">{a.summary}</p>
                      <p className="text-xs text-zinc-500">
                        {a.actor ?? "System"} · <LocalTime value={a.occurredAt} style="date" />
                      </p>
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
        </Card>
        {aside}
      </div>
    </div>
  );
}
