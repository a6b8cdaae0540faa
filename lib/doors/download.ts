import "server-only";
import { NextResponse } from "next/server";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { errorBody } from "./steps";

/** A door's refusal before any byte of a download: JSON with the mapped status. */
export function refusal(error: AppError): Response {
  return NextResponse.json({ error: errorBody(error) }, { status: HTTP_STATUS[error.code] });
}

/** A file the browser saves under `filename` rather than shows; never cached. */
export function download(body: BodyInit, filename: string, contentType: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
