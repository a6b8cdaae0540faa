import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/credentials";
import { db } from "@/lib/db/client";
import { createUserFromCli, resetPasswordFromCli } from "@/lib/setup/people-cli";
import { onPostgres, withTestDatabase } from "@/test/db";
import { makeWorkspace, TEST_PASSWORD } from "@/test/fixtures";

const database = withTestDatabase();
const TSX = path.resolve("node_modules/.bin/tsx");

function userCli(env: Record<string, string>, input: string, ...args: string[]) {
  return spawnSync(TSX, ["--conditions=react-server", "scripts/user.ts", ...args], {
    env: { ...process.env, ...env },
    input,
    encoding: "utf8",
    timeout: 120_000,
  });
}

describe("#15 npm run user: the headless first owner, and more", () => {
  it("creates a workspace and its OWNER, then adds an existing user to another workspace", async () => {
    const made = await createUserFromCli({
      email: "Ops@Acme.test",
      name: "Ops",
      workspace: "Acme",
      role: "OWNER",
      password: "copper lantern orbit",
    });
    expect(made).toMatchObject({ created: true, role: "OWNER" });
    expect(await authenticate("ops@acme.test", "copper lantern orbit")).toMatchObject({ role: "OWNER" });
    const ws = await makeWorkspace("Second");
    const added = await createUserFromCli({
      email: "ops@acme.test",
      name: "Ops",
      workspace: "Second",
      role: "VIEWER",
      password: "unused but checked 42",
    });
    expect(added).toMatchObject({ created: false, workspaceId: ws.id, role: "VIEWER" });
    expect(await db().membership.count({ where: { userId: made.userId } })).toBe(2);
    await expect(
      createUserFromCli({
        email: "ops@acme.test",
        name: "Ops",
        workspace: "Second",
        role: "VIEWER",
        password: "copper lantern orbit",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      createUserFromCli({
        email: "weak@acme.test",
        name: "W",
        workspace: "Acme",
        role: "MEMBER",
        password: "password12",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", field: "password" });
  });

  it("reset-password sets a new one and ends the user's sessions", async () => {
    const ws = await makeWorkspace();
    await resetPasswordFromCli({ email: ws.actors.member.email, password: "copper lantern orbit" });
    expect(await authenticate(ws.actors.member.email, TEST_PASSWORD)).toBeNull();
    expect(await authenticate(ws.actors.member.email, "copper lantern orbit")).toMatchObject({ sessionVersion: 1 });
  });

  it("never takes a password from argv, and explains its usage", () => {
    const refused = userCli({}, "", "create", "--email", "a@b.test", "--password", "secret-in-ps");
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/never taken as an argument/);
    const usage = userCli({}, "", "frobnicate");
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Usage:/);
  });

  it.runIf(onPostgres)("the CLI itself, password on stdin, against PostgreSQL", async () => {
    const created = userCli(
      { DATABASE_URL: database.databaseUrl() },
      "copper lantern orbit\n",
      "create",
      "--email",
      "cli@acme.test",
      "--name",
      "Cli Owner",
      "--workspace",
      "Cli Corp",
      "--role",
      "owner",
      "--password-stdin",
    );
    expect(created.stderr).toBe("");
    expect(JSON.parse(created.stdout.trim().split("\n").pop()!)).toMatchObject({ role: "OWNER", created: true });
    expect(await authenticate("cli@acme.test", "copper lantern orbit")).toMatchObject({ role: "OWNER" });
    const reset = userCli(
      { DATABASE_URL: database.databaseUrl() },
      "another copper lantern\n",
      "reset-password",
      "--email",
      "cli@acme.test",
      "--password-stdin",
    );
    expect(reset.stdout).toMatch(/New password set/);
    expect(await authenticate("cli@acme.test", "another copper lantern")).not.toBeNull();
  });
});
