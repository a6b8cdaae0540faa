import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { NOT_IN_TRASH_TO_DESTROY } from "@/lib/purge/destroy";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, type TestWorkspace } from "@/test/fixtures";

// The session cookie is the one thing mocked: what next-auth would decode from the JWT.
// Everything after it — membership re-read, permission, domain, database — is real.
const session = vi.hoisted(() => ({
  current: null as null | { userId: string; workspaceId: string; role: string },
}));
vi.mock("@/lib/auth/session-token", () => ({ readSessionToken: async () => session.current }));

const { deleteRecordsAction, destroyRecordsAction, restoreRecordsAction } = await import("./records");

withTestDatabase();
beforeEach(() => {
  session.current = null;
});

function signInAs(ws: TestWorkspace, who: keyof TestWorkspace["actors"], tokenRole?: string) {
  const actor = ws.actors[who];
  session.current = { userId: actor.userId, workspaceId: ws.id, role: tokenRole ?? actor.role };
}

describe("server actions: the one way in", () => {
  it("answers UNAUTHORIZED without a session and changes nothing", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws);
    expect(await deleteRecordsAction({ ids: [record.id] })).toEqual({
      ok: false,
      error: { code: "UNAUTHORIZED", message: expect.any(String) },
    });
    expect((await db().record.findUniqueOrThrow({ where: { id: record.id } })).deletedAt).toBeNull();
  });

  it("re-reads the role from the database: a demoted admin is refused at once, whatever the token says", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws);
    signInAs(ws, "admin");
    await db().membership.update({
      where: { workspaceId_userId: { workspaceId: ws.id, userId: ws.actors.admin.userId } },
      data: { role: "VIEWER" },
    });
    const result = await destroyRecordsAction({ ids: [record.id] });
    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await db().record.count({ where: { id: record.id } })).toBe(1);
  });

  it("treats a user removed from the workspace as signed out", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws);
    signInAs(ws, "member");
    await db().membership.delete({
      where: { workspaceId_userId: { workspaceId: ws.id, userId: ws.actors.member.userId } },
    });
    expect(await deleteRecordsAction({ ids: [record.id] })).toMatchObject({
      ok: false,
      error: { code: "UNAUTHORIZED" },
    });
    expect((await db().record.findUniqueOrThrow({ where: { id: record.id } })).deletedAt).toBeNull();
  });

  it("returns validation errors as data with the field, never throws", async () => {
    const ws = await makeWorkspace();
    signInAs(ws, "member");
    expect(await deleteRecordsAction({ ids: [] })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", field: "ids" },
    });
    expect(await deleteRecordsAction({ ids: Array.from({ length: 1001 }, (_, i) => `id-${i}`) })).toMatchObject({
      ok: false,
      error: { code: "LIMIT_EXCEEDED" },
    });
    // Bad input that slips past TypeScript on the client still gets a clear answer.
    expect(await deleteRecordsAction({ ids: [null as unknown as string] })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", field: "ids.0" },
    });
  });

  it("runs the domain for an allowed caller and fires on-delete automations from the dashboard", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws);
    await db().automation.create({
      data: { workspaceId: ws.id, name: "On delete", trigger: "RECORD_DELETED", entityId: ws.entities.leads },
    });
    signInAs(ws, "member");
    const result = await deleteRecordsAction({ ids: [record.id] });
    expect(result).toMatchObject({ ok: true, data: { succeeded: [record.id], failed: [] } });
    expect(await db().automationRun.count()).toBe(1);
    expect(await db().auditLog.findFirstOrThrow()).toMatchObject({ door: "UI", action: "records.delete" });
    expect(await restoreRecordsAction({ ids: [record.id] })).toMatchObject({
      ok: true,
      data: { succeeded: [record.id] },
    });
  });

  it("lets nobody reach another workspace's record: it answers like an unknown id", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const foreign = await makeRecord(other, { entityId: other.entities.leads });
    signInAs(ws, "owner");
    expect(await destroyRecordsAction({ ids: [foreign.id] })).toMatchObject({
      ok: true,
      data: { succeeded: [], failed: [{ id: foreign.id, code: "NOT_FOUND", message: NOT_IN_TRASH_TO_DESTROY }] },
    });
    expect(await db().record.count({ where: { id: foreign.id } })).toBe(1);
  });

  it("refuses a permanent delete of two or more without the typed count, and changes nothing", async () => {
    const ws = await makeWorkspace();
    const deletedAt = new Date();
    const a = await makeRecord(ws, { deletedAt });
    const b = await makeRecord(ws, { deletedAt });
    signInAs(ws, "admin");
    for (const confirmCount of [undefined, 1, "3", ""]) {
      expect(await destroyRecordsAction({ ids: [a.id, b.id], confirmCount })).toMatchObject({
        ok: false,
        error: { code: "VALIDATION" },
      });
    }
    expect(await db().record.count({ where: { id: { in: [a.id, b.id] } } })).toBe(2);
    expect(await destroyRecordsAction({ ids: [a.id, b.id], confirmCount: "2" })).toMatchObject({
      ok: true,
      data: { succeeded: [a.id, b.id], failed: [] },
    });
    expect(await db().record.count({ where: { id: { in: [a.id, b.id] } } })).toBe(0);
  });

  it("lets only an ADMIN+ delete without running on-delete automations; a MEMBER is refused and nothing changes", async () => {
    const ws = await makeWorkspace();
    const [a, b] = [await makeRecord(ws), await makeRecord(ws)];
    await db().automation.create({
      data: { workspaceId: ws.id, name: "On delete", trigger: "RECORD_DELETED", entityId: ws.entities.leads },
    });
    signInAs(ws, "member");
    expect(await deleteRecordsAction({ ids: [a.id], runAutomations: false })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect((await db().record.findUniqueOrThrow({ where: { id: a.id } })).deletedAt).toBeNull();
    signInAs(ws, "admin");
    expect(await deleteRecordsAction({ ids: [a.id], runAutomations: false })).toMatchObject({ ok: true });
    expect(await db().automationRun.count()).toBe(0);
    expect(await deleteRecordsAction({ ids: [b.id] })).toMatchObject({ ok: true });
    expect(await db().automationRun.count()).toBe(1);
  });
});
