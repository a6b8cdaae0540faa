import { solapi } from "@/lib/api/dialects/solapi";
import { unknownPathHandler } from "@/lib/doors/api-route";

// Unknown paths under this dialect's prefix answer its own JSON 404, not the dashboard's page.
const handler = unknownPathHandler(solapi);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
