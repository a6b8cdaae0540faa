import { jsonDownloadRoute } from "@/lib/doors/json-download-route";
import { exportRecord } from "@/lib/export/record-json";
import { recordExportSchema } from "@/lib/export/schemas";

export const GET = jsonDownloadRoute(recordExportSchema, exportRecord);
