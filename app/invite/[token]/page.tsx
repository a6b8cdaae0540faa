import type { Metadata } from "next";
import { AuthShell } from "@/components/auth/auth-shell";
import { CURRENT_PASSWORD, NEW_PASSWORD, PublicForm } from "@/components/auth/public-form";
import { InvalidLink } from "@/components/auth/invalid-link";
import { invitationPreview, INVITATION_INVALID } from "@/lib/members/invitations";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await invitationPreview(token.slice(0, 200), new Date());
  if (!invitation) return <InvalidLink title="Invitation not valid" message={INVITATION_INVALID} />;
  const role = invitation.role.charAt(0) + invitation.role.slice(1).toLowerCase();
  return (
    <AuthShell
      title={`Join ${invitation.workspaceName}`}
      subtitle={
        <>
          {invitation.invitedBy ? `${invitation.invitedBy} invited` : "You are invited as"}{" "}
          <span className="font-medium text-zinc-700">{invitation.email}</span> as {role.toLowerCase()}.
        </>
      }
    >
      {invitation.existingUser ? (
        <PublicForm
          door="invite"
          hidden={{ token }}
          fields={[CURRENT_PASSWORD]}
          submitLabel={`Join ${invitation.workspaceName}`}
        >
          <p className="text-sm text-zinc-600">
            You already have an account: enter the password you sign in with to join. The sidebar then lets you switch
            between your workspaces.
          </p>
        </PublicForm>
      ) : (
        <PublicForm
          door="invite"
          hidden={{ token }}
          submitLabel="Join and sign in"
          fields={[{ name: "name", label: "Your name", autoComplete: "name" }, NEW_PASSWORD]}
        />
      )}
    </AuthShell>
  );
}
