import { csvRoute } from "@/lib/doors/csv-route";
import { trashExportSchema } from "@/lib/export/schemas";
import { exportTrash } from "@/lib/export/trash";

export const GET = csvRoute(trashExportSchema, exportTrash);
