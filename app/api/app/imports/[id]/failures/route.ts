import { csvRoute } from "@/lib/doors/csv-route";
import { importFailuresTable } from "@/lib/imports/jobs";
import { importIdSchema } from "@/lib/imports/schemas";

// Every failed row of an import, with its line and reason, as CSV.
export async function GET(request: Request, context: { params: Promise<unknown> }) {
  const params = await context.params;
  return csvRoute(importIdSchema, importFailuresTable, () => params)(request);
}
