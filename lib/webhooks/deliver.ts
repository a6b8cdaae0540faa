import crypto from "node:crypto";
import { decryptSecret } from "@/lib/api-keys/secrets";
import { db } from "@/lib/db/client";
import { log as componentLog } from "@/lib/ops/logger";
import { privateAllowed } from "./address";
import { buildDigest } from "./digest";
import { postJson } from "./post";
import { sendWithRetries, type DeliveryAttempt, type RetryOptions } from "./retry";
import { SIGNATURE_HEADER, signatureHeader } from "./sign";

export interface DeliverOptions extends RetryOptions {
  /** Per attempt. */
  timeoutMs?: number;
  env?: Record<string, string | undefined>;
}

export interface DeliveryResult {
  id: string;
  status: "DELIVERED" | "FAILED";
  recordCount: number;
  attempts: DeliveryAttempt[];
}

/** The UTC day a scheduled digest belongs to: its claim key. */
export const digestDay = (now: Date) => now.toISOString().slice(0, 10);

/**
 * Sends a workspace's purge digest to its webhook, signed, with retries, logging each attempt.
 * `day` set: the scheduled digest of that day, sent only by whoever inserts its row first
 * (the unique (workspaceId, day) is the claim, across processes); null: one sent by hand.
 * Null when there is no webhook or the day's digest was already claimed.
 */
export async function deliverDigest(
  workspaceId: string,
  day: string | null,
  now: Date,
  options: DeliverOptions = {},
): Promise<DeliveryResult | null> {
  const webhook = await db().webhook.findUnique({ where: { workspaceId } });
  if (!webhook) return null;
  // Already sent today: skip reading the trash (the insert below stays the real claim).
  if (day && (await db().webhookDelivery.count({ where: { workspaceId, day } })) > 0) return null;
  const id = crypto.randomUUID();
  const digest = await buildDigest(workspaceId, id, now);
  const claimed = await db().webhookDelivery.createMany({
    data: { id, workspaceId, day, url: webhook.url, recordCount: digest.count, status: "SENDING" },
    skipDuplicates: true,
  });
  if (claimed.count === 0) return null;

  const secret = decryptSecret(webhook.secretCiphertext);
  const body = JSON.stringify(digest);
  const { timeoutMs = 10_000, env = process.env } = options;
  const log = (attempts: DeliveryAttempt[]) =>
    db()
      .webhookDelivery.update({ where: { id }, data: { attempts: attempts as object[] } })
      .then(() => undefined);
  const { delivered, attempts } = secret
    ? await sendWithRetries(
        (attempt) =>
          postJson(
            webhook.url,
            body,
            {
              [SIGNATURE_HEADER]: signatureHeader(secret, body, new Date()),
              "X-Webhook-Id": id,
              "X-Webhook-Attempt": String(attempt),
              "User-Agent": "TrashBinCRM-Webhook/1",
            },
            { timeoutMs, allowPrivate: privateAllowed(env) },
          ),
        { ...options, onAttempt: log },
      )
    : {
        delivered: false,
        attempts: [
          {
            at: now.toISOString(),
            durationMs: 0,
            error: "The signing secret cannot be read (the server key changed): regenerate it.",
          },
        ],
      };
  const status = delivered ? "DELIVERED" : "FAILED";
  await db().webhookDelivery.update({ where: { id }, data: { status, attempts: attempts as object[] } });
  componentLog("digest")[delivered ? "info" : "warn"](
    { deliveryId: id, workspaceId, day, status, records: digest.count, attempts: attempts.length },
    delivered ? "digest delivered" : "digest failed",
  );
  return { id, status, recordCount: digest.count, attempts };
}

/**
 * The scheduler's step: today's digest for every workspace with a webhook, each sent once
 * however many schedulers run it. Returns what this caller sent.
 */
export async function sendDailyDigests(now: Date, options: DeliverOptions = {}): Promise<DeliveryResult[]> {
  const hooks = await db().webhook.findMany({ select: { workspaceId: true }, orderBy: { workspaceId: "asc" } });
  const sent: DeliveryResult[] = [];
  for (const { workspaceId } of hooks) {
    const result = await deliverDigest(workspaceId, digestDay(now), now, options);
    if (result) sent.push(result);
  }
  return sent;
}
