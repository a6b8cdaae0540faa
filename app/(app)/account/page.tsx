import type { Metadata } from "next";
import { NameForm, PasswordForm, SignOutEverywhere } from "@/components/account/account-forms";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireActor("/account");
  return (
    <>
      <PageHeader title="Your account" description={`Signed in as ${actor.email}.`} />
      <div className="grid max-w-2xl gap-6">
        <Card title="Name" description="How others see you in lists, the trash and the audit log.">
          <NameForm name={actor.name} />
        </Card>
        <Card title="Password" description="Your current password is needed to set a new one.">
          <PasswordForm />
        </Card>
        <Card title="Sessions">
          <SignOutEverywhere />
        </Card>
      </div>
    </>
  );
}
