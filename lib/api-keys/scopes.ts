import { z } from "zod";
import type { Role } from "@/generated/prisma/enums";
import { can } from "@/lib/permissions";
import { SCOPE_PERMISSION, SCOPES, type Scope } from "@/lib/universal/scopes";

export const scopeSchema = z.enum(SCOPES as [Scope, ...Scope[]], {
  error: `Unknown scope; the scopes are ${SCOPES.join(", ")}`,
});

/** The scopes a key created by someone of this role may carry. */
export function scopesAllowed(role: Role): Scope[] {
  return SCOPES.filter((scope) => can({ role }, SCOPE_PERMISSION[scope]));
}
