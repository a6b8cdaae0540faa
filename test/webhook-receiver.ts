import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

// A real HTTP server on loopback that plays a webhook receiver: it answers each POST with the
// next status of its script (then 200), and keeps every request, for the webhook tests (vitest
// and Playwright). It verifies signatures on its own, from the documented header format.

export interface ReceivedDigest {
  headers: http.IncomingHttpHeaders;
  body: string;
  answered: number;
}

export interface Receiver {
  url: string;
  received: ReceivedDigest[];
  close: () => Promise<void>;
}

export async function startReceiver(script: number[] = [], redirectTo?: string): Promise<Receiver> {
  const received: ReceivedDigest[] = [];
  const statuses = [...script];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const answered = statuses.shift() ?? 200;
      received.push({ headers: request.headers, body, answered });
      response.writeHead(answered, redirectTo ? { Location: redirectTo } : {}).end(answered < 300 ? "ok" : "try again");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/digest`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Whether a received digest's X-Webhook-Signature is right for `secret`: HMAC-SHA256 over date + salt + body. */
export function signatureValid(digest: ReceivedDigest, secret: string): boolean {
  const header = String(digest.headers["x-webhook-signature"] ?? "");
  const fields = Object.fromEntries(
    [...header.replace(/^HMAC-SHA256\s+/, "").matchAll(/(\w+)=([^,\s]+)/g)].map((m) => [m[1], m[2]]),
  );
  if (!header.startsWith("HMAC-SHA256 ") || !fields.date || !fields.salt || !fields.signature) return false;
  const expected = crypto
    .createHmac("sha256", secret)
    .update(fields.date + fields.salt + digest.body)
    .digest("hex");
  return fields.signature === expected;
}
