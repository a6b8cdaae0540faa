import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/actor";
import { makeWorkspace } from "@/test/fixtures";
import { withTestDatabase } from "@/test/db";
import { authenticate, signInWithPassword } from "./credentials";
import { ADDRESS_LIMIT, PAIR_LIMIT, SIGN_IN_WINDOW_MS, SignInThrottledError } from "./throttle";
import { hashPassword } from "./password";

withTestDatabase();

async function userWithPassword(password: string) {
  const ws = await makeWorkspace();
  await db().user.update({
    where: { id: ws.actors.admin.userId },
    data: { passwordHash: await hashPassword(password) },
  });
  return ws;
}

describe("authenticate", () => {
  it("signs in with the right password, case-insensitive email, into the user's workspace and role", async () => {
    const ws = await userWithPassword("s3cret-pass");
    const user = await authenticate(ws.actors.admin.email.toUpperCase(), "s3cret-pass");
    expect(user).toMatchObject({ userId: ws.actors.admin.userId, workspaceId: ws.id, role: "ADMIN" });
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    const ws = await userWithPassword("s3cret-pass");
    expect(await authenticate(ws.actors.admin.email, "wrong")).toBeNull();
    expect(await authenticate("nobody@test.example", "s3cret-pass")).toBeNull();
  });

  it("stores only a hash, never the password", async () => {
    const ws = await userWithPassword("s3cret-pass");
    const { passwordHash } = await db().user.findUniqueOrThrow({ where: { id: ws.actors.admin.userId } });
    expect(passwordHash).not.toContain("s3cret-pass");
    expect(passwordHash).toMatch(/^\$2[aby]\$/);
  });
});

describe("loadActor re-reads the membership on every request", () => {
  it("sees a demotion at once", async () => {
    const ws = await makeWorkspace();
    await db().membership.update({
      where: { workspaceId_userId: { workspaceId: ws.id, userId: ws.actors.admin.userId } },
      data: { role: "VIEWER" },
    });
    expect((await loadActor(ws.actors.admin.userId, ws.id, "UI"))?.role).toBe("VIEWER");
  });

  it("answers null once the user is removed from the workspace", async () => {
    const ws = await makeWorkspace();
    await db().membership.delete({
      where: { workspaceId_userId: { workspaceId: ws.id, userId: ws.actors.member.userId } },
    });
    expect(await loadActor(ws.actors.member.userId, ws.id, "UI")).toBeNull();
  });

  it("answers null for a workspace the user does not belong to", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    expect(await loadActor(ws.actors.owner.userId, other.id, "UI")).toBeNull();
  });
});

describe("#3 sign-in is slowed per account and per address", () => {
  const at = (ms: number) => new Date(Date.UTC(2026, 10, 23, 12) + ms);

  it("#3 after 5 wrong passwords from one address that address is refused — the right password too — with “try again in N s”, then works when the window passes", async () => {
    const ws = await userWithPassword("s3cret-pass");
    const email = ws.actors.admin.email;
    for (let i = 0; i < PAIR_LIMIT; i++)
      expect(await signInWithPassword(email, `guess-${i}`, "10.0.0.1", at(i * 1000))).toBeNull();
    const refused = await signInWithPassword(email, "s3cret-pass", "10.0.0.1", at(10_000)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(SignInThrottledError);
    const seconds = (refused as SignInThrottledError).retryAfterSeconds;
    expect(seconds).toBe(Math.ceil((SIGN_IN_WINDOW_MS - 10_000) / 1000));
    expect((refused as Error).message).toBe(`Too many failed sign-in attempts. Try again in ${seconds} s.`);
    // The count lives in the database, so another instance (a fresh process) refuses too.
    const pair = `pair:${email.toLowerCase()}|10.0.0.1`;
    expect(await db().signInFailure.count({ where: { key: pair } })).toBe(PAIR_LIMIT);

    expect(await signInWithPassword(email, "s3cret-pass", "10.0.0.1", at(SIGN_IN_WINDOW_MS + 1))).toMatchObject({
      userId: ws.actors.admin.userId,
    });
    // Success forgets the account's failures.
    expect(await db().signInFailure.count({ where: { key: pair } })).toBe(0);
  });

  it("#3 one address guessing across many accounts is refused after 20 failures, other addresses are not", async () => {
    const ws = await userWithPassword("s3cret-pass");
    for (let i = 0; i < ADDRESS_LIMIT; i++)
      await signInWithPassword(`nobody-${i}@test.example`, "x", "10.9.9.9", at(i));
    await expect(signInWithPassword(ws.actors.admin.email, "s3cret-pass", "10.9.9.9", at(100))).rejects.toBeInstanceOf(
      SignInThrottledError,
    );
    expect(await signInWithPassword(ws.actors.admin.email, "s3cret-pass", "10.1.1.1", at(100))).toMatchObject({
      role: "ADMIN",
    });
  });
});

describe("#5 sign-in timing does not tell which emails exist", () => {
  it("#5 an unknown email costs a bcrypt compare like a known one with a wrong password", async () => {
    const ws = await userWithPassword("s3cret-pass");
    await authenticate("warm-up@test.example", "x");
    const time = async (email: string) => {
      const started = performance.now();
      for (let i = 0; i < 4; i++) await authenticate(email, "wrong-password");
      return (performance.now() - started) / 4;
    };
    const known = await time(ws.actors.admin.email);
    const unknown = await time("nobody-here@test.example");
    // bcrypt at cost 10 takes tens of ms; skipping it answers in ~1 ms.
    expect(known).toBeGreaterThan(15);
    expect(unknown).toBeGreaterThan(known * 0.6);
  });
});
