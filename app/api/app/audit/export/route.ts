import { exportAuditLog } from "@/lib/audit/export";
import { auditFilterSchema } from "@/lib/audit/schemas";
import { csvRoute } from "@/lib/doors/csv-route";

export const GET = csvRoute(auditFilterSchema, exportAuditLog);
