import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsBrotli, brotliStatic } from "./brotli-static";

const SCRIPT = `console.log(${JSON.stringify("a first-load script ".repeat(400))});\n`;
let port = 0;
let server: http.Server;

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "brotli-static-"));
  const staticDir = path.join(root, "static");
  fs.mkdirSync(path.join(staticDir, "chunks"), { recursive: true });
  fs.writeFileSync(path.join(staticDir, "chunks", "app.js"), SCRIPT);
  fs.writeFileSync(path.join(staticDir, "chunks", "font.woff2"), "not text");
  fs.writeFileSync(path.join(root, "secret.js"), "outside the static folder");
  const assets = brotliStatic(staticDir);
  await assets.warm();
  server = http.createServer((req, res) => {
    if (!assets.serve(req, res)) res.writeHead(404, { "x-fell-through": "1" }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** A raw request: the path as written (no dot-segment clean-up), the body as sent (not decoded). */
function get(urlPath: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .request({ host: "127.0.0.1", port, path: urlPath, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject)
      .end();
  });
}

describe("brotli for the build's static assets", () => {
  it("answers a browser that accepts br with the script compressed, immutable and not sniffable", async () => {
    const res = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers.vary).toBe("Accept-Encoding");
    expect(res.body.length).toBeLessThan(SCRIPT.length / 10);
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
  });

  it("a HEAD gets the headers only, and a matching ETag a 304", async () => {
    const head = await get("/_next/static/chunks/app.js", { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const again = await get("/_next/static/chunks/app.js?dpl=1", {
      "accept-encoding": "br",
      "if-none-match": String(head.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("leaves everything else to Next: no br accepted, other files, other paths, other methods", async () => {
    const cases: [string, Record<string, string>, string][] = [
      ["/_next/static/chunks/app.js", { "accept-encoding": "gzip, deflate" }, "GET"],
      ["/_next/static/chunks/app.js", { "accept-encoding": "gzip, br;q=0" }, "GET"],
      ["/_next/static/chunks/app.js", {}, "GET"],
      ["/_next/static/chunks/app.js", { "accept-encoding": "br" }, "POST"],
      ["/_next/static/chunks/font.woff2", { "accept-encoding": "br" }, "GET"],
      ["/_next/static/chunks/missing.js", { "accept-encoding": "br" }, "GET"],
      ["/_next/static/../secret.js", { "accept-encoding": "br" }, "GET"],
      ["/_next/static/chunks/../../secret.js", { "accept-encoding": "br" }, "GET"],
    ];
    for (const [urlPath, headers, method] of cases) {
      const res = await get(urlPath, headers, method);
      expect(res.headers["x-fell-through"], `${method} ${urlPath} ${JSON.stringify(headers)}`).toBe("1");
    }
  });

  it("reads Accept-Encoding as RFC 9110 writes it", () => {
    expect(acceptsBrotli("br")).toBe(true);
    expect(acceptsBrotli("gzip, BR;q=0.5")).toBe(true);
    expect(acceptsBrotli(["gzip", "br"])).toBe(true);
    expect(acceptsBrotli("br;q=0")).toBe(false);
    expect(acceptsBrotli("brotli, gzip")).toBe(false);
    expect(acceptsBrotli(undefined)).toBe(false);
  });
});
