import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTestDatabase } from "@/test/db";
import { makeWorkspace, NOW } from "@/test/fixtures";
import { acquireExportSlot, EXPORT_RUNNING_MESSAGE, LEASE_MS } from "./running";

withTestDatabase();

// The lease lives in the database, so what one call sees here is what another instance on the
// same database sees: each acquire is its own holder, as a second instance would be.
describe("one running export per workspace, across instances (ExportLease)", () => {
  it("refuses a second export of the workspace while one runs, not another workspace's; frees on release", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const release = await acquireExportSlot(ws.actors.owner, NOW);
    await expect(acquireExportSlot(ws.actors.owner, NOW)).rejects.toMatchObject({
      code: "CONFLICT",
      message: EXPORT_RUNNING_MESSAGE,
    });
    const elsewhere = await acquireExportSlot(other.actors.owner, NOW);
    // Freed once the release resolves: the next export may start at once.
    await Promise.all([release(), release()]); // twice is once
    expect(await db().exportLease.count({ where: { workspaceId: ws.id } })).toBe(0);
    const again = await acquireExportSlot(ws.actors.owner, NOW);
    await again();
    await elsewhere();
  });

  it("an instance that died mid-export does not block the workspace for ever: its lease lapses", async () => {
    const ws = await makeWorkspace();
    await acquireExportSlot(ws.actors.owner, NOW); // never released, as after a SIGKILL
    await expect(acquireExportSlot(ws.actors.owner, new Date(NOW.getTime() + LEASE_MS - 1))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const release = await acquireExportSlot(ws.actors.owner, new Date(NOW.getTime() + LEASE_MS));
    const lease = await db().exportLease.findUniqueOrThrow({ where: { workspaceId: ws.id } });
    expect(lease.expiresAt.getTime()).toBe(NOW.getTime() + 2 * LEASE_MS);
    await release();
  });
});
