import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { NEW_PASSWORD, PublicForm } from "@/components/auth/public-form";
import { needsSetup } from "@/lib/setup/setup";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

/** First run only: once any user exists this page is not found. */
export default async function SetupPage() {
  if (!(await needsSetup())) notFound();
  return (
    <AuthShell title="Set up Trash Bin CRM" subtitle="Create the first workspace and its owner. This page works once.">
      <PublicForm
        door="setup"
        submitLabel="Create workspace and sign in"
        fields={[
          { name: "workspaceName", label: "Workspace name", autoComplete: "organization" },
          { name: "name", label: "Your name", autoComplete: "name" },
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          NEW_PASSWORD,
          {
            name: "code",
            label: "Setup code",
            autoComplete: "off",
            hint: "Printed in the server's log at start (or the value of SETUP_TOKEN), so only whoever runs the server can claim it.",
          },
        ]}
      />
    </AuthShell>
  );
}
