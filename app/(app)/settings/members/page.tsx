import type { Metadata } from "next";
import { InviteForm } from "@/components/members/invite-form";
import { MemberActions } from "@/components/members/member-actions";
import { RevokeInvitationButton } from "@/components/members/revoke-invitation-button";
import { Badge } from "@/components/ui/badge";
import { Card, th, theadClass } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { listPendingInvitations } from "@/lib/members/invitations";
import { listMemberRows } from "@/lib/members/manage";
import { can, canManageRole, ROLES } from "@/lib/permissions";

export const metadata: Metadata = { title: "Members" };

const ROLE_TONE = { OWNER: "brand", ADMIN: "blue", MEMBER: "green", VIEWER: "zinc" } as const;
const label = (role: string) => role.charAt(0) + role.slice(1).toLowerCase();

export default async function MembersPage() {
  const actor = await requireActor("/settings/members");
  const manage = can(actor, "members.manage");
  const now = new Date();
  const [members, pending] = await Promise.all([
    listMemberRows(actor),
    manage ? listPendingInvitations(actor, now) : Promise.resolve([]),
  ]);
  const roles = ROLES.filter((r) => canManageRole(actor, r));
  return (
    <>
      <PageHeader
        title="Members"
        description="Who belongs to this workspace and what each may do. The server re-checks roles on every request."
      />
      <div className="grid max-w-5xl gap-6">
        {manage && (
          <Card
            title="Invite someone"
            description={
              can(actor, "members.manage.any")
                ? "An invitation is a single-use link, valid for 7 days."
                : "As an admin you invite members and viewers; owners invite admins."
            }
          >
            <InviteForm roles={roles} />
          </Card>
        )}
        <Card title={`Members (${members.length})`}>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="members-table">
              <thead className={theadClass}>
                <tr>
                  <th className={th}>Name</th>
                  <th className={th}>Role</th>
                  <th className={`${th} hidden sm:table-cell`}>Joined</th>
                  {manage && <th className={`${th} text-right`}>Manage</th>}
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {members.map((m) => (
                  <tr key={m.id} data-testid="member-row">
                    <td className="px-4 py-2.5">
                      <p className="font-medium">
                        {m.name}
                        {m.id === actor.userId && <span className="ml-1.5 text-xs text-zinc-500">(you)</span>}
                      </p>
                      <p className="text-xs text-zinc-500">{m.email}</p>
                    </td>
                    <td className="px-4 py-2.5">
                      <Badge tone={ROLE_TONE[m.role]}>{label(m.role)}</Badge>
                    </td>
                    <td className="hidden whitespace-nowrap px-4 py-2.5 text-zinc-500 sm:table-cell">
                      <LocalTime value={m.joinedAt} />
                    </td>
                    {manage && (
                      <td className="px-4 py-2.5">
                        {m.manageable && (
                          <MemberActions member={m} roles={roles} canTransfer={can(actor, "members.manage.any")} />
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        {manage && (
          <Card title="Pending invitations" description="Links not yet used. Revoke one and it stops working at once.">
            {pending.length === 0 ? (
              <p className="px-5 py-4 text-sm text-zinc-500">No pending invitations.</p>
            ) : (
              <ul className="divide-y divide-zinc-100" data-testid="pending-invitations">
                {pending.map((p) => (
                  <li key={p.id} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
                    <span className="min-w-0 basis-full truncate font-medium sm:flex-1 sm:basis-0">{p.email}</span>
                    <Badge tone={ROLE_TONE[p.role]}>{label(p.role)}</Badge>
                    <span className="text-xs text-zinc-500">
                      expires <LocalTime value={p.expiresAt} />
                    </span>
                    <RevokeInvitationButton id={p.id} email={p.email} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
