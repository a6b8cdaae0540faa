import { isUtf8 } from "node:buffer";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { declaredFields } from "@/lib/fields/list";
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

/** How many bytes at the end of `chunk` start a character the next chunk completes (0–3). */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

const PARSE_PIECE = 4 * 1024;

const NOT_UTF8 = () =>
  new AppError("VALIDATION", "The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.", "file");

/**
 * Counts bytes (over the limit → error) and refuses anything that is not UTF-8. Checked in place
 * (`isUtf8`), not decoded: a decoded copy of every chunk only fed the garbage collector.
 */
function guard(): Transform {
  let bytes = 0;
  let carry: Buffer = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > IMPORT_LIMITS.bytes)
        return done(new AppError("LIMIT_EXCEEDED", "The file is over 50 MB; split it into smaller files."));
      const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const whole = data.length - incompleteTail(data);
      if (!isUtf8(data.subarray(0, whole))) return done(NOT_UTF8());
      carry = data.subarray(whole);
      // Small pieces: the parser reads ahead one piece while a chunk is written, and rows parsed
      // ahead outlive that write in the heap (megabytes per chunk with 64 KB reads).
      for (let at = 0; at < chunk.length; at += PARSE_PIECE) this.push(chunk.subarray(at, at + PARSE_PIECE));
      done();
    },
    flush(done) {
      done(carry.length ? NOT_UTF8() : null);
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

/** One record of a CSV file: the line it starts on (1, the header) and its cells. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * The records of a CSV stream in the batches the parser produces, with the line each starts on;
 * the first record is the header. Batches, not a promise per record: over a 100,000-row file
 * those promises were a tenth of the import's garbage. Every stage is joined by `pipeline`, so an
 * error anywhere (a bad byte deep in the file, the source failing) reaches the reader.
 */
export async function* csvRowBatches(source: Readable): AsyncGenerator<CsvRow[]> {
  const checked = guard();
  pipeline(source, checked).catch(() => undefined); // the reader sees the error through `checked`
  let failure: unknown = null;
  let ended = false;
  let wake = () => {};
  let parser: ReturnType<typeof parse> | null = null;
  try {
    const { line, stream } = await peekHeader(checked);
    parser = parse({
      bom: true,
      delimiter: detectDelimiter(line),
      relax_column_count: true,
      info: true,
      skip_empty_lines: true,
    });
    pipeline(stream, parser).catch((error: unknown) => {
      failure ??= error;
      wake();
    });
    parser.on("readable", () => wake());
    parser.on("end", () => {
      ended = true;
      wake();
    });
    let nextLine = 1;
    for (;;) {
      if (failure) throw failure;
      const batch: CsvRow[] = [];
      // At most BATCH_ROWS: each read() can parse more of what is buffered upstream, and an
      // unbounded loop once took 8,000 rows into one batch that then outlived eight chunk writes.
      for (let r: ParsedRecord | null; batch.length < BATCH_ROWS && (r = parser.read() as ParsedRecord | null);) {
        batch.push({ line: nextLine, cells: r.record });
        nextLine = r.info.lines + 1;
      }
      if (batch.length) yield batch;
      else if (ended) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    // Done, failed or left early (a preview reads ten rows): nothing keeps reading the file.
    parser?.destroy();
    checked.destroy();
    source.destroy();
  }
}

type ParsedRecord = { record: string[]; info: { lines: number } };
const BATCH_ROWS = 256;

/** The records one at a time, for readers that stop after a few (the preview). */
export async function* csvRecords(source: Readable): AsyncGenerator<CsvRow> {
  for await (const batch of csvRowBatches(source)) yield* batch;
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
  for await (const batch of csvRowBatches(source))
    for (const { line, cells } of batch) {
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
  const values: Record<string, unknown> = { attributes };
  for (let i = 0; i < header.length; i++) {
    const target = columns[header[i]!];
    const value = cells[i] ?? "";
    if (!target) continue;
    if (target.startsWith("attributes.")) {
      if (value.trim() !== "") attributes[target.slice(11)] = value;
    } else values[target] = value;
  }
  return values as RecordValues;
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
  const fields = await declaredFields(entity.id);
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

  // Chunks are written one after the other, in file order, each before more of the file is read:
  // reading ahead while one was written gained nothing measurable and kept two chunks in the heap.
  // Once the signal is aborted (SIGTERM, cancel) no further chunk starts; the one being written
  // commits whole.
  const stopped = () => !!options.signal?.aborted;

  let cutShort = false;
  reading: for await (const parsed of csvRowBatches(source))
    for (const { line, cells } of parsed) {
      if (!header) {
        header = cells.map((c) => c.trim());
        result.columns = { ...guessColumns(header, fields), ...(options.mapping ?? {}) };
        checkMapping(result.columns);
        continue;
      }
      if (stopped()) {
        cutShort = true;
        break reading;
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
      if (pending.rows >= IMPORT_LIMITS.chunk && !stopped()) await flush();
    }
  if (cutShort || (stopped() && pending.rows)) {
    result.interruptedAfterLine = committedLine;
    source.destroy();
  } else await flush();
  if (!header) throw new AppError("VALIDATION", "The file is empty.", "file");
  result.failed.sort((a, b) => a.line - b.line);
  return result;
}
