import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { onPostgres, withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, TEST_PASSWORD } from "@/test/fixtures";
import { REDIRECT_SHAPES } from "@/test/hostile-urls";
import { actionId, signInCookie, startServer, type RunningServer } from "@/test/server";

// Issue 26's findings at the HTTP boundary, against the production build (`next start`) on this
// file's own PostgreSQL schema: bad encodings, the redirect shapes, the brake's address, the
// Origin check and body cap, and Secure cookies behind a trusted proxy.

async function signInAttempt(url: string, email: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await fetch(`${url}/api/auth/csrf`, { headers });
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, ...headers },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const target = response.headers.get("location") ?? ((await response.json()) as { url: string }).url;
  return {
    status: response.status,
    error: new URL(target, url).searchParams.get("error"),
    cookies: [...csrf.headers.getSetCookie(), ...response.headers.getSetCookie()],
  };
}

describe.runIf(onPostgres)("issue 26 over HTTP against the production server", () => {
  const test = withTestDatabase();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ databaseUrl: test.databaseUrl() });
  }, 90_000);
  afterAll(() => server?.stop());

  const post = (path: string, init: RequestInit & { headers: Record<string, string> }) =>
    fetch(`${server.url}${path}`, { method: "POST", redirect: "manual", ...init });

  // Next.js 16 alone answers these with a plain 500 from its router, before proxy.ts runs; the
  // server in front escapes the undecodable path (lib/ops/malformed-url.ts).
  it("#5 malformed percent-encoding answers each door's 4xx in its own shape, never a 500", async () => {
    const ws = await makeWorkspace();
    const cookie = await signInCookie(server.url, ws.actors.owner.email, TEST_PASSWORD);
    const api = { authorization: "Bearer sk_nobody" };
    const cases: [string, Record<string, string>, (body: string, type: string | null) => boolean][] = [
      ["/crm-core/v1/records/%FF", api, (b) => "errorCode" in JSON.parse(b)],
      ["/record-lists/%FF/records/bulk", api, (b) => "code" in JSON.parse(b) && "description" in JSON.parse(b)],
      ["/crm/v2/Leads/%FF", api, (b) => "code" in JSON.parse(b) || "data" in JSON.parse(b)],
      ["/v2/crm/leads/%C0%AF", api, (b) => JSON.parse(b).success === false],
      ["/api/app/records/%FF/export", { cookie }, (b) => "error" in JSON.parse(b)],
      ["/records/leads/%FF", { cookie }, (_b, t) => t?.startsWith("text/html") === true],
      ["/trash/%FF", { cookie }, (_b, t) => t?.startsWith("text/html") === true],
      ["/segments/%FF", { cookie }, (_b, t) => t?.startsWith("text/html") === true],
      ["/records/%E0%A4%A", { cookie }, (_b, t) => t?.startsWith("text/html") === true],
    ];
    const failures: string[] = [];
    for (const [path, headers, shaped] of cases) {
      const response = await fetch(`${server.url}${path}`, { headers, redirect: "manual" });
      const body = await response.text();
      let ok = false;
      try {
        ok = shaped(body, response.headers.get("content-type"));
      } catch {
        ok = false;
      }
      if (response.status < 400 || response.status >= 500 || !ok)
        failures.push(`${path}: ${response.status} ${response.headers.get("content-type")} ${body.slice(0, 80)}`);
    }
    expect(failures).toEqual([]);
  });

  it("#5 a NUL byte in a page's query (/audit?actor, /trash?deletedBy) is dropped like any bad parameter: the page renders", async () => {
    const ws = await makeWorkspace();
    const cookie = await signInCookie(server.url, ws.actors.owner.email, TEST_PASSWORD);
    for (const path of ["/audit?actor=%00", "/trash?deletedBy=%00", "/trash?q=a%00b", "/segments?q=%00"]) {
      const response = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: "manual" });
      expect(response.status, path).toBe(200);
    }
  });

  it("#5 GET /api/auth/callback/credentials is a 405 in the dashboard's JSON shape, not a 500", async () => {
    const response = await fetch(`${server.url}/api/auth/callback/credentials`, { redirect: "manual" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.json()).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
  });

  it("#4 signed in, every redirect shape of the issue goes to /records, never another origin", async () => {
    const ws = await makeWorkspace();
    const cookie = await signInCookie(server.url, ws.actors.member.email, TEST_PASSWORD);
    for (const shape of REDIRECT_SHAPES) {
      const response = await fetch(`${server.url}/login?callbackUrl=${shape}`, {
        headers: { cookie },
        redirect: "manual",
      });
      expect(response.status, shape).toBe(307);
      expect(response.headers.get("location"), shape).toBe("/records");
    }
  });

  it("#3 the attack: a new X-Forwarded-For on every wrong password changes nothing — the 6th attempt from this socket is braked", async () => {
    const ws = await makeWorkspace();
    const answers: (string | null)[] = [];
    for (let i = 0; i < 8; i++)
      answers.push(
        (
          await signInAttempt(server.url, ws.actors.viewer.email, `wrong-${i}`, {
            "x-forwarded-for": `198.51.100.${i}`,
          })
        ).error,
      );
    expect(
      answers.slice(5).every((e) => /^Too many failed sign-in attempts\. Try again in \d+ s\.$/.test(e ?? "")),
    ).toBe(true);
    // Nothing was counted against the addresses the client wrote in (a victim's address stays clear).
    const keys = (await db().signInFailure.findMany({ select: { key: true } })).map((f) => f.key);
    expect(keys.some((k) => k.includes("198.51.100."))).toBe(false);
    expect(keys.some((k) => /^ip:(127\.0\.0\.1|::1)$/.test(k))).toBe(true);
  });

  it("#7 a server action whose Origin differs in host (X-Forwarded-Host aside), scheme or port is refused with 403", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws);
    const cookie = await signInCookie(server.url, ws.actors.member.email, TEST_PASSWORD);
    const own = new URL(server.url);
    const action = (origin: string, extra: Record<string, string> = {}) =>
      post("/records/leads", {
        headers: {
          "next-action": actionId("deleteRecordsAction"),
          "content-type": "text/plain;charset=UTF-8",
          accept: "text/x-component",
          cookie,
          origin,
          ...extra,
        },
        body: JSON.stringify([{ ids: [record.id] }]),
      });
    for (const [origin, extra] of [
      ["http://evil.example", { "x-forwarded-host": "evil.example" }],
      [`https://${own.host}`, {}],
      [`http://${own.hostname}:1`, {}],
      [`http://${own.hostname}`, {}],
    ] as const) {
      const response = await action(origin, extra);
      expect(response.status, origin).toBe(403);
    }
    expect((await db().record.findUniqueOrThrow({ where: { id: record.id } })).deletedAt).toBeNull();
  });

  it("#7 a cross-origin multipart form POST (no-JS action) is 403, not a 500", async () => {
    const ws = await makeWorkspace();
    const cookie = await signInCookie(server.url, ws.actors.member.email, TEST_PASSWORD);
    const form = new FormData();
    form.append(`$ACTION_ID_${actionId("deleteRecordsAction")}`, "");
    form.append("ids", "x");
    const response = await fetch(`${server.url}/records/leads`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin: "https://evil.example" },
      body: form,
    });
    expect(response.status).toBe(403);
  });

  it("#7 a chunked body over 1 MB (no Content-Length) gets 413 on a server action and on sign-in", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws);
    const cookie = await signInCookie(server.url, ws.actors.member.email, TEST_PASSWORD);
    const chunked = (text: string) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          const bytes = new TextEncoder().encode(text);
          for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
          controller.close();
        },
      });
    const big = JSON.stringify([{ ids: [record.id, "x".repeat(1_100_000)] }]);
    const action = await fetch(`${server.url}/records/leads`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "next-action": actionId("deleteRecordsAction"),
        "content-type": "text/plain;charset=UTF-8",
        cookie,
        origin: server.url,
      },
      body: chunked(big),
      duplex: "half",
    } as RequestInit);
    expect(action.status).toBe(413);
    const signIn = await fetch(`${server.url}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: chunked(`email=${"x".repeat(1_100_000)}`),
      duplex: "half",
    } as RequestInit);
    expect(signIn.status).toBe(413);
    expect((await db().record.findUniqueOrThrow({ where: { id: record.id } })).deletedAt).toBeNull();
  });
});

describe.runIf(onPostgres)("#9 behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1,::1, NEXTAUTH_URL http://…)", () => {
  const test = withTestDatabase();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ databaseUrl: test.databaseUrl(), env: { TRUSTED_PROXIES: "127.0.0.1,::1" } });
  }, 90_000);
  afterAll(() => server?.stop());

  it("#9 auth cookies are Secure (and prefixed) when the proxy says the browser used https, and plain otherwise; sign-in works both ways", async () => {
    const ws = await makeWorkspace();
    const https = await signInAttempt(server.url, ws.actors.member.email, TEST_PASSWORD, {
      "x-forwarded-proto": "https",
    });
    const session = https.cookies.find((c) => /^__Secure-next-auth\.session-token=/.test(c));
    expect(session).toMatch(/; Secure/i);
    for (const c of https.cookies) expect(c).toMatch(/; Secure/i);
    const http = await signInAttempt(server.url, ws.actors.member.email, TEST_PASSWORD);
    expect(http.cookies.some((c) => c.startsWith("next-auth.session-token="))).toBe(true);
    for (const c of http.cookies) expect(c).not.toMatch(/; Secure/i);
    // The https session cookie opens the dashboard when the request comes through the proxy as https.
    const page = await fetch(`${server.url}/records/leads`, {
      headers: { cookie: session!.split(";")[0]!, "x-forwarded-proto": "https" },
      redirect: "manual",
    });
    expect(page.status).toBe(200);
  });
});
