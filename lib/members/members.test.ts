import { describe, expect, it } from "vitest";
import { loadActor } from "@/lib/actor";
import { createApiKey } from "@/lib/api-keys/manage";
import { authenticateApiCall } from "@/lib/api-keys/authenticate";
import { authenticate } from "@/lib/auth/credentials";
import { ADDRESS_LIMIT, PAIR_LIMIT, SignInThrottledError } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { softDeleteRecords } from "@/lib/trash/delete";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, NOW, TEST_PASSWORD, viaSchema } from "@/test/fixtures";
import { acceptInvitation, INVITATION_DAYS, inviteMember, revokeInvitation } from "./invitations";
import { changeMemberRole, removeMember, transferOwnership } from "./manage";
import { acceptInvitationSchema, changeRoleSchema, inviteSchema } from "./schemas";

withTestDatabase();

const invite = viaSchema(inviteSchema, inviteMember);
const changeRole = viaSchema(changeRoleSchema, changeMemberRole);
const accept = (
  raw: { token: string; name?: string; password?: string; currentPassword?: string },
  now = NOW,
  address: string | null = null,
) =>
  viaSchema(acceptInvitationSchema, (_a, input, at) => acceptInvitation(input, at, address))(null as never, raw, now);
const tokenOf = (path: string) => path.split("/").pop()!;
const roleOf = async (workspaceId: string, userId: string) =>
  (await db().membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } }))?.role ?? null;

describe("#17 invitations: single use, random, hashed, 7 days, revocable, bound to one workspace", () => {
  it("an invited new person joins with name and password, signs in, and the link works once", async () => {
    const ws = await makeWorkspace();
    const inv = await invite(ws.actors.admin, { email: "New@Person.test", role: "MEMBER" });
    expect(inv).toMatchObject({ email: "new@person.test", role: "MEMBER", mailed: false });
    const stored = await db().invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(stored.tokenHash).not.toContain(tokenOf(inv.path));
    expect(stored.expiresAt.getTime() - NOW.getTime()).toBe(INVITATION_DAYS * 86_400_000);

    const joined = await accept({ token: tokenOf(inv.path), name: "Nina New", password: "copper lantern orbit" });
    expect(joined).toMatchObject({ email: "new@person.test", workspaceId: ws.id, created: true });
    expect(await authenticate("new@person.test", "copper lantern orbit")).toMatchObject({
      workspaceId: ws.id,
      role: "MEMBER",
    });
    await expect(
      accept({ token: tokenOf(inv.path), name: "Again", password: "copper lantern orbit" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().user.count({ where: { email: "new@person.test" } })).toBe(1);
    expect(
      await db().auditLog.findMany({ where: { action: { startsWith: "members." } }, select: { action: true } }),
    ).toEqual(expect.arrayContaining([{ action: "members.invite" }, { action: "members.join" }]));
  });

  it("an expired or revoked link is refused and creates nobody", async () => {
    const ws = await makeWorkspace();
    const late = await invite(ws.actors.owner, { email: "late@person.test", role: "VIEWER" });
    const after = new Date(NOW.getTime() + INVITATION_DAYS * 86_400_000 + 1);
    await expect(
      accept({ token: tokenOf(late.path), name: "Late", password: "copper lantern orbit" }, after),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const revoked = await invite(ws.actors.owner, { email: "gone@person.test", role: "VIEWER" });
    await revokeInvitation(ws.actors.admin, { id: revoked.id }, NOW);
    await expect(
      accept({ token: tokenOf(revoked.path), name: "Gone", password: "copper lantern orbit" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().user.count({ where: { email: { in: ["late@person.test", "gone@person.test"] } } })).toBe(0);
  });

  it("another workspace cannot revoke it (not found), and accepting joins only the inviting workspace", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const inv = await invite(ws.actors.owner, { email: "x@person.test", role: "MEMBER" });
    await expect(revokeInvitation(other.actors.owner, { id: inv.id }, NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const joined = await accept({ token: tokenOf(inv.path), name: "X", password: "copper lantern orbit" });
    expect(
      await db().membership.findMany({
        where: { userId: (await db().user.findUniqueOrThrow({ where: { email: "x@person.test" } })).id },
        select: { workspaceId: true },
      }),
    ).toEqual([{ workspaceId: joined.workspaceId }]);
    expect(joined.workspaceId).toBe(ws.id);
  });

  it("#16 an existing user's email gains the membership once they prove it is them: several workspaces, password unchanged", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const inv = await invite(other.actors.owner, { email: ws.actors.member.email, role: "VIEWER" });
    // Holding the link is not enough: the inviting owner sees it too.
    for (const currentPassword of [undefined, "", "not their password"])
      await expect(accept({ token: tokenOf(inv.path), currentPassword })).rejects.toMatchObject({
        code: "VALIDATION",
        field: "currentPassword",
      });
    expect(await roleOf(other.id, ws.actors.member.userId)).toBeNull();
    expect(await accept({ token: tokenOf(inv.path), currentPassword: TEST_PASSWORD })).toMatchObject({
      created: false,
      workspaceId: other.id,
    });
    expect(await roleOf(other.id, ws.actors.member.userId)).toBe("VIEWER");
    expect(await roleOf(ws.id, ws.actors.member.userId)).toBe("MEMBER");
    expect(await authenticate(ws.actors.member.email, TEST_PASSWORD)).not.toBeNull();
  });

  it("refuses inviting someone already a member, and an ADMIN inviting an ADMIN or OWNER", async () => {
    const ws = await makeWorkspace();
    await expect(invite(ws.actors.owner, { email: ws.actors.viewer.email, role: "MEMBER" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    for (const role of ["ADMIN", "OWNER"] as const)
      await expect(invite(ws.actors.admin, { email: "boss@person.test", role })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    await expect(invite(ws.actors.member, { email: "m@person.test", role: "VIEWER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db().invitation.count()).toBe(0);
  });

  it("an existing user's password is guessed no faster here than at sign-in (the account's brake)", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const inv = await invite(other.actors.owner, { email: ws.actors.member.email, role: "MEMBER" });
    for (let i = 0; i < PAIR_LIMIT; i++)
      await expect(
        accept({ token: tokenOf(inv.path), currentPassword: `guess ${i}` }, NOW, "10.3.3.3"),
      ).rejects.toMatchObject({ code: "VALIDATION" });
    // Even the right password now waits: the brake holds before it is checked.
    await expect(
      accept({ token: tokenOf(inv.path), currentPassword: TEST_PASSWORD }, NOW, "10.3.3.3"),
    ).rejects.toBeInstanceOf(SignInThrottledError);
    expect(await roleOf(other.id, ws.actors.member.userId)).toBeNull();
    expect(await authenticate(ws.actors.member.email, "guess 0")).toBeNull();
  });

  it("wrong tokens are braked per address", async () => {
    for (let i = 0; i < ADDRESS_LIMIT; i++)
      await accept({ token: `nope-${i}`, name: "N", password: "copper lantern orbit" }, NOW, "10.2.2.2").catch(
        () => undefined,
      );
    await expect(
      accept({ token: "nope-last", name: "N", password: "copper lantern orbit" }, NOW, "10.2.2.2"),
    ).rejects.toBeInstanceOf(SignInThrottledError);
  });
});

describe("#16 roles: OWNER manages everyone, ADMIN only MEMBERs and VIEWERs, always one OWNER", () => {
  it("an ADMIN re-roles a MEMBER to VIEWER, with an audit entry naming who, whom and which roles", async () => {
    const ws = await makeWorkspace();
    await changeRole(ws.actors.admin, { userId: ws.actors.member.userId, role: "VIEWER" });
    expect(await roleOf(ws.id, ws.actors.member.userId)).toBe("VIEWER");
    expect(await db().auditLog.findFirst({ where: { action: "members.role" } })).toMatchObject({
      actorId: ws.actors.admin.userId,
      targetIds: [ws.actors.member.userId],
      details: { from: "MEMBER", to: "VIEWER", email: ws.actors.member.email },
    });
  });

  it("an ADMIN cannot touch an OWNER or another ADMIN, nor promote anyone to ADMIN", async () => {
    const ws = await makeWorkspace();
    await expect(changeRole(ws.actors.admin, { userId: ws.actors.owner.userId, role: "MEMBER" })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    await expect(changeRole(ws.actors.admin, { userId: ws.actors.member.userId, role: "ADMIN" })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    await db().membership.update({
      where: { workspaceId_userId: { workspaceId: ws.id, userId: ws.actors.member2.userId } },
      data: { role: "ADMIN" },
    });
    await expect(removeMember(ws.actors.admin, { userId: ws.actors.member2.userId }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(removeMember(ws.actors.admin, { userId: ws.actors.owner.userId }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      changeRole(ws.actors.member, { userId: ws.actors.viewer.userId, role: "MEMBER" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await roleOf(ws.id, ws.actors.owner.userId)).toBe("OWNER");
    expect(await roleOf(ws.id, ws.actors.member2.userId)).toBe("ADMIN");
    expect(await db().auditLog.count({ where: { action: { startsWith: "members." } } })).toBe(0);
  });

  it("the last OWNER can be neither demoted nor removed; after a transfer the old owner is ADMIN", async () => {
    const ws = await makeWorkspace();
    const owner = ws.actors.owner;
    await expect(changeRole(owner, { userId: owner.userId, role: "ADMIN" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(removeMember(owner, { userId: owner.userId }, NOW)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await roleOf(ws.id, owner.userId)).toBe("OWNER");
    await transferOwnership(owner, { userId: ws.actors.admin.userId });
    expect(await roleOf(ws.id, ws.actors.admin.userId)).toBe("OWNER");
    expect(await roleOf(ws.id, owner.userId)).toBe("ADMIN");
    const newOwner = (await loadActor(ws.actors.admin.userId, ws.id, "UI"))!;
    await expect(removeMember(newOwner, { userId: newOwner.userId }, NOW)).rejects.toMatchObject({ code: "CONFLICT" });
    // With two owners, one may step down.
    await changeRole(newOwner, { userId: owner.userId, role: "OWNER" });
    await changeRole(newOwner, { userId: newOwner.userId, role: "MEMBER" });
    expect(await db().membership.count({ where: { workspaceId: ws.id, role: "OWNER" } })).toBe(1);
  });

  it("another workspace's member answers not found", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    await expect(
      changeRole(other.actors.owner, { userId: ws.actors.member.userId, role: "VIEWER" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeMember(other.actors.owner, { userId: ws.actors.member.userId }, NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await roleOf(ws.id, ws.actors.member.userId)).toBe("MEMBER");
  });
});

describe("#16 removal ends the person's access at once and keeps their name on what they did", () => {
  it("revokes their keys, their session's next request is refused, their trash keeps their name", async () => {
    const ws = await makeWorkspace();
    const member = ws.actors.member;
    const key = await createApiKey(member, { name: "Zap" }, NOW);
    const record = await makeRecord(ws);
    await softDeleteRecords(member, { ids: [record.id] }, NOW);
    expect(await authenticateApiCall(`Bearer ${key.apiSecret}`, NOW)).toMatchObject({
      actor: { userId: member.userId },
    });

    expect(await removeMember(ws.actors.admin, { userId: member.userId }, NOW)).toMatchObject({ revokedKeys: 1 });
    expect(await loadActor(member.userId, ws.id, "UI", 0)).toBeNull();
    await expect(authenticateApiCall(`Bearer ${key.apiSecret}`, NOW)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).toEqual(NOW);
    const trashed = await db().record.findUniqueOrThrow({
      where: { id: record.id },
      select: { deletedBy: { select: { name: true } } },
    });
    expect(trashed.deletedBy?.name).toBe(member.name);
    expect(await db().auditLog.findFirst({ where: { action: "members.remove" } })).toMatchObject({
      details: { email: member.email, role: "MEMBER", revokedKeys: 1 },
    });
  });

  it("a demoted person's next request runs with the new role", async () => {
    const ws = await makeWorkspace();
    await changeRole(ws.actors.owner, { userId: ws.actors.member.userId, role: "VIEWER" });
    const record = await makeRecord(ws);
    await expect(
      softDeleteRecords((await loadActor(ws.actors.member.userId, ws.id, "UI", 0))!, { ids: [record.id] }, NOW),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
