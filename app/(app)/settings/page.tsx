import type { Metadata } from "next";
import { RetentionForm } from "@/components/settings/retention-form";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { getWorkspaceSummary, listMembers } from "@/lib/workspace";

export const metadata: Metadata = { title: "Settings" };

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
        <Card title="Members" description="Invitations, roles and removals live under Settings → Members.">
          <div className="px-5 py-4 text-sm">
            <Link href="/settings/members" className="font-medium text-brand-700 hover:underline">
              {members.length} {members.length === 1 ? "member" : "members"} — manage them
            </Link>
          </div>
        </Card>
      </div>
    </>
  );
}
