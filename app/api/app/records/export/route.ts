import { csvRoute } from "@/lib/doors/csv-route";
import { exportRecords } from "@/lib/export/records";
import { recordsViewFilterSchema } from "@/lib/export/schemas";

export const GET = csvRoute(recordsViewFilterSchema, exportRecords);
