import type { Metadata } from "next";
import { AuthShell } from "@/components/auth/auth-shell";
import { InvalidLink } from "@/components/auth/invalid-link";
import { NEW_PASSWORD, PublicForm } from "@/components/auth/public-form";
import { RESET_INVALID, resetPreview } from "@/lib/account/reset";

export const metadata: Metadata = { title: "New password", referrer: "no-referrer" };

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await resetPreview(token.slice(0, 200), new Date());
  if (!user) return <InvalidLink title="Link not valid" message={RESET_INVALID} />;
  return (
    <AuthShell
      title="Choose a new password"
      subtitle={
        <>
          For <span className="font-medium text-zinc-700">{user.email}</span>. Every other session of yours ends.
        </>
      }
    >
      <PublicForm door="reset" hidden={{ token }} submitLabel="Set password and sign in" fields={[NEW_PASSWORD]} />
    </AuthShell>
  );
}
