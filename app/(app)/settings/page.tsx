import type { Metadata } from "next";
import { RetentionForm } from "@/components/settings/retention-form";
import { Badge } from "@/components/ui/badge";
import { Card, th, theadClass } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { getWorkspaceSummary, listMembers } from "@/lib/workspace";

export const metadata: Metadata = { title: "Settings" };

const ROLE_TONE = { OWNER: "brand", ADMIN: "blue", MEMBER: "green", VIEWER: "zinc" } as const;
const ROLE_TEXT = {
  OWNER: "Everything, including workspace settings and anyone's segments",
  ADMIN: "Sees the whole trash, restores anything, deletes permanently",
  MEMBER: "Deletes records and restores what they deleted",
  VIEWER: "Sees everything, changes nothing",
} as const;

export default async function SettingsPage() {
  const actor = await requireActor("/settings");
  const [workspace, members] = await Promise.all([getWorkspaceSummary(actor), listMembers(actor)]);
  return (
    <>
      <PageHeader title="Settings" description={`Workspace “${workspace.name}”.`} />
      <div className="grid max-w-4xl gap-6">
        <Card
          title="Trash retention"
          description="How long deleted records wait in the trash before they are purged permanently."
        >
          {can(actor, "workspace.settings.update") ? (
            <RetentionForm initial={workspace.retentionDays} />
          ) : (
            <div className="px-5 py-4 text-sm">
              <p>
                <span className="text-2xl font-semibold tabular-nums" data-testid="retention-days">
                  {workspace.retentionDays}
                </span>{" "}
                days
              </p>
              <p className="mt-1 text-zinc-500">Only the workspace owner can change this.</p>
            </div>
          )}
        </Card>
        <Card
          title="Members"
          description="Roles decide what each person may do; the server checks them on every change."
        >
          <table className="w-full text-left text-sm">
            <thead className={theadClass}>
              <tr>
                <th className={th}>Name</th>
                <th className={th}>Email</th>
                <th className={th}>Role</th>
                <th className={th}>Can</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {members.map((m) => (
                <tr key={m.id}>
                  <td className="px-4 py-2.5 font-medium">
                    {m.name}
                    {m.id === actor.userId && <span className="ml-1.5 text-xs text-zinc-500">(you)</span>}
                  </td>
                  <td className="px-4 py-2.5 text-zinc-600">{m.email}</td>
                  <td className="px-4 py-2.5">
                    <Badge tone={ROLE_TONE[m.role]}>{m.role.charAt(0) + m.role.slice(1).toLowerCase()}</Badge>
                  </td>
                  <td className="px-4 py-2.5 text-zinc-500">{ROLE_TEXT[m.role]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </>
  );
}
