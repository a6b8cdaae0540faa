import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTestDatabase } from "@/test/db";
import { makeWorkspace, NOW, viaSchema } from "@/test/fixtures";
import { hmacAuthorization } from "@/test/api-client";
import { authenticateApiCall, deleteExpiredNonces, parseAuthorization, parseIsoInstant } from "./authenticate";
import { createApiKey, listApiKeys, revokeApiKey } from "./manage";
import { createApiKeySchema } from "./schemas";
import { scopesAllowed } from "./scopes";
import { decryptSecret, encryptSecret, signaturesMatch } from "./secrets";

withTestDatabase();
const create = viaSchema(createApiKeySchema, createApiKey);
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

describe("API keys", () => {
  it("are created with scopes no wider than the creator's role, the secret stored only hashed and encrypted", async () => {
    const ws = await makeWorkspace();
    const key = await create(ws.actors.member, { name: "Zapier" });
    expect(key.scopes).toEqual(scopesAllowed("MEMBER"));
    expect(key.scopes).not.toContain("records:purge");
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(JSON.stringify(row)).not.toContain(key.apiSecret);
    expect(row.secretHash).toBe(crypto.createHash("sha256").update(key.apiSecret).digest("hex"));
    expect(decryptSecret(row.secretCiphertext)).toBe(key.apiSecret);
    expect(await db().auditLog.findFirst({ where: { action: "apiKeys.create" } })).toMatchObject({
      targetIds: [key.id],
    });

    await expect(create(ws.actors.member, { name: "Too wide", scopes: ["records:purge"] })).rejects.toMatchObject({
      code: "FORBIDDEN",
      field: "scopes",
    });
    // A VIEWER may hold a read-only key, nothing wider.
    expect((await create(ws.actors.viewer, { name: "Viewer" })).scopes).toEqual(["records:read"]);
    await expect(create(ws.actors.viewer, { name: "Viewer", scopes: ["records:delete"] })).rejects.toMatchObject({
      code: "FORBIDDEN",
      field: "scopes",
    });
    await expect(
      create(ws.actors.member, { name: "x", scopes: ["records:everything"] as never }),
    ).rejects.toMatchObject({ code: "VALIDATION", field: "scopes.0" });
    await expect(create(ws.actors.member, { name: "" })).rejects.toMatchObject({ code: "VALIDATION", field: "name" });
    expect(
      (await create(ws.actors.admin, { name: "Purger", scopes: ["records:purge", "records:purge"] })).scopes,
    ).toEqual(["records:purge"]);
  });

  it("a MEMBER lists and revokes their own keys; the OWNER sees and revokes any; another's answers not found", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const mine = await create(ws.actors.member, { name: "Mine" });
    const theirs = await create(ws.actors.member2, { name: "Theirs" });
    await create(other.actors.owner, { name: "Elsewhere" });

    expect((await listApiKeys(ws.actors.member)).map((k) => k.name)).toEqual(["Mine"]);
    expect((await listApiKeys(ws.actors.owner)).map((k) => k.name).sort()).toEqual(["Mine", "Theirs"]);
    await expect(revokeApiKey(ws.actors.member, { id: theirs.id }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revokeApiKey(other.actors.owner, { id: mine.id }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().apiKey.count({ where: { revokedAt: { not: null } } })).toBe(0);

    await revokeApiKey(ws.actors.member, { id: mine.id }, NOW);
    await revokeApiKey(ws.actors.owner, { id: theirs.id }, NOW);
    expect((await listApiKeys(ws.actors.owner)).every((k) => k.revokedAt === NOW.toISOString() && !k.canRevoke)).toBe(
      true,
    );
  });
});

describe("API authentication", () => {
  it("accepts HMAC-SHA256 over date + salt within 15 minutes either way, and the secret as Bearer or Zoho-oauthtoken", async () => {
    const ws = await makeWorkspace();
    const key = await create(ws.actors.admin, { name: "k" });
    for (const date of [
      minutes(-14).toISOString(),
      minutes(14).toISOString(),
      "2026-11-23T21:00:00+09:00",
      "2026-11-23T12:00:00.123456Z",
      "2026-11-23T03:00:00-0900",
    ]) {
      const caller = await authenticateApiCall(hmacAuthorization(key, { date }), NOW);
      expect(caller.actor).toMatchObject({
        userId: ws.actors.admin.userId,
        role: "ADMIN",
        door: "API",
        apiKeyId: key.id,
      });
    }
    expect((await authenticateApiCall(`Bearer ${key.apiSecret}`, NOW)).scopes).toEqual(key.scopes);
    expect((await authenticateApiCall(`Zoho-oauthtoken ${key.apiSecret}`, NOW)).actor.userId).toBe(
      ws.actors.admin.userId,
    );
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(NOW);
  });

  it("refuses, as UNAUTHORIZED with a reason, every credential that is missing, malformed, stale, replayed, wrong or revoked", async () => {
    const ws = await makeWorkspace();
    const key = await create(ws.actors.admin, { name: "k" });
    const salt = "a".repeat(32);
    const refusals: [string | null, RegExp][] = [
      [null, /No API credentials/],
      ["Basic abc", /Unknown authorization scheme/],
      ["Bearer ", /No API credentials|empty/],
      ["Bearer sk_wrong", /Unknown or revoked/],
      [`HMAC-SHA256 apiKey=${key.apiKey}, date=${NOW.toISOString()}`, /lacks salt, signature/],
      [hmacAuthorization(key, { date: minutes(-16).toISOString() }), /16 minutes from server time/],
      [hmacAuthorization(key, { date: minutes(16).toISOString() }), /16 minutes from server time/],
      [hmacAuthorization(key, { date: "yesterday" }), /ISO 8601/],
      [hmacAuthorization(key, { date: NOW.toISOString(), salt: "short" }), /salt must be/],
      [hmacAuthorization(key, { date: NOW.toISOString(), salt: "a-b-c-d-e-f-g-h" }), /salt must be/],
      [hmacAuthorization(key, { date: NOW.toISOString(), secret: "sk_not-the-secret" }), /signature does not match/],
      [
        `HMAC-SHA256 apiKey=${key.apiKey}, date=${NOW.toISOString()}, salt=${salt}, signature=abc`,
        /signature does not match/,
      ],
      [
        `HMAC-SHA256 apiKey=${key.apiKey}, date=${NOW.toISOString()}, salt=${salt}, signature=${"z".repeat(64)}`,
        /signature does not match/,
      ],
      [
        hmacAuthorization({ apiKey: "ak_unknown", apiSecret: key.apiSecret }, { date: NOW.toISOString() }),
        /Unknown or revoked/,
      ],
    ];
    for (const [header, reason] of refusals) {
      await expect(authenticateApiCall(header, NOW), String(header)).rejects.toMatchObject({
        code: "UNAUTHORIZED",
        message: expect.stringMatching(reason),
      });
    }
    // A salt is accepted once: the database refuses the replay, whatever instance it reaches.
    const once = hmacAuthorization(key, { date: NOW.toISOString(), salt });
    await authenticateApiCall(once, NOW);
    await expect(authenticateApiCall(once, NOW)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: expect.stringMatching(/already used/),
    });

    await revokeApiKey(ws.actors.admin, { id: key.id }, NOW);
    for (const header of [`Bearer ${key.apiSecret}`, hmacAuthorization(key, { date: NOW.toISOString() })]) {
      await expect(authenticateApiCall(header, NOW)).rejects.toMatchObject({
        code: "UNAUTHORIZED",
        message: expect.stringMatching(/revoked/),
      });
    }
  });

  it("acts with the user's role as it is now: a removed user's key is refused", async () => {
    const ws = await makeWorkspace();
    const key = await create(ws.actors.member, { name: "k" });
    await db().membership.update({
      where: { workspaceId_userId: { workspaceId: ws.id, userId: ws.actors.member.userId } },
      data: { role: "VIEWER" },
    });
    expect((await authenticateApiCall(`Bearer ${key.apiSecret}`, NOW)).actor.role).toBe("VIEWER");
    await db().membership.delete({
      where: { workspaceId_userId: { workspaceId: ws.id, userId: ws.actors.member.userId } },
    });
    await expect(authenticateApiCall(`Bearer ${key.apiSecret}`, NOW)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: expect.stringMatching(/no longer a member/),
    });
  });

  it("forgets salts once no date the window accepts could reuse them", async () => {
    const ws = await makeWorkspace();
    const key = await create(ws.actors.admin, { name: "k" });
    await authenticateApiCall(hmacAuthorization(key, { date: NOW.toISOString() }), NOW);
    expect(await deleteExpiredNonces(minutes(30))).toBe(0);
    expect(await deleteExpiredNonces(minutes(61))).toBe(1);
    expect(await db().apiNonce.count()).toBe(0);
  });

  it("parses headers and dates strictly, and compares signatures only as 64 hex digits", () => {
    expect(parseAuthorization("hmac-sha256 apiKey=k,date=d,salt=s,signature=x")).toEqual({
      kind: "hmac",
      apiKey: "k",
      date: "d",
      salt: "s",
      signature: "x",
    });
    expect(parseIsoInstant("2026-11-23T21:00+09:00")?.toISOString()).toBe("2026-11-23T12:00:00.000Z");
    for (const bad of ["2026-11-23", "2026-11-23T12:00:00", "1700000000", "2026-13-45T99:00:00Z"])
      expect(parseIsoInstant(bad), bad).toBeNull();
    const hex = "ab".repeat(32);
    expect(signaturesMatch(hex, hex.toUpperCase())).toBe(true);
    expect(signaturesMatch(hex, hex.slice(2))).toBe(false);
    expect(signaturesMatch(hex, "é".repeat(64))).toBe(false);
    expect(decryptSecret(encryptSecret("s3cret"))).toBe("s3cret");
    expect(decryptSecret("v1.garbage.tag.body")).toBeNull();
  });
});
