import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net, { type LookupFunction } from "node:net";
import { isPrivateAddress } from "./address";

/** What one POST came to: the status the receiver answered, or why there was none. */
export type PostOutcome = { statusCode: number } | { error: string; retryable: boolean };

const BLOCKED = "the address is not on the public internet (set WEBHOOK_ALLOW_PRIVATE=1 to allow it)";

/** DNS lookup that refuses private addresses at connect time, so a name cannot rebind past the check. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const usable = addresses.filter((a) => allowPrivate || !isPrivateAddress(a.address));
      if (usable.length === 0) return callback(Object.assign(new Error(BLOCKED), { code: "EBLOCKED" }), "", 4);
      if (options.all) return callback(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

/**
 * POSTs a JSON body once. Never follows a redirect (a 3xx is the answer), stops after
 * `timeoutMs`, and connects only to public addresses unless `allowPrivate`.
 */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  { timeoutMs, allowPrivate }: { timeoutMs: number; allowPrivate: boolean },
): Promise<PostOutcome> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && net.isIP(host) && isPrivateAddress(host))
    return Promise.resolve({ error: `Refused: ${BLOCKED}.`, retryable: false });
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
        lookup: guardedLookup(allowPrivate),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        response.resume();
        resolve({ statusCode: response.statusCode ?? 0 });
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EBLOCKED") return resolve({ error: `Refused: ${BLOCKED}.`, retryable: false });
      const timedOut = error.name === "AbortError" || error.name === "TimeoutError";
      resolve({
        error: timedOut ? `No answer within ${timeoutMs / 1000} s.` : `${error.code ?? error.name}: ${error.message}`,
        retryable: true,
      });
    });
    request.end(body);
  });
}
