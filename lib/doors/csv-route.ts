import "server-only";
import { pipeline, Readable } from "node:stream";
import type { z } from "zod";
import { getSessionActor } from "@/lib/auth/session";
import { csvStringifier } from "@/lib/export/csv-cell";
import type { ExportTable } from "@/lib/export/table";
import { download, refusal } from "./download";
import { searchParamsOf } from "./session-route";
import { runDoor, type DomainCall } from "./steps";

/**
 * A dashboard download: the same door steps as sessionRoute (session → membership → zod →
 * domain), then the domain's table streamed as CSV, a page of rows at a time. Refusals come
 * before the first byte, as JSON with their status.
 */
export function csvRoute<S extends z.ZodType>(schema: S, call: DomainCall<z.output<S>, ExportTable>) {
  return async (request: Request) => {
    const result = await runDoor(getSessionActor, schema, searchParamsOf(request), call);
    if (!result.ok) return refusal(result.error);
    const { name, columns, rows } = result.data;
    const csv = csvStringifier(columns);
    // A failure mid-way (the database gone) ends the download with an error, never a hang.
    pipeline(Readable.from(rows), csv, (error) => error && console.error(error));
    return download(Readable.toWeb(csv) as ReadableStream, `${name}.csv`, "text/csv; charset=utf-8");
  };
}
