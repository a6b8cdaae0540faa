import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/credentials";
import { ADDRESS_LIMIT, SignInThrottledError } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation";
import { onPostgres, withTestDatabase } from "@/test/db";
import { NOW } from "@/test/fixtures";
import { setupCode, setupCodeMatches } from "./code";
import { setupSchema } from "./schemas";
import { needsSetup, setupInstallation } from "./setup";

withTestDatabase();

const CODE = "test-setup-code-23";
const input = (over: Record<string, string> = {}) =>
  parseInput(setupSchema, {
    workspaceName: "Acme",
    name: "Olive Owner",
    email: "Olive@Acme.test",
    password: "copper lantern orbit",
    code: CODE,
    ...over,
  });

beforeEach(() => {
  process.env.SETUP_TOKEN = CODE;
});
afterEach(() => {
  delete process.env.SETUP_TOKEN;
});

describe("#15 first run: the first workspace and its OWNER, exactly once, with the setup code", () => {
  it("creates the workspace with its entities, the OWNER (who can sign in) and an audit entry", async () => {
    expect(await needsSetup()).toBe(true);
    const result = await setupInstallation(input(), NOW, "10.0.0.1");
    expect(result.email).toBe("olive@acme.test");
    expect(await needsSetup()).toBe(false);
    expect(await db().membership.findMany({ select: { role: true, workspaceId: true } })).toEqual([
      { role: "OWNER", workspaceId: result.workspaceId },
    ]);
    expect(await db().entity.count({ where: { workspaceId: result.workspaceId } })).toBe(3);
    expect(await authenticate("olive@acme.test", "copper lantern orbit")).toMatchObject({ role: "OWNER" });
    expect(await db().auditLog.findFirst({ where: { action: "members.setup" } })).toMatchObject({
      workspaceId: result.workspaceId,
      details: { email: "olive@acme.test", role: "OWNER", workspace: "Acme" },
    });
  });

  it("once a user exists it answers not found, and nothing changes", async () => {
    await setupInstallation(input(), NOW, null);
    await expect(setupInstallation(input({ email: "late@acme.test" }), NOW, null)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db().user.count()).toBe(1);
    expect(await db().workspace.count()).toBe(1);
  });

  it("refuses a wrong code and counts it under the brake; past the limit even the right code waits", async () => {
    await expect(setupInstallation(input({ code: "guess" }), NOW, "10.0.0.9")).rejects.toMatchObject({
      code: "FORBIDDEN",
      field: "code",
    });
    expect(await db().user.count()).toBe(0);
    for (let i = 1; i < ADDRESS_LIMIT; i++)
      await setupInstallation(input({ code: `guess-${i}` }), NOW, "10.0.0.9").catch(() => undefined);
    await expect(setupInstallation(input(), NOW, "10.0.0.9")).rejects.toBeInstanceOf(SignInThrottledError);
    expect(await db().user.count()).toBe(0);
    // Another address is not slowed.
    await expect(setupInstallation(input(), NOW, "10.0.0.10")).resolves.toMatchObject({ email: "olive@acme.test" });
  });

  it("refuses a weak password and an invalid email before anything", () => {
    expect(() => input({ password: "password12" })).toThrow(/too easy to guess/);
    expect(() => input({ email: "not-an-email" })).toThrow(/email/);
  });

  it("the code is SETUP_TOKEN when set, otherwise derived from the session secret; case, spaces and dashes do not matter", () => {
    expect(setupCode({ SETUP_TOKEN: "abc" })).toBe("abc");
    const derived = setupCode({ NEXTAUTH_SECRET: "s1" });
    expect(derived).toMatch(/^[0-9A-F]{5}-[0-9A-F]{5}-[0-9A-F]{5}$/);
    expect(setupCode({ NEXTAUTH_SECRET: "s2" })).not.toBe(derived);
    expect(setupCodeMatches(` ${derived.toLowerCase().replace(/-/g, " ")} `, { NEXTAUTH_SECRET: "s1" })).toBe(true);
    expect(setupCodeMatches("00000-00000-00000", { NEXTAUTH_SECRET: "s1" })).toBe(false);
  });

  it.runIf(onPostgres)(
    "a race of 10 setups on PostgreSQL gives exactly one owner; the others are refused",
    async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          setupInstallation(input({ email: `owner${i}@acme.test`, workspaceName: `Acme ${i}` }), NOW, `10.1.0.${i}`),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results.filter((r) => r.status === "rejected"))
        expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "NOT_FOUND" });
      expect(await db().user.count()).toBe(1);
      expect(await db().workspace.count()).toBe(1);
      expect(await db().membership.count({ where: { role: "OWNER" } })).toBe(1);
    },
  );
});
