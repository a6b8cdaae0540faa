import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { onPostgres, withTestDatabase } from "@/test/db";
import { makeWorkspace } from "@/test/fixtures";
import { signatureValid, startReceiver, type Receiver } from "@/test/webhook-receiver";
import { revealWebhookSecret, saveWebhook } from "@/lib/webhooks/settings";

const run = promisify(execFile);
const { databaseUrl } = withTestDatabase();
const TSX = path.resolve("node_modules/.bin/tsx");

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
});

describe.runIf(onPostgres)("npm run digest: two at once (PostgreSQL)", () => {
  it("send each workspace's daily digest exactly once, signed", async () => {
    receiver = await startReceiver();
    process.env.WEBHOOK_ALLOW_PRIVATE = "1";
    const a = await makeWorkspace();
    const b = await makeWorkspace();
    for (const ws of [a, b]) await saveWebhook(ws.actors.admin, { url: receiver.url });
    const env = { ...process.env, DATABASE_URL: databaseUrl(), WEBHOOK_ALLOW_PRIVATE: "1" };
    const cli = () => run(TSX, ["--conditions=react-server", "scripts/digest.ts"], { env, timeout: 120_000 });
    const outputs = await Promise.all([cli(), cli()]);
    const lines = outputs
      .flatMap((o) => o.stdout.trim().split("\n").filter(Boolean))
      .map((l) => JSON.parse(l) as { status: string });
    expect(lines.map((l) => l.status)).toEqual(["DELIVERED", "DELIVERED"]);
    expect(receiver.received).toHaveLength(2);
    const secrets = await Promise.all([a, b].map(async (ws) => (await revealWebhookSecret(ws.actors.admin)).secret));
    for (const digest of receiver.received) expect(secrets.some((s) => signatureValid(digest, s))).toBe(true);
    expect(await db().webhookDelivery.count({ where: { day: { not: null } } })).toBe(2);
  });
});
