import http from "node:http";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/security-headers.mjs";
import { db } from "@/lib/db/client";
import { onPostgres, withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, TEST_PASSWORD } from "@/test/fixtures";
import { actionId, signInCookie, startServer, type RunningServer } from "@/test/server";

// Framework doors and issue 14's HTTP findings, against the production build (`next start`)
// on this file's own PostgreSQL schema.

describe("the lockfile's Next.js", () => {
  it("is at least 16.2.11 (the fixes for middleware bypass and server action CVEs)", () => {
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8")) as {
      packages: Record<string, { version: string }>;
    };
    const [major, minor, patch] = lock.packages["node_modules/next"]!.version.split(".").map((n) =>
      parseInt(n, 10),
    ) as [number, number, number];
    expect(major * 1e6 + minor * 1e3 + patch).toBeGreaterThanOrEqual(16 * 1e6 + 2 * 1e3 + 11);
  });
});

describe.runIf(onPostgres)("over HTTP against the production server", () => {
  const test = withTestDatabase();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ databaseUrl: test.databaseUrl() });
  }, 90_000);
  afterAll(() => server?.stop());

  const postAction = (name: string, input: unknown, headers: Record<string, string>, body = JSON.stringify([input])) =>
    fetch(`${server.url}/records/leads`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "next-action": actionId(name),
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
        ...headers,
      },
      body,
    });

  it("#9 every page and route carries CSP (frame-ancestors 'none'), X-Frame-Options DENY, Referrer-Policy and nosniff", async () => {
    const ws = await makeWorkspace();
    const cookie = await signInCookie(server.url, ws.actors.member.email, TEST_PASSWORD);
    for (const path of [
      "/login",
      "/records/leads",
      "/api/app/records?entity=leads",
      "/api/app/trash/count",
      "/no-such-page",
    ]) {
      const response = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: "manual" });
      expect(response.status, path).toBeLessThan(500);
      const csp = response.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([A-Za-z0-9+/=]{24})'/.exec(csp)?.[1];
      expect(nonce, path).toBeDefined();
      expect(csp, path).toBe(contentSecurityPolicy(nonce!));
      expect(csp.split("; ").find((d) => d.startsWith("script-src"))).not.toContain("unsafe-inline");
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });

  it("#8 scripts run by nonce, not 'unsafe-inline': every script of a page carries its response's fresh nonce", async () => {
    const ws = await makeWorkspace();
    const cookie = await signInCookie(server.url, ws.actors.member.email, TEST_PASSWORD);
    const nonces: string[] = [];
    for (const path of ["/records/leads", "/records/leads", "/login"]) {
      const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")![1]!;
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(3);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(new Set(nonces).size).toBe(3);
  });

  it("#9 the build's static scripts carry nosniff and none of the document policies", async () => {
    const script = fs.readdirSync(".next/static/chunks").find((f) => f.endsWith(".js"));
    const response = await fetch(`${server.url}/_next/static/chunks/${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBeNull();
  });

  it("every script of the build goes out with brotli from the first request, the same bytes and headers", async () => {
    // The server compresses them before it listens: none can be sent as gzip for being early.
    const scripts = fs.readdirSync(".next/static/chunks").filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(5);
    for (const script of scripts) {
      const response = await fetch(`${server.url}/_next/static/chunks/${script}`, {
        headers: { "accept-encoding": "br" },
      });
      expect(response.headers.get("content-encoding"), script).toBe("br");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-security-policy")).toBeNull();
      expect(await response.text()).toBe(fs.readFileSync(`.next/static/chunks/${script}`, "utf8"));
    }
  });

  it("#1 signed in, /login?callbackUrl= only redirects to a path of this site", async () => {
    const ws = await makeWorkspace();
    const cookie = await signInCookie(server.url, ws.actors.member.email, TEST_PASSWORD);
    for (const callback of [
      "/%5Cevil.example",
      "/%09/evil.example",
      "//evil.example",
      "https://evil.example",
      "/\\evil.example",
    ]) {
      const response = await fetch(`${server.url}/login?callbackUrl=${callback}`, {
        headers: { cookie },
        redirect: "manual",
      });
      expect(response.status, callback).toBe(307);
      expect(response.headers.get("location"), callback).toBe("/records");
    }
    const ok = await fetch(`${server.url}/login?callbackUrl=%2Ftrash`, { headers: { cookie }, redirect: "manual" });
    expect(ok.headers.get("location")).toBe("/trash");
  });

  it("#1 next-auth's sign-in answer never points at another origin, whatever callbackUrl says", async () => {
    const ws = await makeWorkspace();
    const csrf = await fetch(`${server.url}/api/auth/csrf`);
    const jar = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
      body: new URLSearchParams({
        csrfToken,
        email: ws.actors.member.email,
        password: TEST_PASSWORD,
        callbackUrl: "https://evil.example/x",
        json: "true",
      }),
    });
    const url = response.headers.get("location") ?? ((await response.json()) as { url: string }).url;
    expect(new URL(url, server.url).origin).toBe(new URL(server.url).origin);
  });

  it("#3 over HTTP: after 5 wrong passwords even the right one is refused with “Try again in N s”", async () => {
    const ws = await makeWorkspace();
    const attempt = async (password: string) => {
      const csrf = await fetch(`${server.url}/api/auth/csrf`);
      const jar = csrf.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
        body: new URLSearchParams({ csrfToken, email: ws.actors.viewer.email, password, json: "true" }),
      });
      const url = response.headers.get("location") ?? ((await response.json()) as { url: string }).url;
      return {
        status: response.status,
        error: new URL(url, server.url).searchParams.get("error"),
        session: response.headers.getSetCookie().some((c) => c.includes("session-token=")),
      };
    };
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong-${i}`)).session).toBe(false);
    const last = await attempt(TEST_PASSWORD);
    expect(last.session).toBe(false);
    expect(last.status).toBeLessThan(500);
    expect(last.error).toMatch(/^Too many failed sign-in attempts\. Try again in \d+ s\.$/);
  });

  it("session cookies are httpOnly and SameSite=Lax", async () => {
    const ws = await makeWorkspace();
    const csrf = await fetch(`${server.url}/api/auth/csrf`);
    const jar = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
      body: new URLSearchParams({ csrfToken, email: ws.actors.member.email, password: TEST_PASSWORD, json: "true" }),
    });
    const session = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    for (const c of csrf.headers.getSetCookie()) expect(c).toMatch(/; HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/i);
  });

  it("a server action with Origin null, foreign or malformed is refused with 403, not a 5xx, and changes nothing", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws);
    const cookie = await signInCookie(server.url, ws.actors.member.email, TEST_PASSWORD);
    for (const origin of [
      "null",
      "https://evil.example",
      "::::",
      "http://localhost.evil.example",
      `${server.url}.evil.example`,
    ]) {
      const response = await postAction("deleteRecordsAction", { ids: [record.id] }, { cookie, origin });
      expect(response.status, origin).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    }
    expect((await db().record.findUniqueOrThrow({ where: { id: record.id } })).deletedAt).toBeNull();
    // The same call from this site works (the test can tell refused from broken).
    const same = await postAction("deleteRecordsAction", { ids: [record.id] }, { cookie, origin: server.url });
    expect(same.status).toBe(200);
    expect((await db().record.findUniqueOrThrow({ where: { id: record.id } })).deletedAt).not.toBeNull();
  });

  it("an x-middleware-subrequest header changes nothing: signed out is still sent to sign-in, a foreign action still refused", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws);
    const header = {
      "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware",
    };
    const page = await fetch(`${server.url}/records/leads`, { headers: header, redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/login\?callbackUrl=%2Frecords%2Fleads$/);
    const json = await fetch(`${server.url}/api/app/records?entity=leads`, { headers: header });
    expect(json.status).toBe(401);
    const action = await postAction("deleteRecordsAction", { ids: [record.id] }, { ...header, origin: server.url });
    expect(action.status).toBeLessThan(500);
    expect((await db().record.findUniqueOrThrow({ where: { id: record.id } })).deletedAt).toBeNull();
  });

  it("a body over 1 MB gets 413 on a server action and on sign-in", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws);
    const cookie = await signInCookie(server.url, ws.actors.member.email, TEST_PASSWORD);
    const big = JSON.stringify([{ ids: [record.id, "x".repeat(1_100_000)] }]);
    const response = await postAction("deleteRecordsAction", null, { cookie, origin: server.url }, big);
    expect(response.status).toBe(413);
    const signIn = await fetch(`${server.url}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `email=${"x".repeat(1_100_000)}`,
    });
    expect(signIn.status).toBe(413);
    expect((await db().record.findUniqueOrThrow({ where: { id: record.id } })).deletedAt).toBeNull();
  });

  it("the CSV import upload (past the proxy) checks the origin and its own 50 MB cap, and takes a 2.4 MB file streamed", async () => {
    const ws = await makeWorkspace();
    const cookie = await signInCookie(server.url, ws.actors.member.email, TEST_PASSWORD);
    const upload = (body: BodyInit, headers: Record<string, string>) =>
      fetch(`${server.url}/api/app/imports/upload?entity=leads&name=big.csv`, {
        method: "POST",
        headers: { cookie, "content-type": "text/csv", ...headers },
        body,
        duplex: "half",
      } as RequestInit);
    const rows = Array.from({ length: 60_000 }, (_, i) => `Lead ${i},+4930${String(1_000_000 + i)},legacy,ext-${i}`);
    const file = `name,phone,external_provider,external_id\n${rows.join("\n")}\n`;
    expect(Buffer.byteLength(file)).toBeGreaterThan(2_000_000);

    const foreign = await upload(file, { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    // A declared 60 MB is refused before a byte of it is read (the client sends only the headers).
    const declared = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${server.url}/api/app/imports/upload?entity=leads`, {
        method: "POST",
        headers: { cookie, origin: server.url, "content-type": "text/csv", "content-length": 60 * 1024 * 1024 },
      });
      request.on("response", (response) => {
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on("error", reject);
      request.write("name\n");
    });
    expect(declared).toBe(413);
    expect(await db().importJob.count({ where: { workspaceId: ws.id } })).toBe(0);

    // Chunked, as a browser streams it: over the proxy's 1 MB cap, well under the import's 50 MB.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = Buffer.from(file);
        for (let i = 0; i < bytes.length; i += 256 * 1024) controller.enqueue(bytes.subarray(i, i + 256 * 1024));
        controller.close();
      },
    });
    const ok = await upload(chunks, { origin: server.url });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "ready", rows: 60_000, fileName: "big.csv" });
  });
});

describe.runIf(onPostgres)("behind HTTPS (NEXTAUTH_URL https://…)", () => {
  const test = withTestDatabase();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ databaseUrl: test.databaseUrl(), env: { NEXTAUTH_URL: "https://crm.example" } });
  }, 90_000);
  afterAll(() => server?.stop());

  it("auth cookies are Secure (and __Host-/__Secure- prefixed), httpOnly and SameSite", async () => {
    const csrf = await fetch(`${server.url}/api/auth/csrf`, { headers: { "x-forwarded-proto": "https" } });
    const cookies = csrf.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) {
      expect(c).toMatch(/^__(Host|Secure)-next-auth\./);
      expect(c).toMatch(/; Secure/i);
      expect(c).toMatch(/; HttpOnly/i);
      expect(c).toMatch(/; SameSite=Lax/i);
    }
  });
});
