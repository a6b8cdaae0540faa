import "server-only";
import { pipeline, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { getSessionActor } from "@/lib/auth/session";
import { HTTP_STATUS } from "@/lib/errors";
import type { ExportTable } from "@/lib/export/table";
import { searchParamsOf } from "./session-route";
import { errorBody, runDoor, type DomainCall } from "./steps";

/**
 * A dashboard download: the same door steps as sessionRoute (session → membership → zod →
 * domain), then the domain's table streamed as CSV, a page of rows at a time. Refusals come
 * before the first byte, as JSON with their status.
 */
export function csvRoute<S extends z.ZodType>(schema: S, call: DomainCall<z.output<S>, ExportTable>) {
  return async (request: Request) => {
    const result = await runDoor(getSessionActor, schema, searchParamsOf(request), call);
    if (!result.ok) return NextResponse.json({ error: errorBody(result.error) }, { status: HTTP_STATUS[result.error.code] });
    const { name, columns, rows } = result.data;
    const csv = stringify({ header: true, columns, cast: { date: (d) => d.toISOString() } });
    // A failure mid-way (the database gone) ends the download with an error, never a hang.
    pipeline(Readable.from(rows), csv, (error) => error && console.error(error));
    return new Response(Readable.toWeb(csv) as ReadableStream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  };
}
