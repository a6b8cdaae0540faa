import { AsyncLocalStorage } from "node:async_hooks";

/** What the log and the metrics know about the request being served: set by the HTTP server, filled in by the doors. */
export interface RequestContext {
  requestId: string;
  workspaceId?: string;
  userId?: string;
}

// One store per process, on globalThis: the custom server (scripts/serve.ts) and the bundled
// route modules each load their own copy of this file, and must share the store.
const holder = globalThis as unknown as { __crmRequestContext?: AsyncLocalStorage<RequestContext> };
export const requestContext: AsyncLocalStorage<RequestContext> = (holder.__crmRequestContext ??=
  new AsyncLocalStorage<RequestContext>());

/** The doors call this once they know who is asking; the request's log line then names them. */
export function noteActor(actor: { workspaceId: string; userId: string | null }): void {
  const context = requestContext.getStore();
  if (!context) return;
  context.workspaceId = actor.workspaceId;
  if (actor.userId) context.userId = actor.userId;
}
