import { Readable, Transform } from "node:stream";
import { parse } from "csv-parse";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { declaredFields } from "@/lib/fields/list";
import { db } from "@/lib/db/client";
import { log } from "@/lib/ops/logger";
import { countRecords } from "@/lib/ops/metrics";
import { resolveEntity } from "@/lib/entities";
import { assertCan } from "@/lib/permissions";
import type { RecordValues } from "@/lib/records/write-schemas";
import { writeRecords, type WriteOp } from "@/lib/records/write";
import type { DeclaredField } from "@/lib/universal/fields";
import type { Tx } from "@/lib/db/tx";

// CSV import (MEMBER+): a stream, never the whole file in memory. The header decides the columns
// (guessed from their names), rows go through the one record-write function in chunks of 1,000,
// each chunk its own transaction with its audit entry, and every refused row is reported by line.

export const IMPORT_LIMITS = { bytes: 50 * 1024 * 1024, rows: 200_000, chunk: 1_000 } as const;

export interface ImportOptions {
  entity: string;
  /** upsert: a row whose external id a live record holds updates it; create: every row is new. */
  mode: "upsert" | "create";
  /** Header → target ("name", "phoneNumber", "externalProvider", "externalId", "attributes.<field>", or "" to skip). */
  mapping?: Record<string, string>;
  /** Aborted (SIGTERM, cancel): the chunk being written commits whole, then the import stops. */
  signal?: AbortSignal;
  /** The entity's on-create automations fire for created records unless this is false. */
  runAutomations?: boolean;
  /** Every chunk is decided and rolled back: what would be created, updated and refused. */
  dryRun?: boolean;
  /** Resuming: the first `skipRows` data rows were applied by an earlier run and are passed over. */
  skipRows?: number;
  /** Runs in each chunk's transaction with that chunk's progress: a job's checkpoint commits with its rows. */
  checkpoint?: (tx: Tx, progress: ChunkProgress) => Promise<void>;
}

/** What one chunk did: the data rows it consumed (written, skipped or refused) and their outcomes. */
export interface ChunkProgress {
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  failed: { line: number; reason: string }[];
}

export interface ImportResult {
  created: number;
  updated: number;
  skipped: number;
  failed: { line: number; reason: string }[];
  columns: Record<string, string>;
  /** Set when the signal stopped the import: every row up to this line is done, none after. */
  interruptedAfterLine?: number;
}

const COLUMN_NAMES: Record<string, string> = {
  name: "name",
  fullname: "name",
  phone: "phoneNumber",
  phonenumber: "phoneNumber",
  mobile: "phoneNumber",
  externalid: "externalId",
  externalprovider: "externalProvider",
  provider: "externalProvider",
};
const simple = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The target of each header cell: a record column, a declared field (by name or label), or nothing. */
export function guessColumns(header: string[], fields: DeclaredField[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const cell of header) {
    const key = simple(cell);
    const field = fields.find((f) => !f.retired && (simple(f.name) === key || simple(f.label) === key));
    out[cell] = COLUMN_NAMES[key] ?? (field ? `attributes.${field.name}` : "");
  }
  return out;
}

/** The delimiter the header line uses: `,`, `;` or tab, whichever occurs most outside quotes. */
export function detectDelimiter(headerLine: string): string {
  const outside = headerLine.replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => [d, outside.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** Counts bytes (over the limit → error) and refuses anything that is not UTF-8. */
function guard(): Transform {
  let bytes = 0;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > IMPORT_LIMITS.bytes)
        return done(new AppError("LIMIT_EXCEEDED", "The file is over 50 MB; split it into smaller files."));
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        return done(
          new AppError("VALIDATION", "The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.", "file"),
        );
      }
      done(null, chunk);
    },
  });
}

/** The first line of the source (for the delimiter), and a stream that replays everything. */
async function peekHeader(source: Readable): Promise<{ line: string; stream: Readable }> {
  // The iterator by hand: leaving a for-await loop early would destroy the source.
  const it = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let seen = "";
  while (!seen.includes("\n") && seen.length < 65_536) {
    const next = await it.next();
    if (next.done) break;
    head.push(next.value);
    seen += next.value.toString("utf8");
  }
  async function* replay() {
    yield* head;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  return { line: seen.replace(/^\uFEFF/, "").split(/\r?\n/)[0] ?? "", stream: Readable.from(replay()) };
}

/** The records of a CSV stream with the line each starts on; the first is the header. */
export async function* csvRecords(source: Readable): AsyncGenerator<{ line: number; cells: string[] }> {
  const { line, stream } = await peekHeader(source.pipe(guard()));
  const parser = stream.pipe(
    parse({
      bom: true,
      delimiter: detectDelimiter(line),
      relax_column_count: true,
      info: true,
      skip_empty_lines: true,
    }),
  );
  let nextLine = 1;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { line: nextLine, cells: record };
    nextLine = info.lines + 1;
  }
}

export interface CsvScan {
  header: string[];
  rows: number;
  /** The first data rows, for a preview of the mapping. */
  preview: { line: number; cells: string[] }[];
}

/** Reads a whole file once without writing: its header, its row count and the first rows; refuses what cannot be imported. */
export async function scanCsv(source: Readable, previewRows = 10): Promise<CsvScan> {
  let header: string[] | null = null;
  const preview: CsvScan["preview"] = [];
  let rows = 0;
  for await (const { line, cells } of csvRecords(source)) {
    if (!header) {
      header = cells.map((c) => c.trim());
      continue;
    }
    if (++rows > IMPORT_LIMITS.rows)
      throw new AppError("LIMIT_EXCEEDED", "The file has over 200,000 rows; split it into smaller files.");
    if (preview.length < previewRows) preview.push({ line, cells });
  }
  if (!header) throw new AppError("VALIDATION", "The file is empty.", "file");
  if (header.every((c) => c === ""))
    throw new AppError("VALIDATION", "The file's first line has no column names.", "file");
  return { header, rows, preview };
}

/** The values a data row gives a record under a mapping (header cell → target). */
export function rowValues(header: string[], columns: Record<string, string>, cells: string[]): RecordValues {
  const attributes: Record<string, unknown> = {};
  const own: Record<string, string> = {};
  header.forEach((cell, i) => {
    const target = columns[cell];
    const value = cells[i] ?? "";
    if (!target) return;
    if (target.startsWith("attributes.")) {
      if (value.trim() !== "") attributes[target.slice(11)] = value;
    } else own[target] = value;
  });
  return { ...own, attributes };
}

/** Why a row cannot be imported before it reaches the database (too many cells), or null. */
export function rowShapeIssue(header: string[], cells: string[]): string | null {
  return cells.length > header.length ? `This row has ${cells.length} cells; the header has ${header.length}.` : null;
}

/** The mapping is usable: some column goes to the record's name, and no target twice. */
export function checkMapping(columns: Record<string, string>): void {
  const targets = Object.values(columns).filter(Boolean);
  if (!targets.includes("name"))
    throw new AppError("VALIDATION", "The file has no name column: add a “name” column or map one.", "mapping");
  const twice = targets.find((t, i) => targets.indexOf(t) !== i);
  if (twice) throw new AppError("VALIDATION", `Two columns are mapped to ${twice}; map each field once.`, "mapping");
}

/** Imports a CSV stream into one entity; returns the counts and every failed row with its line. */
export async function importCsv(
  actor: Actor,
  options: ImportOptions,
  source: Readable,
  now: Date,
): Promise<ImportResult> {
  assertCan(actor, "records.write");
  const entity = await resolveEntity(actor, options.entity);
  const fields = await declaredFields(db(), entity.id);
  const result: ImportResult = { created: 0, updated: 0, skipped: 0, failed: [], columns: {} };
  let header: string[] | null = null;
  let batch: { line: number; op: WriteOp }[] = [];
  let pending: ChunkProgress = { rows: 0, created: 0, updated: 0, skipped: 0, failed: [] };
  let rows = 0;
  let chunk = 0;
  let lastLine = 0;
  /** The last line of the last chunk committed (1, the header, before any): every row up to it is done, none after. */
  let committedLine = 1;

  async function flush() {
    if (!pending.rows) return;
    chunk += 1;
    const progress = pending;
    const written = batch;
    const throughLine = lastLine;
    pending = { rows: 0, created: 0, updated: 0, skipped: 0, failed: [] };
    batch = [];
    await writeRecords(
      actor,
      entity.id,
      written.map((b) => b.op),
      {
        fireAutomations: options.runAutomations !== false,
        ifTrashedHolder: "create",
        audit: { chunk: `import ${chunk}` },
        dryRun: options.dryRun,
        alsoInTransaction: async (tx, outcomes) => {
          outcomes.forEach((o, i) => {
            if (o.ok) progress[o.action] += 1;
            else
              progress.failed.push({
                line: written[i]!.line,
                reason: o.field ? `${o.field}: ${o.message}` : o.message,
              });
          });
          await options.checkpoint?.(tx, progress);
        },
      },
      now,
    );
    committedLine = throughLine;
    result.created += progress.created;
    result.updated += progress.updated;
    result.skipped += progress.skipped;
    result.failed.push(...progress.failed);
    if (options.dryRun) return;
    countRecords("imported", actor.door, progress.created + progress.updated);
    log("import").info(
      { chunk, entity: entity.slug, rows: progress.rows, workspaceId: actor.workspaceId },
      "import chunk committed",
    );
  }

  // One chunk is written while the next is read and checked: the transactions still run one after
  // the other, in file order, but parsing no longer waits for the database. Once the signal is
  // aborted (SIGTERM, cancel) no further chunk starts; the one being written commits whole.
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown;
  const written = async () => {
    await writing;
    if (failure) throw failure;
  };
  const stopped = () => !!options.signal?.aborted;
  const write = async () => {
    await written();
    if (!stopped()) writing = flush().catch((error: unknown) => void (failure = error));
  };

  let cutShort = false;
  for await (const { line, cells } of csvRecords(source)) {
    if (!header) {
      header = cells.map((c) => c.trim());
      result.columns = { ...guessColumns(header, fields), ...(options.mapping ?? {}) };
      checkMapping(result.columns);
      continue;
    }
    if (stopped()) {
      cutShort = true;
      break;
    }
    if (++rows > IMPORT_LIMITS.rows)
      throw new AppError("LIMIT_EXCEEDED", "The file has over 200,000 rows; split it into smaller files.");
    if (rows <= (options.skipRows ?? 0)) continue;
    lastLine = line;
    pending.rows += 1;
    const shape = rowShapeIssue(header, cells);
    if (shape) pending.failed.push({ line, reason: shape });
    else if (cells.every((c) => c.trim() === "")) pending.skipped += 1;
    else {
      const values = rowValues(header, result.columns, cells);
      batch.push({
        line,
        op:
          options.mode === "upsert" && values.externalId
            ? { op: "upsert", matchBy: "externalId", values }
            : { op: "create", values },
      });
    }
    if (pending.rows >= IMPORT_LIMITS.chunk) await write();
  }
  await written();
  if (cutShort || (stopped() && pending.rows)) {
    result.interruptedAfterLine = committedLine;
    source.destroy();
  } else await flush();
  if (!header) throw new AppError("VALIDATION", "The file is empty.", "file");
  result.failed.sort((a, b) => a.line - b.line);
  return result;
}
