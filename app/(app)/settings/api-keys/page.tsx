import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeysTable } from "@/components/settings/api-keys-table";
import { NewApiKeyDialog } from "@/components/settings/new-api-key-dialog";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { listApiKeys } from "@/lib/api-keys/manage";
import { scopesAllowed } from "@/lib/api-keys/scopes";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const actor = await requireActor("/settings/api-keys");
  const keys = await listApiKeys(actor);
  const everyone = can(actor, "apiKeys.manage.any");
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let integrations call the{" "}
            <Link href="/settings/api" className="font-medium text-brand-700 hover:underline">
              REST API
            </Link>{" "}
            as you, with your role and the scopes you give them.
          </>
        }
        actions={<NewApiKeyDialog allowed={scopesAllowed(actor.role)} role={actor.role} />}
      />
      <div className="grid gap-6">
        <Card
          title={everyone ? "Keys in this workspace" : "Your keys"}
          description={
            everyone
              ? "As the owner you see, and may revoke, every member’s keys."
              : "Revoked keys stay listed so you can tell where an old key came from."
          }
        >
          <ApiKeysTable initial={keys} showOwner={everyone} viewerId={actor.userId} />
        </Card>
      </div>
    </>
  );
}
