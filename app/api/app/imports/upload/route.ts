import { NextResponse } from "next/server";
import { sessionRoute } from "@/lib/doors/session-route";
import { IMPORT_LIMITS } from "@/lib/imports/csv";
import { uploadImport } from "@/lib/imports/jobs";
import { uploadImportSchema } from "@/lib/imports/schemas";
import { sameOrigin } from "@/lib/same-origin";

// The CSV itself as the request body (streamed into the database, never held whole); entity and
// file name in the query. This path skips the proxy (see proxy.ts), so the origin check is here.
export async function POST(request: Request) {
  if (!sameOrigin(request.headers))
    return NextResponse.json(
      { error: { code: "FORBIDDEN", message: "This request did not come from this site." } },
      { status: 403 },
    );
  if (Number(request.headers.get("content-length") ?? 0) > IMPORT_LIMITS.bytes)
    return NextResponse.json(
      {
        error: {
          code: "LIMIT_EXCEEDED",
          message: "The file is over 50 MB; split it into smaller files.",
          field: "file",
        },
      },
      { status: 413 },
    );
  const body = request.body as AsyncIterable<Uint8Array> | null;
  return sessionRoute(uploadImportSchema, (actor, input, now) => uploadImport(actor, input, body, now))(request);
}
