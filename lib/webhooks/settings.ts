import type { Actor } from "@/lib/actor";
import { decryptSecret, encryptSecret } from "@/lib/api-keys/secrets";
import { writeAudit } from "@/lib/audit/write";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/tx";
import { AppError, notFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { privateAllowed, webhookUrlProblem } from "./address";
import { deliverDigest, type DeliverOptions, type DeliveryResult } from "./deliver";
import type { DeliveryAttempt } from "./retry";
import type { SaveWebhookInput } from "./schemas";
import { newWebhookSecret } from "./sign";

/** How many deliveries the settings page lists. */
export const DELIVERY_LOG_SIZE = 20;

export interface WebhookSettings {
  url: string | null;
  deliveries: {
    id: string;
    day: string | null;
    createdAt: string;
    url: string;
    recordCount: number;
    status: string;
    attempts: DeliveryAttempt[];
  }[];
}

/** ADMIN+: the webhook's URL (never its secret) and the latest deliveries, newest first. */
export async function getWebhookSettings(actor: Actor): Promise<WebhookSettings> {
  assertCan(actor, "webhooks.manage");
  const [hook, deliveries] = await Promise.all([
    db().webhook.findUnique({ where: { workspaceId: actor.workspaceId }, select: { url: true } }),
    db().webhookDelivery.findMany({
      where: { workspaceId: actor.workspaceId },
      orderBy: { createdAt: "desc" },
      take: DELIVERY_LOG_SIZE,
    }),
  ]);
  return {
    url: hook?.url ?? null,
    deliveries: deliveries.map((d) => ({
      id: d.id,
      day: d.day,
      createdAt: d.createdAt.toISOString(),
      url: d.url,
      recordCount: d.recordCount,
      status: d.status,
      attempts: d.attempts as unknown as DeliveryAttempt[],
    })),
  };
}

/** ADMIN+: sets the URL; the first time, a signing secret is made (kept on later changes of URL). */
export async function saveWebhook(actor: Actor, { url }: SaveWebhookInput): Promise<{ url: string; created: boolean }> {
  assertCan(actor, "webhooks.manage");
  const problem = webhookUrlProblem(url, privateAllowed());
  if (problem) throw new AppError("VALIDATION", problem, "url");
  return transaction(async (tx) => {
    const before = await tx.webhook.findUnique({ where: { workspaceId: actor.workspaceId }, select: { url: true } });
    if (before) await tx.webhook.update({ where: { workspaceId: actor.workspaceId }, data: { url } });
    else
      await tx.webhook.create({
        data: { workspaceId: actor.workspaceId, url, secretCiphertext: encryptSecret(newWebhookSecret()) },
      });
    await writeAudit(tx, actor, {
      action: "webhook.save",
      targetIds: [],
      details: { from: before?.url ?? null, to: url },
    });
    return { url, created: !before };
  });
}

/** ADMIN+: a new signing secret; the old one stops verifying at once. */
export async function rotateWebhookSecret(actor: Actor): Promise<{ secret: string }> {
  assertCan(actor, "webhooks.manage");
  const secret = newWebhookSecret();
  return transaction(async (tx) => {
    const { count } = await tx.webhook.updateMany({
      where: { workspaceId: actor.workspaceId },
      data: { secretCiphertext: encryptSecret(secret) },
    });
    if (count === 0) throw notFound("Webhook");
    await writeAudit(tx, actor, { action: "webhook.rotate_secret", targetIds: [] });
    return { secret };
  });
}

/** ADMIN+: the signing secret, for the receiver's configuration. */
export async function revealWebhookSecret(actor: Actor): Promise<{ secret: string }> {
  assertCan(actor, "webhooks.manage");
  const hook = await db().webhook.findUnique({
    where: { workspaceId: actor.workspaceId },
    select: { secretCiphertext: true },
  });
  if (!hook) throw notFound("Webhook");
  const secret = decryptSecret(hook.secretCiphertext);
  if (!secret) throw new AppError("CONFLICT", "The secret was encrypted with another server key: regenerate it.");
  // Every secret shown is on the record, with who saw it and through which key.
  await transaction((tx) => writeAudit(tx, actor, { action: "webhook.reveal_secret", targetIds: [] }));
  return { secret };
}

/** ADMIN+: no more digests; the delivery log stays. */
export async function removeWebhook(actor: Actor): Promise<{ removed: boolean }> {
  assertCan(actor, "webhooks.manage");
  return transaction(async (tx) => {
    const { count } = await tx.webhook.deleteMany({ where: { workspaceId: actor.workspaceId } });
    if (count === 0) throw notFound("Webhook");
    await writeAudit(tx, actor, { action: "webhook.remove", targetIds: [] });
    return { removed: true };
  });
}

/** ADMIN+: today's digest as it stands, sent now (it does not use up the scheduled one). */
export async function sendDigestNow(
  actor: Actor,
  _input: object,
  now: Date,
  options: DeliverOptions = {},
): Promise<DeliveryResult> {
  assertCan(actor, "webhooks.manage");
  const result = await deliverDigest(actor.workspaceId, null, now, options);
  if (!result) throw new AppError("NOT_FOUND", "Set a webhook URL first.");
  // An outbound send is on the record too (after it: the delivery log holds the attempts).
  await transaction((tx) =>
    writeAudit(tx, actor, {
      action: "webhook.send_now",
      targetIds: [result.id],
      details: { status: result.status, recordCount: result.recordCount },
    }),
  );
  return result;
}
