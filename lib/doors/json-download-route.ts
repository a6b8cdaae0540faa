import "server-only";
import type { z } from "zod";
import { getSessionActor } from "@/lib/auth/session";
import type { JsonDownload } from "@/lib/export/record-json";
import { download, refusal } from "./download";
import { runDoor, type DomainCall } from "./steps";

/**
 * A dashboard download of one JSON document, for a route with path parameters: the door steps
 * (session → membership → zod over the path parameters → domain), then the file. Refusals are
 * JSON with their status, like every dashboard route.
 */
export function jsonDownloadRoute<S extends z.ZodType>(schema: S, call: DomainCall<z.output<S>, JsonDownload>) {
  return async (_request: Request, context: { params: Promise<unknown> }) => {
    const result = await runDoor(getSessionActor, schema, await context.params, call);
    if (!result.ok) return refusal(result.error);
    return download(
      JSON.stringify(result.data.body, null, 2),
      `${result.data.name}.json`,
      "application/json; charset=utf-8",
    );
  };
}
