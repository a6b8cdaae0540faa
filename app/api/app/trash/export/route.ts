import { csvRoute } from "@/lib/doors/csv-route";
import { trashExportSchema } from "@/lib/export/schemas";
import { exportTrash } from "@/lib/trash/export";

export const GET = csvRoute(trashExportSchema, exportTrash);
