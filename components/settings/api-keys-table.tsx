"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { clsx } from "clsx";
import { KeyRound } from "lucide-react";
import { useMemo, useState, type ReactNode } from "react";
import { useApiKeys } from "@/components/queries/reads";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { ApiKeyRow } from "@/lib/api-keys/manage";
import { RevokeApiKeyDialog } from "./revoke-api-key-dialog";
import { LocalTime } from "@/components/ui/local-time";

const column = createColumnHelper<ApiKeyRow>();
const cell = "px-4 py-3 align-top";
const head = "px-4 py-2.5 font-medium whitespace-nowrap";

/** A revoked key stays in the list, greyed. */
const Dim = ({ row, children }: { row: ApiKeyRow; children: ReactNode }) => (
  <div className={clsx(row.revokedAt && "opacity-50")}>{children}</div>
);

function When({ iso, never }: { iso: string | null; never?: string }) {
  if (!iso) return <span className="text-zinc-400">{never}</span>;
  return <LocalTime value={iso} style="relative" />;
}

function apiKeyColumns(showOwner: boolean, viewerId: string, onRevoke: (key: ApiKeyRow) => void) {
  return [
    column.accessor("name", {
      header: "Name",
      cell: ({ row: { original: k } }) => (
        <Dim row={k}>
          <p className="font-medium text-zinc-900">{k.name}</p>
          <code className="font-mono text-xs text-zinc-500" data-testid="api-key-id">
            {k.apiKey}
          </code>
        </Dim>
      ),
      meta: { className: cell },
    }),
    column.accessor("scopes", {
      header: "Scopes",
      cell: ({ row: { original: k } }) => (
        <Dim row={k}>
          <div className="flex max-w-md flex-wrap gap-1">
            {k.scopes.map((s) => (
              <Badge key={s} className="font-mono">
                {s}
              </Badge>
            ))}
          </div>
        </Dim>
      ),
      meta: { className: cell },
    }),
    ...(showOwner
      ? [
          column.display({
            id: "owner",
            header: "Owner",
            cell: ({ row: { original: k } }) => (
              <Dim row={k}>
                <span className="whitespace-nowrap">{k.user.name}</span>
                {k.user.id === viewerId && <span className="ml-1.5 text-xs text-zinc-500">(you)</span>}
              </Dim>
            ),
            meta: { className: `${cell} text-zinc-700` },
          }),
        ]
      : []),
    column.accessor("createdAt", {
      header: "Created",
      cell: ({ row: { original: k } }) => (
        <Dim row={k}>
          <When iso={k.createdAt} />
        </Dim>
      ),
      meta: { className: `${cell} text-zinc-600 whitespace-nowrap`, headerClassName: head },
    }),
    column.accessor("lastUsedAt", {
      header: "Last used",
      cell: ({ row: { original: k } }) => (
        <Dim row={k}>
          <When iso={k.lastUsedAt} never="never" />
        </Dim>
      ),
      meta: { className: `${cell} text-zinc-600 whitespace-nowrap`, headerClassName: head },
    }),
    column.display({
      id: "status",
      header: "Status",
      cell: ({ row: { original: k } }) =>
        k.revokedAt ? (
          <Badge tone="zinc">
            <LocalTime value={k.revokedAt} prefix="Revoked ">
              Revoked
            </LocalTime>
          </Badge>
        ) : (
          <Badge tone="green">Active</Badge>
        ),
      meta: { className: cell },
    }),
    column.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row: { original: k } }) =>
        k.canRevoke && (
          <Button
            variant="secondary"
            size="sm"
            className="text-red-700 hover:bg-red-50"
            aria-label={`Revoke API key ${k.name}`}
            onClick={() => onRevoke(k)}
          >
            Revoke
          </Button>
        ),
      meta: { className: "w-24 px-4 py-2.5 text-right align-top" },
    }),
  ];
}

/** The caller's keys (every key of the workspace for the OWNER), newest first. */
export function ApiKeysTable({
  initial,
  showOwner,
  viewerId,
}: {
  initial: ApiKeyRow[];
  showOwner: boolean;
  viewerId: string;
}) {
  const { data: keys } = useApiKeys(initial);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const columns = useMemo(() => apiKeyColumns(showOwner, viewerId, setRevoking), [showOwner, viewerId]);
  if (keys.length === 0) {
    return (
      <EmptyState icon={KeyRound} title="No API keys yet">
        Create a key to let an integration call the REST API as you.
      </EmptyState>
    );
  }
  return (
    <>
      <DataTable rows={keys} columns={columns} testId="api-keys-table" rowIdAttribute="api-key-id" />
      <RevokeApiKeyDialog apiKey={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}
