import type { Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit/write";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/tx";
import { AppError, notFound } from "@/lib/errors";
import { assertCan, can } from "@/lib/permissions";
import type { CreateApiKeyInput } from "./schemas";
import type { Scope } from "@/lib/universal/scopes";
import { scopesAllowed } from "./scopes";
import { encryptSecret, hashSecret, newKeyId, newSecret } from "./secrets";

/** What a new key's creator sees once: docs/API.md's object, plus what the list shows. */
export interface CreatedApiKey {
  id: string;
  name: string;
  apiKey: string;
  apiSecret: string;
  scopes: Scope[];
  createdAt: string;
}

export interface ApiKeyRow {
  id: string;
  name: string;
  apiKey: string;
  scopes: Scope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  user: { id: string; name: string; email: string };
  /** Whether the caller may revoke it (their own, or OWNER); the server checks again. */
  canRevoke: boolean;
}

/** A new key for the caller, with scopes no wider than their role allows; the secret is returned only here. */
export async function createApiKey(actor: Actor, input: CreateApiKeyInput, now: Date): Promise<CreatedApiKey> {
  assertCan(actor, "apiKeys.manage");
  const allowed = scopesAllowed(actor.role);
  const scopes = input.scopes ?? allowed;
  const beyond = scopes.filter((s) => !allowed.includes(s));
  if (beyond.length) {
    throw new AppError(
      "FORBIDDEN",
      `Your role (${actor.role.toLowerCase()}) cannot give a key the scope ${beyond.join(", ")}; it allows ${allowed.join(", ")}.`,
      "scopes",
    );
  }
  const apiSecret = newSecret();
  return transaction(async (tx) => {
    const key = await tx.apiKey.create({
      data: {
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        name: input.name,
        keyId: newKeyId(),
        secretHash: hashSecret(apiSecret),
        secretCiphertext: encryptSecret(apiSecret),
        scopes,
        createdAt: now,
      },
      select: { id: true, name: true, keyId: true, createdAt: true },
    });
    await writeAudit(tx, actor, {
      action: "apiKeys.create",
      targetIds: [key.id],
      details: { name: key.name, apiKey: key.keyId, scopes },
    });
    return { id: key.id, name: key.name, apiKey: key.keyId, apiSecret, scopes, createdAt: key.createdAt.toISOString() };
  });
}

/** The caller's own keys; an OWNER sees every key of the workspace. Newest first. */
export async function listApiKeys(actor: Actor): Promise<ApiKeyRow[]> {
  assertCan(actor, "apiKeys.manage");
  const everyone = can(actor, "apiKeys.manage.any");
  const keys = await db().apiKey.findMany({
    where: { workspaceId: actor.workspaceId, ...(everyone ? {} : { userId: actor.userId }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      keyId: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    apiKey: k.keyId,
    scopes: k.scopes as Scope[],
    user: k.user,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    canRevoke: !k.revokedAt,
  }));
}

/**
 * Revoke: the key is refused from the next request on. A MEMBER revokes their own keys; an
 * OWNER any of the workspace's. Someone else's key answers like an unknown one.
 */
export async function revokeApiKey(
  actor: Actor,
  { id }: { id: string },
  now: Date,
): Promise<{ id: string; revokedAt: string }> {
  assertCan(actor, "apiKeys.manage");
  const everyone = can(actor, "apiKeys.manage.any");
  return transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: { id, workspaceId: actor.workspaceId, ...(everyone ? {} : { userId: actor.userId }) },
      select: { id: true, keyId: true, name: true, revokedAt: true },
    });
    if (!key) throw notFound("API key");
    if (key.revokedAt) return { id: key.id, revokedAt: key.revokedAt.toISOString() };
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: now } });
    await writeAudit(tx, actor, {
      action: "apiKeys.revoke",
      targetIds: [key.id],
      details: { name: key.name, apiKey: key.keyId },
    });
    return { id: key.id, revokedAt: now.toISOString() };
  });
}
