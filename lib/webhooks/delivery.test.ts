import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { softDeleteRecords } from "@/lib/trash/delete";
import { setHold } from "@/lib/trash/hold";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, NOW, type TestWorkspace } from "@/test/fixtures";
import { signatureValid, startReceiver, type Receiver } from "@/test/webhook-receiver";
import { sendDailyDigests } from "./deliver";
import type { PurgeDigest } from "./digest";
import { sendWithRetries } from "./retry";
import {
  getWebhookSettings,
  removeWebhook,
  revealWebhookSecret,
  rotateWebhookSecret,
  saveWebhook,
  sendDigestNow,
} from "./settings";

withTestDatabase();

const receivers: Receiver[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});
async function receiver(script: number[] = [], redirectTo?: string) {
  const r = await startReceiver(script, redirectTo);
  receivers.push(r);
  return r;
}

/** Retries without the real waits; the waits asked for are kept to check the backoff. */
const waits: number[] = [];
const FAST = {
  sleep: async (ms: number) => void waits.push(ms),
  timeoutMs: 2_000,
  env: { WEBHOOK_ALLOW_PRIVATE: "1" },
};

async function hookedWorkspace(url: string): Promise<TestWorkspace> {
  const ws = await makeWorkspace();
  vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "1");
  await saveWebhook(ws.actors.admin, { url });
  vi.unstubAllEnvs();
  return ws;
}

describe("sending the digest: signed, retried on 5xx and network errors, never on 4xx or redirects", () => {
  it("retries once after a 500 and delivers; both attempts are signed with the workspace's secret and logged", async () => {
    const r = await receiver([500]);
    const ws = await hookedWorkspace(r.url);
    waits.length = 0;
    const result = await sendDigestNow(ws.actors.admin, {}, NOW, FAST);
    expect(result.status).toBe("DELIVERED");
    expect(result.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
    expect(waits).toEqual([2_000]);
    const { secret } = await revealWebhookSecret(ws.actors.admin);
    expect(r.received.map((d) => signatureValid(d, secret))).toEqual([true, true]);
    expect(r.received.every((d) => !signatureValid(d, `${secret}x`))).toBe(true);
    expect(r.received.map((d) => d.headers["x-webhook-attempt"])).toEqual(["1", "2"]);
    expect(new Set(r.received.map((d) => d.headers["x-webhook-id"]))).toEqual(new Set([result.id]));
    const log = await getWebhookSettings(ws.actors.admin);
    expect(log.deliveries).toMatchObject([
      { id: result.id, status: "DELIVERED", attempts: [{ statusCode: 500 }, { statusCode: 200 }] },
    ]);
    expect(log.deliveries[0]!.attempts[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("gives up after three attempts of 5xx, with 2 s then 10 s between them", async () => {
    const r = await receiver([503, 502, 500, 200]);
    const ws = await hookedWorkspace(r.url);
    waits.length = 0;
    const result = await sendDigestNow(ws.actors.admin, {}, NOW, FAST);
    expect(result).toMatchObject({
      status: "FAILED",
      attempts: [{ statusCode: 503 }, { statusCode: 502 }, { statusCode: 500 }],
    });
    expect(waits).toEqual([2_000, 10_000]);
    expect(r.received).toHaveLength(3);
  });

  it("does not retry a 4xx, and never follows a redirect", async () => {
    const r = await receiver([410]);
    const ws = await hookedWorkspace(r.url);
    expect(await sendDigestNow(ws.actors.admin, {}, NOW, FAST)).toMatchObject({
      status: "FAILED",
      attempts: [{ statusCode: 410 }],
    });
    const target = await receiver();
    const redirecting = await receiver([302], target.url);
    vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "1");
    await saveWebhook(ws.actors.admin, { url: redirecting.url });
    expect(await sendDigestNow(ws.actors.admin, {}, NOW, FAST)).toMatchObject({
      status: "FAILED",
      attempts: [{ statusCode: 302 }],
    });
    expect(target.received).toHaveLength(0);
  });

  it("retries a network error and a timeout", async () => {
    const outcomes = [{ error: "ECONNREFUSED", retryable: true }, { statusCode: 204 }];
    const result = await sendWithRetries(async () => outcomes.shift()!, { sleep: async () => undefined });
    expect(result).toMatchObject({ delivered: true, attempts: [{ error: "ECONNREFUSED" }, { statusCode: 204 }] });

    const r = await receiver();
    const ws = await hookedWorkspace(r.url.replace(/:\d+\//, ":9/"));
    const refused = await sendDigestNow(ws.actors.admin, {}, NOW, FAST);
    expect(refused.attempts).toHaveLength(3);
    expect(refused.attempts[0]!.error).toMatch(/ECONNREFUSED/);
  });

  it("stops an attempt that gets no answer within the timeout", async () => {
    const http = await import("node:http");
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const ws = await hookedWorkspace(`http://127.0.0.1:${(silent.address() as { port: number }).port}/`);
    const result = await sendDigestNow(ws.actors.admin, {}, NOW, { ...FAST, timeoutMs: 200, delaysMs: [] });
    silent.closeAllConnections();
    silent.close();
    expect(result).toMatchObject({ status: "FAILED", attempts: [{ error: "No answer within 0.2 s." }] });
  });

  it("refuses to connect to a private address unless WEBHOOK_ALLOW_PRIVATE=1, even when the URL was saved while allowed", async () => {
    const r = await receiver();
    const ws = await hookedWorkspace(r.url);
    const result = await sendDigestNow(ws.actors.admin, {}, NOW, { ...FAST, env: {} });
    expect(result).toMatchObject({
      status: "FAILED",
      attempts: [{ error: expect.stringMatching(/not on the public internet/) }],
    });
    expect(r.received).toHaveLength(0);
    // A name that resolves to loopback is refused at connect time too.
    await db().webhook.update({
      where: { workspaceId: ws.id },
      data: { url: r.url.replace("127.0.0.1", "localhost") },
    });
    expect((await sendDigestNow(ws.actors.admin, {}, NOW, { ...FAST, env: {} })).attempts[0]!.error).toMatch(
      /not on the public internet/,
    );
    expect(r.received).toHaveLength(0);
  });
});

describe("the daily digest: what the next 24 hours will purge, once per workspace and day", () => {
  it("lists records whose purge falls within 24 hours, not held ones nor later ones, with who deleted them", async () => {
    const r = await receiver();
    const ws = await hookedWorkspace(r.url);
    const soon = await makeRecord(ws, { name: "Going soon" });
    const held = await makeRecord(ws, { name: "Held" });
    const later = await makeRecord(ws, { name: "Later" });
    const deletedAt = new Date(NOW.getTime() - 13.5 * 86_400_000);
    await softDeleteRecords(ws.actors.member, { ids: [soon.id, held.id] }, deletedAt);
    await softDeleteRecords(ws.actors.member, { ids: [later.id] }, new Date(NOW.getTime() - 12 * 86_400_000));
    await setHold(ws.actors.admin, { id: held.id, hold: true }, NOW);
    const [sent] = await sendDailyDigests(NOW, FAST);
    expect(sent).toMatchObject({ status: "DELIVERED", recordCount: 1 });
    const digest = JSON.parse(r.received[0]!.body) as PurgeDigest;
    expect(digest).toMatchObject({
      type: "trash.purge_digest",
      deliveryId: sent!.id,
      workspace: { id: ws.id },
      count: 1,
      truncated: false,
      generatedAt: NOW.toISOString(),
    });
    expect(digest.records).toEqual([
      {
        id: soon.id,
        recordNumber: expect.any(String),
        name: "Going soon",
        entity: "leads",
        deletedAt: deletedAt.toISOString(),
        deletedBy: { name: ws.actors.member.name, email: ws.actors.member.email },
        purgeAt: new Date(deletedAt.getTime() + 14 * 86_400_000).toISOString(),
      },
    ]);
  });

  it("two schedulers at once send each workspace's digest exactly once; the next day sends again", async () => {
    const r = await receiver();
    const a = await hookedWorkspace(r.url);
    const b = await hookedWorkspace(r.url);
    const [one, two] = await Promise.all([sendDailyDigests(NOW, FAST), sendDailyDigests(NOW, FAST)]);
    expect(one.length + two.length).toBe(2);
    expect(r.received).toHaveLength(2);
    expect(new Set(r.received.map((d) => (JSON.parse(d.body) as PurgeDigest).workspace.id))).toEqual(
      new Set([a.id, b.id]),
    );
    expect(await sendDailyDigests(new Date(NOW.getTime() + 3_600_000), FAST)).toEqual([]);
    expect(await sendDailyDigests(new Date(NOW.getTime() + 86_400_000), FAST)).toHaveLength(2);
    expect(await db().webhookDelivery.count({ where: { day: { not: null } } })).toBe(4);
    // Sending by hand does not use up the day's digest.
    await sendDigestNow(a.actors.admin, {}, NOW, FAST);
    expect(await db().webhookDelivery.count({ where: { workspaceId: a.id } })).toBe(3);
  });
});

describe("webhook settings: ADMIN and OWNER only, in their own workspace", () => {
  it("refuses members and viewers; keeps the secret when the URL changes; rotates and removes", async () => {
    const ws = await makeWorkspace();
    for (const who of ["member", "viewer"] as const) {
      await expect(saveWebhook(ws.actors[who], { url: "https://hooks.example.com/a" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(getWebhookSettings(ws.actors[who])).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(revealWebhookSecret(ws.actors[who])).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(sendDigestNow(ws.actors[who], {}, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(sendDigestNow(ws.actors.admin, {}, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveWebhook(ws.actors.admin, { url: "http://127.0.0.1/x" })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "url",
    });
    expect(await saveWebhook(ws.actors.owner, { url: "https://hooks.example.com/a" })).toEqual({
      url: "https://hooks.example.com/a",
      created: true,
    });
    const { secret } = await revealWebhookSecret(ws.actors.admin);
    expect(secret).toMatch(/^whsec_/);
    await saveWebhook(ws.actors.admin, { url: "https://hooks.example.com/b" });
    expect((await revealWebhookSecret(ws.actors.admin)).secret).toBe(secret);
    const rotated = await rotateWebhookSecret(ws.actors.admin);
    expect(rotated.secret).not.toBe(secret);
    expect((await revealWebhookSecret(ws.actors.owner)).secret).toBe(rotated.secret);
    // Another workspace's admin sees none of it.
    const other = await makeWorkspace("Other");
    expect(await getWebhookSettings(other.actors.admin)).toEqual({ url: null, deliveries: [] });
    await expect(revealWebhookSecret(other.actors.owner)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await removeWebhook(ws.actors.admin)).toEqual({ removed: true });
    expect(await getWebhookSettings(ws.actors.admin)).toMatchObject({ url: null });
    const audit = await db().auditLog.findMany({
      where: { workspaceId: ws.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    // Every reveal of the secret is on the record too (issue 26 #6).
    expect(audit.map((a) => a.action)).toEqual([
      "webhook.save",
      "webhook.reveal_secret",
      "webhook.save",
      "webhook.reveal_secret",
      "webhook.rotate_secret",
      "webhook.reveal_secret",
      "webhook.remove",
    ]);
  });
});
