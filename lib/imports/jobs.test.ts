import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { drainWork, resetShutdownState } from "@/lib/ops/shutdown";
import { withTestDatabase } from "@/test/db";
import { declareFields, makeWorkspace, NOW, type TestWorkspace } from "@/test/fixtures";
import { bigFile } from "@/test/import-file";
import type { Actor } from "@/lib/actor";
import {
  cancelImport,
  dryRunImport,
  importFailuresTable,
  importView,
  listImports,
  previewImport,
  startImport,
  uploadImport,
} from "./jobs";
import { IMPORT_UPLOAD_TTL_MS, runImport, tendImports } from "./runner";

withTestDatabase();
afterEach(() => resetShutdownState());

async function* bodyOf(text: string | Buffer) {
  // In pieces, as a request body arrives.
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, "utf8");
  for (let i = 0; i < bytes.length; i += 64 * 1024) yield bytes.subarray(i, i + 64 * 1024);
}

async function workspace(): Promise<TestWorkspace> {
  const ws = await makeWorkspace();
  await declareFields(ws, "leads", [
    { name: "company", label: "Company", type: "TEXT" },
    { name: "score", label: "Score", type: "NUMBER" },
  ]);
  return ws;
}

const upload = (actor: Actor, text: string | Buffer, name = "leads.csv") =>
  uploadImport(actor, { entity: "leads", name }, bodyOf(text), NOW);

const leadCount = (ws: TestWorkspace) =>
  db().record.count({ where: { workspaceId: ws.id, entity: { slug: "leads" }, deletedAt: null } });

async function settled(actor: Actor, id: string) {
  for (let i = 0; i < 600; i++) {
    const view = await importView(actor, { id });
    if (view.status !== "running") return view;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the import did not finish");
}

describe("dashboard CSV import: upload, map, preview, dry run, run in the background", () => {
  it("scans the upload, guesses the mapping, previews rows with their errors, and dry-runs without writing", async () => {
    const ws = await workspace();
    const { text, bad } = bigFile();
    const before = await leadCount(ws);
    const view = await upload(ws.actors.member, text);
    expect(view).toMatchObject({ status: "ready", rows: 2000, fileName: "leads.csv" });
    expect(view.mapping).toEqual({
      Name: "name",
      Phone: "phoneNumber",
      "External ID": "externalId",
      Provider: "externalProvider",
      Company: "attributes.company",
      Score: "attributes.score",
    });
    expect(view.targets.map((t) => t.label)).toContain("Company");

    const { rows } = await previewImport(ws.actors.member, { id: view.id, mapping: view.mapping });
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({ line: 2, issue: null });
    expect(rows.filter((r) => r.issue)).toEqual([
      { line: Math.min(...bad), cells: expect.any(Array), issue: "name: Give the record a name" },
    ]);

    const dry = await dryRunImport(
      ws.actors.member,
      { id: view.id, mapping: view.mapping, mode: "upsert", runAutomations: true },
      NOW,
    );
    expect(dry).toMatchObject({ created: 1993, updated: 0, failedCount: 7 });
    expect(await leadCount(ws)).toBe(before);
    expect(await db().auditLog.count({ where: { workspaceId: ws.id, action: "records.create" } })).toBe(0);
    expect((await importView(ws.actors.member, { id: view.id })).status).toBe("ready");
  });

  it("runs once: 1,993 created and 7 failed by line, one audit entry per chunk; a second start is refused; the same file again is flagged", async () => {
    const ws = await workspace();
    const { text, bad } = bigFile();
    const before = await leadCount(ws);
    const view = await upload(ws.actors.member, text);
    const settings = { id: view.id, mapping: view.mapping, mode: "upsert" as const, runAutomations: true };
    await startImport(ws.actors.member, settings, NOW);
    await expect(startImport(ws.actors.member, settings, NOW)).rejects.toMatchObject({ code: "CONFLICT" });
    const done = await settled(ws.actors.member, view.id);
    expect(done).toMatchObject({ status: "done", doneRows: 2000, created: 1993, updated: 0, failedCount: 7 });
    expect(done.failures.map((f) => f.line)).toEqual([...bad].sort((a, b) => a - b));
    expect(await leadCount(ws)).toBe(before + 1993);
    expect(await db().auditLog.count({ where: { workspaceId: ws.id, action: "records.create" } })).toBe(2);
    expect(await db().importPart.count({ where: { jobId: view.id } })).toBe(0); // the file is dropped once done

    const table = await importFailuresTable(ws.actors.member, { id: view.id });
    const lines: unknown[][] = [];
    for await (const row of table.rows) lines.push(row);
    expect(table.columns).toEqual(["line", "reason"]);
    expect(lines.map((r) => r[0])).toEqual(done.failures.map((f) => f.line));

    const again = await upload(ws.actors.member, text);
    expect(again.sameFileBefore).toMatchObject({ id: view.id, created: 1993 });
    await startImport(ws.actors.member, { ...settings, id: again.id }, NOW);
    expect(await settled(ws.actors.member, again.id)).toMatchObject({ created: 0, updated: 1993, failedCount: 7 });
    expect(await leadCount(ws)).toBe(before + 1993);
    expect((await listImports(ws.actors.member, { entity: "leads" })).map((j) => j.id)).toEqual([again.id, view.id]);
  });

  it("resumes after a shutdown from its last checkpoint, applying no row twice", async () => {
    const ws = await workspace();
    const { text } = bigFile();
    const before = await leadCount(ws);
    const view = await upload(ws.actors.member, text);
    await db().importJob.update({ where: { id: view.id }, data: { status: "running", mode: "create" } });
    await drainWork(0); // SIGTERM: the runner stops after its first chunk commits.
    await runImport(view.id);
    const stopped = await db().importJob.findUniqueOrThrow({ where: { id: view.id } });
    expect(stopped).toMatchObject({ status: "running", doneRows: 1000, leaseUntil: null });
    expect(await leadCount(ws)).toBe(before + stopped.created);
    resetShutdownState();
    const done = await settled(ws.actors.member, view.id); // the page's poll takes it up again
    expect(done).toMatchObject({ status: "done", doneRows: 2000, created: 1993, failedCount: 7 });
    expect(await leadCount(ws)).toBe(before + 1993);
  });

  it("cancel: a ready import is dropped; a running one stops after the chunk in flight and keeps it", async () => {
    const ws = await workspace();
    const { text } = bigFile();
    const ready = await upload(ws.actors.member, text);
    expect((await cancelImport(ws.actors.member, { id: ready.id }, NOW)).status).toBe("cancelled");
    await expect(
      startImport(
        ws.actors.member,
        { id: ready.id, mapping: ready.mapping, mode: "create", runAutomations: true },
        NOW,
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(cancelImport(ws.actors.member, { id: ready.id }, NOW)).rejects.toMatchObject({ code: "CONFLICT" });

    const running = await upload(ws.actors.member, text);
    await db().importJob.update({ where: { id: running.id }, data: { status: "running", cancelRequested: true } });
    await runImport(running.id);
    expect(await importView(ws.actors.member, { id: running.id })).toMatchObject({
      status: "cancelled",
      doneRows: 1000,
    });
  });

  it("refuses what cannot be imported, with the field at fault, and keeps nothing of it", async () => {
    const ws = await workspace();
    const refused = async (text: string | Buffer, message: RegExp) => {
      await expect(upload(ws.actors.member, text)).rejects.toMatchObject({ message: expect.stringMatching(message) });
    };
    await refused("", /empty/);
    await refused(Buffer.from("Name,Phone\nM\xfcller,1\n", "latin1"), /not UTF-8/);
    await refused(`Name\n${"x\n".repeat(200_001)}`, /over 200,000 rows/);
    expect(await db().importJob.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await db().importPart.count()).toBe(0);

    const view = await upload(ws.actors.member, "Full name,Phone,Notes\nAda,+49 30 1234567,x\n");
    await expect(
      previewImport(ws.actors.member, { id: view.id, mapping: { Phone: "", "Full name": "" } }),
    ).rejects.toMatchObject({
      field: "mapping",
      message: expect.stringContaining("no name column"),
    });
    await expect(previewImport(ws.actors.member, { id: view.id, mapping: { Nope: "name" } })).rejects.toMatchObject({
      message: "The file has no column “Nope”.",
    });
    await expect(
      previewImport(ws.actors.member, { id: view.id, mapping: { Notes: "attributes.secret" } }),
    ).rejects.toMatchObject({ message: "“attributes.secret” is not a field of this record type." });
    await expect(
      previewImport(ws.actors.member, { id: view.id, mapping: { "Full name": "name", Notes: "name" } }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("Two columns are mapped to name"),
    });
  });

  it("a viewer cannot upload or read an import; another workspace's import is unknown; a demoted starter's import stops", async () => {
    const ws = await workspace();
    const other = await workspace();
    await expect(upload(ws.actors.viewer, "Name\nAda\n")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().importJob.count({ where: { workspaceId: ws.id } })).toBe(0);
    const view = await upload(ws.actors.member, "Name\nAda\n");
    await expect(importView(ws.actors.viewer, { id: view.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(importView(other.actors.owner, { id: view.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cancelImport(other.actors.owner, { id: view.id }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await db().importJob.update({ where: { id: view.id }, data: { status: "running" } });
    await db().membership.update({
      where: { workspaceId_userId: { workspaceId: ws.id, userId: ws.actors.member.userId } },
      data: { role: "VIEWER" },
    });
    await runImport(view.id);
    expect(await importView(ws.actors.owner, { id: view.id })).toMatchObject({
      status: "failed",
      created: 0,
      error: "Whoever started this import can no longer import records.",
    });
  });

  it("housekeeping takes up an import whose instance stopped and drops uploads never started after a day", async () => {
    const ws = await workspace();
    const { text } = bigFile();
    const before = await leadCount(ws);
    const stopped = await upload(ws.actors.member, text);
    await db().importJob.update({ where: { id: stopped.id }, data: { status: "running", leaseUntil: null } });
    const fresh = await upload(ws.actors.member, "Name\nAda\n");
    const old = await upload(ws.actors.member, "Name\nBob\n");
    const dayAgo = new Date(NOW.getTime() - IMPORT_UPLOAD_TTL_MS - 60_000); // uploads here are stamped NOW
    await db().importJob.update({ where: { id: old.id }, data: { createdAt: dayAgo } });

    expect(await tendImports(new Date(NOW.getTime() + 60_000))).toEqual({ resumed: 1, expired: 1 });
    expect(await settled(ws.actors.member, stopped.id)).toMatchObject({ status: "done", created: 1993 });
    expect(await leadCount(ws)).toBe(before + 1993);
    expect(await importView(ws.actors.member, { id: old.id })).toMatchObject({
      status: "cancelled",
      error: "Not started within a day of its upload; upload the file again.",
    });
    expect(await db().importPart.count({ where: { jobId: old.id } })).toBe(0);
    expect((await importView(ws.actors.member, { id: fresh.id })).status).toBe("ready");
    expect(await db().importPart.count({ where: { jobId: fresh.id } })).toBe(1);
  });
});
