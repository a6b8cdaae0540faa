import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { timeLeft } from "@/lib/universal/retention";
import { openPglite } from "@/lib/db/pglite";
import { onPostgres, withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, TEST_PASSWORD } from "@/test/fixtures";
import { signInCookie, startServer, type RunningServer } from "@/test/server";

const run = promisify(execFile);
const database = withTestDatabase();
const TSX = path.resolve("node_modules/.bin/tsx");
process.env.API_KEY_ENCRYPTION_KEY ??= "cli-test-api-key-encryption";

function apiKeyCli(env: Record<string, string>, ...args: string[]) {
  return run(TSX, ["--conditions=react-server", "scripts/api-key.ts", ...args], {
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
}
const failure = (e: { code: number; stderr: string }) => e;

describe.runIf(!onPostgres)("npm run api-key on the embedded database", () => {
  it("refuses to open the folder while the server holds it, with the purge CLI's message", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "crm-cli-")), "pglite");
    const server = openPglite(dir);
    try {
      const error = await apiKeyCli({ DATABASE_URL: `file:${dir}` }, "--email", "owner@example.com").then(
        () => null,
        failure,
      );
      expect(error?.code).toBe(1);
      expect(error?.stderr).toMatch(/in use by another process/);
      expect(error?.stderr).toMatch(/Stop the server first/);
    } finally {
      await server.close();
    }
  });

  it("explains its usage when --email is missing", async () => {
    const error = await apiKeyCli({}).then(() => null, failure);
    expect(error?.code).toBe(2);
    expect(error?.stderr).toMatch(/Usage: npm run api-key -- --email/);
  });
});

// docs/API.md's example flow, with the tools a shell user has: the key from the CLI, the signature
// from `openssl dgst -sha256 -hmac`, the calls from curl; the result checked in the dashboard.
describe.runIf(onPostgres)("npm run api-key, openssl and curl, as docs/API.md's example flow", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ databaseUrl: database.databaseUrl() });
  }, 90_000);
  afterAll(() => server?.stop());

  function curl(method: string, url: string, authorization: string) {
    const out = spawnSync(
      "curl",
      [
        "-s",
        "-X",
        method,
        "-H",
        "Content-Type: application/json",
        "-H",
        `Authorization: ${authorization}`,
        "-w",
        "\n%{http_code}",
        url,
      ],
      { encoding: "utf8" },
    );
    const lines = out.stdout.trimEnd().split("\n");
    return { status: Number(lines.pop()), body: JSON.parse(lines.join("\n")) };
  }
  function opensslAuthorization(apiKey: string, apiSecret: string) {
    const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    const salt = spawnSync("openssl", ["rand", "-hex", "16"], { encoding: "utf8" }).stdout.trim();
    const digest = spawnSync("openssl", ["dgst", "-sha256", "-hmac", apiSecret], {
      input: date + salt,
      encoding: "utf8",
    }).stdout;
    return `HMAC-SHA256 apiKey=${apiKey}, date=${date}, salt=${salt}, signature=${digest.trim().split(" ").pop()}`;
  }

  it("creates a key, deletes a record with a signed curl call, shows it in the trash with 14 days left, restores it the same way", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws, { name: "Curl McCurlface" });
    const env = { DATABASE_URL: database.databaseUrl() };

    const bad = await apiKeyCli(env, "--email", ws.actors.member.email, "--scopes", "records:purge").then(
      () => null,
      failure,
    );
    expect(bad?.code).toBe(1);
    expect(bad?.stderr).toMatch(/cannot give a key the scope records:purge/);
    expect((await apiKeyCli(env, "--email", "nobody@example.com").then(() => null, failure))?.stderr).toMatch(
      /No user nobody@example.com/,
    );

    const { stdout } = await apiKeyCli(
      env,
      "--email",
      ws.actors.member.email,
      "--scopes",
      "records:read,records:delete,records:restore",
      "--name",
      "shell",
    );
    const key = JSON.parse(stdout.trim().split("\n").pop()!);
    expect(key).toEqual({
      apiKey: expect.stringMatching(/^ak_/),
      apiSecret: expect.stringMatching(/^sk_/),
      scopes: ["records:read", "records:delete", "records:restore"],
    });
    expect(await db().apiKey.findFirst({ where: { keyId: key.apiKey }, select: { name: true } })).toEqual({
      name: "shell",
    });

    const deleted = curl(
      "DELETE",
      `${server.url}/crm-core/v1/records/${record.id}`,
      opensslAuthorization(key.apiKey, key.apiSecret),
    );
    expect(deleted).toEqual({ status: 200, body: { recordId: record.id, entityId: ws.entities.leads } });

    const cookie = await signInCookie(server.url, ws.actors.member.email, TEST_PASSWORD);
    // The trash as the dashboard reads it (its table renders these rows in the browser), and the
    // countdown the row shows, worked out by the same function.
    const trash = (await (await fetch(`${server.url}/api/app/trash`, { headers: { cookie } })).json()) as {
      items: { id: string; name: string; purgeAt: string }[];
    };
    const row = trash.items.find((r) => r.id === record.id);
    expect(row?.name).toBe("Curl McCurlface");
    expect(timeLeft(new Date(row!.purgeAt), new Date()).label).toBe("14 days left");

    const restored = curl(
      "POST",
      `${server.url}/crm-core/v1/records/${record.id}/restore`,
      opensslAuthorization(key.apiKey, key.apiSecret),
    );
    expect(restored.status).toBe(200);
    const records = await (await fetch(`${server.url}/api/app/records?entity=leads`, { headers: { cookie } })).json();
    expect(records.items.map((r: { name: string }) => r.name)).toContain("Curl McCurlface");
  });
});
