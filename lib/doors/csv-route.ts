import "server-only";
import { pipeline, Readable } from "node:stream";
import type { z } from "zod";
import { log } from "@/lib/ops/logger";
import { getSessionActor } from "@/lib/auth/session";
import { csvStringifier } from "@/lib/export/csv-cell";
import { acquireExportSlot } from "@/lib/export/running";
import type { ExportTable } from "@/lib/export/table";
import { download, refusal } from "./download";
import { searchParamsOf } from "./session-route";
import { runDoor, type DomainCall } from "./steps";

/**
 * A dashboard download: the same door steps as sessionRoute (session → membership → zod →
 * domain), then the domain's table streamed as CSV, a page of rows at a time. Refusals come
 * before the first byte, as JSON with their status.
 */
export function csvRoute<S extends z.ZodType>(
  schema: S,
  call: DomainCall<z.output<S>, ExportTable>,
  input: (request: Request) => unknown = searchParamsOf,
) {
  return async (request: Request) => {
    // One running export per workspace: the slot is taken before the domain call, freed when the stream ends.
    let release = async () => {};
    const result = await runDoor(getSessionActor, schema, input(request), async (actor, input, now) => {
      release = await acquireExportSlot(actor, now);
      return call(actor, input, now);
    });
    if (!result.ok) {
      await release();
      return refusal(result.error);
    }
    const { name, columns, rows } = result.data;
    const csv = csvStringifier(columns);
    // A failure mid-way (the database gone) ends the download with an error, never a hang.
    pipeline(Readable.from(thenFree(rows, release)), csv, (error) => {
      void release();
      if (error && error.code !== "ERR_STREAM_PREMATURE_CLOSE")
        log("export").error({ err: error }, "CSV download failed");
    });
    return download(Readable.toWeb(csv) as ReadableStream, `${name}.csv`, "text/csv; charset=utf-8");
  };
}

/**
 * The rows, then the lease freed before the last byte goes out: a person (or a script) who starts
 * the next export once this one has downloaded never finds the workspace's slot still taken.
 */
async function* thenFree(rows: AsyncIterable<unknown[]>, release: () => Promise<void>) {
  try {
    yield* rows;
  } finally {
    await release();
  }
}
