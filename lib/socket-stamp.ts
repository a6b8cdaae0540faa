import http from "node:http";
import type { TLSSocket } from "node:tls";
import { SOCKET_HEADERS } from "./trusted-proxy";

/**
 * Stamps every request this process serves with its socket's address and TLS state, before
 * Next.js (and so the proxy, route handlers and next-auth) sees it; a value the client sent
 * under those names is overwritten. Next's own servers are `http.Server`s made before this
 * runs, so the hook sits on the prototype's `emit`, where each "request" event passes.
 */
export function stampSocket(): void {
  const proto = http.Server.prototype as http.Server & { __socketStamped?: boolean };
  if (proto.__socketStamped) return;
  proto.__socketStamped = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[SOCKET_HEADERS.address] = request.socket.remoteAddress ?? "";
      request.headers[SOCKET_HEADERS.tls] = (request.socket as TLSSocket).encrypted ? "1" : "0";
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
}
