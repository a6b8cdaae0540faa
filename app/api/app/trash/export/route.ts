import { csvRoute } from "@/lib/doors/csv-route";
import { exportTrash } from "@/lib/trash/export";
import { trashFilterSchema } from "@/lib/trash/schemas";

export const GET = csvRoute(trashFilterSchema, exportTrash);
