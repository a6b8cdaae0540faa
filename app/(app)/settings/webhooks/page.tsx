import type { Metadata } from "next";
import { WebhookDeliveries, SendDigestButton } from "@/components/settings/webhook-deliveries";
import { WebhookForm } from "@/components/settings/webhook-form";
import { WebhookSecret } from "@/components/settings/webhook-secret";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { getWebhookSettings } from "@/lib/webhooks/settings";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const actor = await requireActor("/settings/webhooks");
  if (!can(actor, "webhooks.manage")) {
    return (
      <>
        <PageHeader title="Webhooks" />
        <Card title="For admins">
          <p className="px-5 py-4 text-sm text-zinc-600" data-testid="webhooks-not-allowed">
            The purge digest’s webhook is set up by admins and the workspace owner. Ask one of them if your team needs
            it.
          </p>
        </Card>
      </>
    );
  }
  const settings = await getWebhookSettings(actor);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Once a day the server posts a signed JSON digest of every record the purge will remove in the next 24 hours, so you hear of it before it is gone."
        actions={settings.url ? <SendDigestButton /> : undefined}
      />
      <div className="grid max-w-5xl grid-cols-1 gap-6">
        <Card
          title="Purge digest"
          description="An http or https URL. The daily digest goes out with the first purge run after midnight UTC; a 5xx or no answer is tried again, up to three attempts."
        >
          <WebhookForm initial={settings.url} />
        </Card>
        {settings.url && (
          <Card
            title="Signing secret"
            description={
              <>
                Each digest carries{" "}
                <code className="font-mono text-xs">X-Webhook-Signature: HMAC-SHA256 date=…, salt=…, signature=…</code>,
                the hex HMAC-SHA256 of date + salt + body under this secret.
              </>
            }
          >
            <WebhookSecret />
          </Card>
        )}
        <Card title="Delivery log" description="The latest 20 digests, newest first, with every attempt.">
          <WebhookDeliveries deliveries={settings.deliveries} configured={!!settings.url} />
        </Card>
      </div>
    </>
  );
}
