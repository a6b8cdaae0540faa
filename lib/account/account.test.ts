import { afterEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { loadActor } from "@/lib/actor";
import { authenticate } from "@/lib/auth/credentials";
import { ADDRESS_LIMIT, PAIR_LIMIT, SignInThrottledError } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { inviteMember } from "@/lib/members/invitations";
import { listMemberRows } from "@/lib/members/manage";
import { withTestDatabase } from "@/test/db";
import { makeWorkspace, NOW, TEST_PASSWORD, viaSchema } from "@/test/fixtures";
import { changePassword, listMyWorkspaces, signOutEverywhere, switchWorkspace, updateName } from "./account";
import { issuePasswordReset, RESET_MINUTES, resetPasswordWithLink } from "./reset";
import { changePasswordSchema } from "./schemas";

withTestDatabase();

const change = viaSchema(changePasswordSchema, changePassword);
const NEW = "copper lantern orbit";
const tokenOf = (path: string) => path.split("/").pop()!;

describe("#18 your account", () => {
  it("changes your name, with an audit entry", async () => {
    const ws = await makeWorkspace();
    await updateName(ws.actors.member, { name: "Maya M." });
    expect((await loadActor(ws.actors.member.userId, ws.id, "UI"))?.name).toBe("Maya M.");
    expect(await db().auditLog.findFirst({ where: { action: "account.name" } })).toMatchObject({
      details: { to: "Maya M." },
    });
  });

  it("a new password needs the current one (braked), is checked for strength, and ends every other session", async () => {
    const ws = await makeWorkspace();
    const me = ws.actors.viewer;
    await expect(change(me, { currentPassword: "wrong", newPassword: NEW })).rejects.toMatchObject({
      code: "FORBIDDEN",
      field: "currentPassword",
    });
    await expect(change(me, { currentPassword: TEST_PASSWORD, newPassword: "password12" })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "newPassword",
    });
    expect(await authenticate(me.email, TEST_PASSWORD)).not.toBeNull();
    const { sessionVersion } = await change(me, { currentPassword: TEST_PASSWORD, newPassword: NEW });
    expect(sessionVersion).toBe(1);
    expect(await authenticate(me.email, NEW)).not.toBeNull();
    expect(await loadActor(me.userId, ws.id, "UI", 0)).toBeNull();
    expect(await loadActor(me.userId, ws.id, "UI", 1)).not.toBeNull();

    // The successful change forgot the earlier failure: five new ones stop the next attempt.
    for (let i = 0; i < PAIR_LIMIT; i++)
      await change(me, { currentPassword: `guess-${i}`, newPassword: NEW }).catch(() => undefined);
    await expect(change(me, { currentPassword: NEW, newPassword: "another copper lantern" })).rejects.toBeInstanceOf(
      SignInThrottledError,
    );
  });

  it("sign out everywhere: every token of an older version is refused at once", async () => {
    const ws = await makeWorkspace();
    const me = ws.actors.member;
    expect(await signOutEverywhere(me)).toEqual({ sessionVersion: 1 });
    expect(await loadActor(me.userId, ws.id, "UI", 0)).toBeNull();
    expect(await loadActor(me.userId, ws.id, "UI", 1)).not.toBeNull();
    expect(await db().auditLog.count({ where: { action: "account.signOutEverywhere" } })).toBe(1);
  });

  it("#16 lists every workspace you belong to and switches only into one of them", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    await db().membership.create({ data: { workspaceId: other.id, userId: ws.actors.member.userId, role: "VIEWER" } });
    expect((await listMyWorkspaces(ws.actors.member)).map((w) => [w.id, w.role, w.current])).toEqual([
      [ws.id, "MEMBER", true],
      [other.id, "VIEWER", false],
    ]);
    expect(await switchWorkspace(ws.actors.member, { workspaceId: other.id })).toEqual({
      workspaceId: other.id,
      role: "VIEWER",
    });
    await expect(switchWorkspace(ws.actors.viewer, { workspaceId: other.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("#17 reset links: ADMIN for MEMBER/VIEWER, single use, 1 hour", () => {
  it("an ADMIN's link sets a new password once and ends the person's sessions", async () => {
    const ws = await makeWorkspace();
    const link = await issuePasswordReset(ws.actors.admin, { userId: ws.actors.member.userId }, NOW);
    expect(await db().passwordReset.findFirstOrThrow()).not.toMatchObject({ tokenHash: tokenOf(link.path) });
    expect(await resetPasswordWithLink({ token: tokenOf(link.path), password: NEW }, NOW, null)).toEqual({
      email: ws.actors.member.email,
    });
    expect(await authenticate(ws.actors.member.email, NEW)).not.toBeNull();
    expect(await loadActor(ws.actors.member.userId, ws.id, "UI", 0)).toBeNull();
    await expect(
      resetPasswordWithLink({ token: tokenOf(link.path), password: "other copper lantern" }, NOW, null),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await authenticate(ws.actors.member.email, NEW)).not.toBeNull();
  });

  it("expires after an hour; an ADMIN cannot issue one for an ADMIN or OWNER, a MEMBER not at all", async () => {
    const ws = await makeWorkspace();
    const link = await issuePasswordReset(ws.actors.owner, { userId: ws.actors.viewer.userId }, NOW);
    const late = new Date(NOW.getTime() + RESET_MINUTES * 60_000 + 1);
    await expect(resetPasswordWithLink({ token: tokenOf(link.path), password: NEW }, late, null)).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    expect(await authenticate(ws.actors.viewer.email, TEST_PASSWORD)).not.toBeNull();
    for (const target of [ws.actors.owner, ws.actors.admin])
      await expect(issuePasswordReset(ws.actors.admin, { userId: target.userId }, NOW)).rejects.toMatchObject({
        code: expect.stringMatching(/FORBIDDEN|VALIDATION/),
      });
    await expect(issuePasswordReset(ws.actors.member, { userId: ws.actors.viewer.userId }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db().passwordReset.count()).toBe(1);
  });
});

describe("reset links cannot reach past the workspace that issues them", () => {
  it("refuses a person who also belongs to another workspace: an admin here is no one there", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    // The member here is the OWNER of another workspace.
    await db().membership.create({ data: { workspaceId: other.id, userId: ws.actors.member.userId, role: "OWNER" } });
    for (const actor of [ws.actors.admin, ws.actors.owner])
      await expect(issuePasswordReset(actor, { userId: ws.actors.member.userId }, NOW)).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: expect.stringContaining("also belongs to another workspace"),
      });
    expect(await db().passwordReset.count()).toBe(0);
    expect(await db().auditLog.count({ where: { action: "account.resetLink" } })).toBe(0);
    // The members page says so before anyone tries: a link for the others (here alone), none for them.
    const rows = await listMemberRows(ws.actors.admin);
    expect(rows.find((m) => m.id === ws.actors.member.userId)).toMatchObject({ manageable: true, resettable: false });
    expect(rows.find((m) => m.id === ws.actors.viewer.userId)).toMatchObject({ manageable: true, resettable: true });
  });

  it("wrong reset tokens are braked per address, and a braked address cannot use even a good link", async () => {
    const ws = await makeWorkspace();
    const link = await issuePasswordReset(ws.actors.admin, { userId: ws.actors.viewer.userId }, NOW);
    for (let i = 0; i < ADDRESS_LIMIT; i++)
      await expect(resetPasswordWithLink({ token: `nope-${i}`, password: NEW }, NOW, "10.4.4.4")).rejects.toMatchObject(
        {
          code: "NOT_FOUND",
        },
      );
    await expect(
      resetPasswordWithLink({ token: tokenOf(link.path), password: NEW }, NOW, "10.4.4.4"),
    ).rejects.toBeInstanceOf(SignInThrottledError);
    expect(await authenticate(ws.actors.viewer.email, TEST_PASSWORD)).not.toBeNull();
    // Another address is not held back by this one.
    expect(await resetPasswordWithLink({ token: tokenOf(link.path), password: NEW }, NOW, "10.5.5.5")).toEqual({
      email: ws.actors.viewer.email,
    });
  });
});

describe("invitations are mailed when SMTP_URL is set (a real SMTP listener on loopback)", () => {
  let server: SMTPServer | undefined;
  afterEach(async () => {
    delete process.env.SMTP_URL;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it("sends the link to the invited email", async () => {
    const received: { to: string[]; body: string }[] = [];
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, done) {
        let body = "";
        stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
          done();
        });
      },
    });
    const port = await new Promise<number>((resolve) =>
      server!.listen(0, "127.0.0.1", () => resolve((server!.server.address() as { port: number }).port)),
    );
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const ws = await makeWorkspace();
    const inv = await inviteMember(ws.actors.owner, { email: "mail@person.test", role: "MEMBER" }, NOW);
    expect(inv.mailed).toBe(true);
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(["mail@person.test"]);
    expect(received[0]!.body.replace(/=\r?\n/g, "")).toContain(inv.path);
  });
});
