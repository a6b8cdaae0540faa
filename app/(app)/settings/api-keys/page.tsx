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
  const manage = can(actor, "apiKeys.manage");
  const keys = manage ? await listApiKeys(actor) : [];
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
        actions={manage ? <NewApiKeyDialog allowed={scopesAllowed(actor.role)} role={actor.role} /> : undefined}
      />
      <div className="grid gap-6">
        {manage ? (
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
        ) : (
          <Card title="Not available to viewers">
            <div className="px-5 py-4 text-sm text-zinc-600" data-testid="api-keys-not-allowed">
              <p>
                API keys are for members and above: a key acts with its owner’s role, and a viewer’s role reads but
                changes nothing.
              </p>
              <p className="mt-1 text-zinc-500">
                Ask the workspace owner for the Member role if an integration needs access. You can still read the{" "}
                <Link href="/settings/api" className="font-medium text-brand-700 hover:underline">
                  API reference
                </Link>
                .
              </p>
            </div>
          </Card>
        )}
      </div>
    </>
  );
}
