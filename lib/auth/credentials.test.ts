import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/actor";
import { makeWorkspace } from "@/test/fixtures";
import { withTestDatabase } from "@/test/db";
import { authenticate } from "./credentials";
import { hashPassword } from "./password";

withTestDatabase();

async function userWithPassword(password: string) {
  const ws = await makeWorkspace();
  await db().user.update({ where: { id: ws.actors.admin.userId }, data: { passwordHash: await hashPassword(password) } });
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
    await db().membership.update({ where: { workspaceId_userId: { workspaceId: ws.id, userId: ws.actors.admin.userId } }, data: { role: "VIEWER" } });
    expect((await loadActor(ws.actors.admin.userId, ws.id, "UI"))?.role).toBe("VIEWER");
  });

  it("answers null once the user is removed from the workspace", async () => {
    const ws = await makeWorkspace();
    await db().membership.delete({ where: { workspaceId_userId: { workspaceId: ws.id, userId: ws.actors.member.userId } } });
    expect(await loadActor(ws.actors.member.userId, ws.id, "UI")).toBeNull();
  });

  it("answers null for a workspace the user does not belong to", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    expect(await loadActor(ws.actors.owner.userId, other.id, "UI")).toBeNull();
  });
});
