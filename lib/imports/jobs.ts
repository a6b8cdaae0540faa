import crypto from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { resolveEntity } from "@/lib/entities";
import { AppError } from "@/lib/errors";
import type { ExportTable } from "@/lib/export/table";
import { declaredFields } from "@/lib/fields/list";
import { assertCan } from "@/lib/permissions";
import { checkValues } from "@/lib/records/write-schemas";
import type { DeclaredField } from "@/lib/universal/fields";
import {
  checkMapping,
  guessColumns,
  IMPORT_LIMITS,
  importCsv,
  rowShapeIssue,
  rowValues,
  scanCsv,
  csvRecords,
} from "./csv";
import { fileStream, launchImport } from "./runner";
import type { ImportSettings } from "./schemas";

// CSV imports from the dashboard (MEMBER+): the upload is kept in the database in parts, scanned
// once (encoding, size, rows, header), mapped and previewed, optionally dry-run, then run in the
// background by lib/imports/runner.ts, which checkpoints each chunk in that chunk's transaction.

const PART_CHARS = 1024 * 1024;
const SHOWN_FAILURES = 100;

export type ImportStatus = "ready" | "running" | "done" | "cancelled" | "failed";

export interface ImportTarget {
  value: string;
  label: string;
}

export interface ImportView {
  id: string;
  entity: { slug: string; name: string };
  fileName: string;
  bytes: number;
  rows: number;
  status: ImportStatus;
  mode: "upsert" | "create";
  runAutomations: boolean;
  header: string[];
  mapping: Record<string, string>;
  targets: ImportTarget[];
  doneRows: number;
  created: number;
  updated: number;
  skipped: number;
  failedCount: number;
  cancelRequested: boolean;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  /** The same file (by its SHA-256) imported into this record type before: create mode would add its rows again. */
  sameFileBefore: { id: string; createdAt: Date; created: number; updated: number } | null;
  /** The first failed rows, by line; the CSV download has them all. */
  failures: { line: number; reason: string }[];
}

/** What a column can go to: the record's own fields and the entity's declared, unretired fields. */
function targetsOf(fields: DeclaredField[]): ImportTarget[] {
  return [
    { value: "name", label: "Name" },
    { value: "phoneNumber", label: "Phone number" },
    { value: "externalProvider", label: "External provider" },
    { value: "externalId", label: "External id" },
    ...fields.filter((f) => !f.retired).map((f) => ({ value: `attributes.${f.name}`, label: f.label })),
  ];
}

/** The text of the next piece of an upload; a byte sequence that is not UTF-8 refuses the file. */
function utf8(decoder: TextDecoder, chunk?: Uint8Array): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch {
    throw new AppError("VALIDATION", "The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.", "file");
  }
}

async function loadJob(actor: Actor, id: string) {
  assertCan(actor, "records.write");
  const job = await db().importJob.findFirst({ where: { id, workspaceId: actor.workspaceId } });
  if (!job || job.status === "uploading") throw new AppError("NOT_FOUND", "Import not found.");
  return job;
}

/** Stores an uploaded CSV for one record type and scans it; a file that cannot be imported is refused and kept nowhere. */
export async function uploadImport(
  actor: Actor,
  input: { entity: string; name: string },
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | null,
  now: Date,
): Promise<ImportView> {
  assertCan(actor, "records.write");
  const entity = await resolveEntity(actor, input.entity);
  if (!body) throw new AppError("VALIDATION", "Choose a CSV file to import.", "file");
  const job = await db().importJob.create({
    data: {
      workspaceId: actor.workspaceId,
      entityId: entity.id,
      createdById: actor.userId,
      fileName: input.name,
      fileHash: "",
      bytes: 0,
      rows: 0,
      status: "uploading",
      createdAt: now,
    },
    select: { id: true },
  });
  try {
    const hash = crypto.createHash("sha256");
    // Checked as it arrives: what is stored is always UTF-8 text (a BOM kept, as the file has it).
    const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    let bytes = 0;
    let seq = 0;
    let held = "";
    const store = async () => {
      if (!held) return;
      await db().importPart.create({ data: { jobId: job.id, seq: seq++, text: held } });
      held = "";
    };
    for await (const chunk of body) {
      bytes += chunk.byteLength;
      if (bytes > IMPORT_LIMITS.bytes)
        throw new AppError("LIMIT_EXCEEDED", "The file is over 50 MB; split it into smaller files.", "file");
      hash.update(chunk);
      held += utf8(decoder, chunk);
      if (held.length >= PART_CHARS) await store();
    }
    held += utf8(decoder);
    await store();
    if (!bytes) throw new AppError("VALIDATION", "The file is empty.", "file");
    const scan = await scanCsv(fileStream(job.id), 0);
    const fields = await declaredFields(entity.id);
    await db().importJob.update({
      where: { id: job.id },
      data: {
        fileHash: hash.digest("hex"),
        bytes,
        rows: scan.rows,
        header: scan.header,
        mapping: guessColumns(scan.header, fields),
        status: "ready",
      },
    });
  } catch (error) {
    await db().importJob.delete({ where: { id: job.id } });
    throw error;
  }
  return viewOf(actor, await loadJob(actor, job.id));
}

/** One import as its page shows it; a running import whose instance stopped is taken up again here. */
export async function importView(actor: Actor, { id }: { id: string }): Promise<ImportView> {
  const job = await loadJob(actor, id);
  if (job.status === "running" && (!job.leaseUntil || job.leaseUntil < new Date())) launchImport(job.id);
  return viewOf(actor, job);
}

async function viewOf(actor: Actor, job: Awaited<ReturnType<typeof loadJob>>): Promise<ImportView> {
  const entity = await resolveEntity(actor, job.entityId);
  const [fields, before, failures] = await Promise.all([
    declaredFields(entity.id),
    db().importJob.findFirst({
      where: {
        workspaceId: actor.workspaceId,
        entityId: job.entityId,
        fileHash: job.fileHash,
        id: { not: job.id },
        status: { in: ["done", "cancelled", "running"] },
        createdAt: { lte: job.createdAt },
      },
      orderBy: { createdAt: "desc" },
      select: { id: true, createdAt: true, created: true, updated: true },
    }),
    db().importFailure.findMany({
      where: { jobId: job.id },
      orderBy: { line: "asc" },
      take: SHOWN_FAILURES,
      select: { line: true, reason: true },
    }),
  ]);
  return {
    id: job.id,
    entity: { slug: entity.slug, name: entity.name },
    fileName: job.fileName,
    bytes: job.bytes,
    rows: job.rows,
    status: job.status as ImportStatus,
    mode: job.mode === "create" ? "create" : "upsert",
    runAutomations: job.runAutomations,
    header: job.header,
    mapping: job.mapping as Record<string, string>,
    targets: targetsOf(fields),
    doneRows: job.doneRows,
    created: job.created,
    updated: job.updated,
    skipped: job.skipped,
    failedCount: job.failedCount,
    cancelRequested: job.cancelRequested,
    error: job.error,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    sameFileBefore: before,
    failures,
  };
}

/** The last imports into one record type, newest first. */
export async function listImports(actor: Actor, input: { entity: string }) {
  assertCan(actor, "records.write");
  const entity = await resolveEntity(actor, input.entity);
  return db().importJob.findMany({
    where: { workspaceId: actor.workspaceId, entityId: entity.id, status: { not: "uploading" } },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: {
      id: true,
      fileName: true,
      rows: true,
      status: true,
      created: true,
      updated: true,
      failedCount: true,
      createdAt: true,
    },
  });
}

/** The mapping refers to the file's own columns and to targets the entity has, each once, one of them the name. */
function checkedMapping(header: string[], fields: DeclaredField[], mapping: Record<string, string>) {
  const allowed = new Set(targetsOf(fields).map((t) => t.value));
  const columns: Record<string, string> = {};
  for (const cell of header) columns[cell] = "";
  for (const [cell, target] of Object.entries(mapping)) {
    if (!header.includes(cell)) throw new AppError("VALIDATION", `The file has no column “${cell}”.`, "mapping");
    if (target && !allowed.has(target))
      throw new AppError("VALIDATION", `“${target}” is not a field of this record type.`, "mapping");
    columns[cell] = target;
  }
  checkMapping(columns);
  return columns;
}

/** The first rows of the file under a mapping, each with what would stop it (or null). */
export async function previewImport(actor: Actor, input: { id: string; mapping: Record<string, string> }) {
  const job = await loadJob(actor, input.id);
  const fields = await declaredFields(job.entityId);
  const columns = checkedMapping(job.header, fields, input.mapping);
  const rows: { line: number; cells: string[]; issue: string | null }[] = [];
  for await (const { line, cells } of csvRecords(fileStream(job.id))) {
    if (line === 1) continue;
    const shape = rowShapeIssue(job.header, cells);
    const checked = shape ? null : checkValues(fields, rowValues(job.header, columns, cells), { partial: false });
    rows.push({
      line,
      cells,
      issue: shape ?? (checked && !checked.ok ? `${checked.issue.field}: ${checked.issue.message}` : null),
    });
    if (rows.length >= 10) break;
  }
  return { rows };
}

/** The whole import decided and rolled back, chunk by chunk: what it would create, update and refuse. */
export async function dryRunImport(actor: Actor, input: ImportSettings, now: Date) {
  const job = await loadJob(actor, input.id);
  if (job.status !== "ready") throw new AppError("CONFLICT", "This import has already run.");
  const fields = await declaredFields(job.entityId);
  const mapping = checkedMapping(job.header, fields, input.mapping);
  const result = await importCsv(
    actor,
    { entity: job.entityId, mode: input.mode, mapping, dryRun: true, runAutomations: false },
    fileStream(job.id),
    now,
  );
  return {
    created: result.created,
    updated: result.updated,
    skipped: result.skipped,
    failedCount: result.failed.length,
    failures: result.failed.slice(0, SHOWN_FAILURES),
  };
}

/** Starts a ready import once (a second click or a retried request finds it running); its rows are written in the background. */
export async function startImport(actor: Actor, input: ImportSettings, now: Date): Promise<ImportView> {
  const job = await loadJob(actor, input.id);
  const fields = await declaredFields(job.entityId);
  const mapping = checkedMapping(job.header, fields, input.mapping);
  const { count } = await db().importJob.updateMany({
    where: { id: job.id, workspaceId: actor.workspaceId, status: "ready" },
    data: {
      status: "running",
      mapping: mapping as Prisma.InputJsonObject,
      mode: input.mode,
      runAutomations: input.runAutomations,
      createdById: actor.userId,
      startedAt: now,
      leaseUntil: null,
    },
  });
  if (!count) throw new AppError("CONFLICT", "This import has already started.");
  // The answer is the job as it starts (read before the run takes the connection); its page polls for the rest.
  const started = await viewOf(actor, await loadJob(actor, job.id));
  launchImport(job.id);
  return started;
}

/** Stops an import after the chunk being written (its rows stay); one not yet started is dropped. */
export async function cancelImport(actor: Actor, { id }: { id: string }, now: Date): Promise<ImportView> {
  const job = await loadJob(actor, id);
  const [ready, running] = await db().$transaction([
    db().importJob.updateMany({
      where: { id: job.id, status: "ready" },
      data: { status: "cancelled", finishedAt: now },
    }),
    db().importJob.updateMany({ where: { id: job.id, status: "running" }, data: { cancelRequested: true } }),
  ]);
  if (ready.count) await db().importPart.deleteMany({ where: { jobId: job.id } });
  if (!ready.count && !running.count) throw new AppError("CONFLICT", "This import has already finished.");
  return viewOf(actor, await loadJob(actor, job.id));
}

/** Every failed row of an import (line, reason) as a download. */
export async function importFailuresTable(actor: Actor, { id }: { id: string }): Promise<ExportTable> {
  const job = await loadJob(actor, id);
  async function* rows() {
    let after = 0;
    for (;;) {
      const page = await db().importFailure.findMany({
        where: { jobId: job.id, line: { gt: after } },
        orderBy: { line: "asc" },
        take: 1000,
        select: { line: true, reason: true },
      });
      for (const f of page) yield [f.line, f.reason];
      if (page.length < 1000) return;
      after = page.at(-1)!.line;
    }
  }
  const base = job.fileName.replace(/\.csv$/i, "").replace(/[^\w.-]+/g, "-") || "import";
  return { name: `${base}-failed-rows`, columns: ["line", "reason"], rows: rows() };
}
