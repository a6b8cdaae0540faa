import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";

// Public, like any API reference: it describes the endpoints, never data.
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return NextResponse.json(openApiDocument(new URL(request.url).origin));
}
