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
  /** Aborted (SIGTERM): the chunk being written commits whole, then the import stops. */
  signal?: AbortSignal;
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

function rowValues(header: string[], columns: Record<string, string>, cells: string[]): RecordValues {
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
  const result: ImportResult = { created: 0, updated: 0, skipped: 0, failed: [], columns: {} };
  let header: string[] | null = null;
  let batch: { line: number; op: WriteOp }[] = [];
  let rows = 0;
  let chunk = 0;

  async function flush() {
    if (!batch.length) return;
    chunk += 1;
    const { outcomes } = await writeRecords(
      actor,
      entity.id,
      batch.map((b) => b.op),
      { fireAutomations: true, ifTrashedHolder: "create", audit: { chunk: `import ${chunk}` } },
      now,
    );
    const before = result.created + result.updated;
    outcomes.forEach((o, i) => {
      if (o.ok) result[o.action] += 1;
      else result.failed.push({ line: batch[i]!.line, reason: o.field ? `${o.field}: ${o.message}` : o.message });
    });
    countRecords("imported", actor.door, result.created + result.updated - before);
    log("import").info(
      { chunk, entity: entity.slug, rows: batch.length, lastLine: batch.at(-1)!.line, workspaceId: actor.workspaceId },
      "import chunk committed",
    );
    batch = [];
  }

  let nextLine = 1;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const startLine = nextLine;
    nextLine = info.lines + 1;
    if (!header) {
      header = record.map((c) => c.trim());
      result.columns = { ...guessColumns(header, fields), ...(options.mapping ?? {}) };
      if (!Object.values(result.columns).includes("name"))
        throw new AppError("VALIDATION", "The file has no name column: add a “name” column or map one.", "file");
      continue;
    }
    if (++rows > IMPORT_LIMITS.rows)
      throw new AppError("LIMIT_EXCEEDED", "The file has over 200,000 rows; split it into smaller files.");
    if (record.length > header.length) {
      result.failed.push({
        line: startLine,
        reason: `This row has ${record.length} cells; the header has ${header.length}.`,
      });
      continue;
    }
    if (record.every((c) => c.trim() === "")) {
      result.skipped += 1;
      continue;
    }
    const values = rowValues(header, result.columns, record);
    batch.push({
      line: startLine,
      op:
        options.mode === "upsert" && values.externalId
          ? { op: "upsert", matchBy: "externalId", values }
          : { op: "create", values },
    });
    if (batch.length >= IMPORT_LIMITS.chunk) await flush();
    if (options.signal?.aborted) {
      await flush();
      result.interruptedAfterLine = startLine;
      source.destroy();
      break;
    }
  }
  if (!result.interruptedAfterLine) await flush();
  if (!header) throw new AppError("VALIDATION", "The file is empty.", "file");
  result.failed.sort((a, b) => a.line - b.line);
  return result;
}
