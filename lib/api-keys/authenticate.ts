import { loadActor, type Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/universal/scopes";
import { decryptSecret, hashSecret, signature, signaturesMatch } from "./secrets";

/** A signed request's date may be this far from server time, either way. */
export const HMAC_WINDOW_MS = 15 * 60_000;
/** A salt is remembered well beyond the window, so a replay is refused while its date is still accepted. */
const NONCE_RETENTION_MS = 4 * HMAC_WINDOW_MS;
const SALT = /^[0-9A-Za-z]{12,64}$/;
// An ISO 8601 instant: Z or an offset (with or without a colon), seconds and fractions optional.
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/i;
// Last-used is written at most once a minute per key, not on every call.
const LAST_USED_EVERY_MS = 60_000;

export type ApiCredentials =
  { kind: "hmac"; apiKey: string; date: string; salt: string; signature: string } | { kind: "secret"; secret: string };

export interface ApiCaller {
  actor: Actor;
  scopes: Scope[];
}

const refused = (message: string) => new AppError("UNAUTHORIZED", message);
const HOW = "Send Authorization: HMAC-SHA256 apiKey=KEY, date=ISO8601, salt=SALT, signature=HEX — or Bearer SECRET.";

/** The credentials an Authorization header carries, or an UNAUTHORIZED error saying what is wrong with it. */
export function parseAuthorization(header: string | null): ApiCredentials {
  const value = header?.trim() ?? "";
  if (!value) throw refused(`No API credentials. ${HOW}`);
  const space = value.indexOf(" ");
  const scheme = (space < 0 ? value : value.slice(0, space)).toLowerCase();
  const rest = space < 0 ? "" : value.slice(space + 1).trim();
  if (scheme === "bearer" || scheme === "zoho-oauthtoken") {
    if (!rest) throw refused(`The ${scheme === "bearer" ? "Bearer" : "Zoho-oauthtoken"} token is empty.`);
    return { kind: "secret", secret: rest };
  }
  if (scheme !== "hmac-sha256") throw refused(`Unknown authorization scheme. ${HOW}`);
  const fields = new Map<string, string>();
  for (const part of rest.split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const [apiKey, date, salt, sig] = ["apikey", "date", "salt", "signature"].map((k) => fields.get(k) ?? "");
  const missing = [
    ["apiKey", apiKey],
    ["date", date],
    ["salt", salt],
    ["signature", sig],
  ]
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length) throw refused(`The HMAC-SHA256 header lacks ${missing.join(", ")}. ${HOW}`);
  return { kind: "hmac", apiKey: apiKey!, date: date!, salt: salt!, signature: sig! };
}

/** The instant an ISO 8601 date names, or null. Fractions beyond milliseconds are cut, as JavaScript dates hold no more. */
export function parseIsoInstant(text: string): Date | null {
  const m = ISO_INSTANT.exec(text);
  if (!m) return null;
  const fraction = m[2] ? m[2].slice(0, 4).padEnd(4, "0") : "";
  const zone = m[3]!.toUpperCase() === "Z" ? "Z" : m[3]!.replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2");
  const seconds = m[1]!.length === 16 ? `${m[1]}:00` : m[1];
  const date = new Date(`${seconds}${fraction}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const keySelect = {
  id: true,
  userId: true,
  workspaceId: true,
  scopes: true,
  revokedAt: true,
  lastUsedAt: true,
  secretCiphertext: true,
} as const;

/**
 * Who an API call comes from: the key its credentials name (HMAC-SHA256 signature over
 * date + salt, compared in constant time, the salt accepted once; or the secret as a bearer
 * token), then the key's user with their membership and role re-read, as every door does.
 * Any failure is UNAUTHORIZED with a message saying what to fix.
 */
export async function authenticateApiCall(header: string | null, now: Date): Promise<ApiCaller> {
  const credentials = parseAuthorization(header);
  const key =
    credentials.kind === "secret"
      ? await db().apiKey.findUnique({ where: { secretHash: hashSecret(credentials.secret) }, select: keySelect })
      : await verifySignature(credentials, now);
  if (!key || key.revokedAt) throw refused("Unknown or revoked API key.");

  if (credentials.kind === "hmac") {
    // The database decides "seen before", so a replay is refused across every instance.
    const inserted = await db().$executeRaw`
      INSERT INTO "ApiNonce" ("apiKeyId", "salt", "createdAt") VALUES (${key.id}, ${credentials.salt}, ${now})
      ON CONFLICT DO NOTHING`;
    if (inserted === 0)
      throw refused("This salt was already used with this key; send a new random salt with every request.");
  }
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db().apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  const actor = await loadActor(key.userId, key.workspaceId, "API");
  if (!actor) throw refused("The API key's user is no longer a member of its workspace.");
  return { actor: { ...actor, apiKeyId: key.id }, scopes: key.scopes as Scope[] };
}

async function verifySignature(credentials: Extract<ApiCredentials, { kind: "hmac" }>, now: Date) {
  const date = parseIsoInstant(credentials.date);
  if (!date)
    throw refused(
      `date must be an ISO 8601 instant such as 2026-12-01T09:30:00Z (got "${credentials.date.slice(0, 64)}").`,
    );
  const skew = Math.abs(now.getTime() - date.getTime());
  if (skew > HMAC_WINDOW_MS)
    throw refused(
      `date is ${Math.round(skew / 60_000)} minutes from server time (${now.toISOString()}); it must be within 15 minutes.`,
    );
  if (!SALT.test(credentials.salt)) throw refused("salt must be 12 to 64 letters and digits.");
  const key = await db().apiKey.findUnique({ where: { keyId: credentials.apiKey.slice(0, 100) }, select: keySelect });
  if (!key || key.revokedAt) return null;
  const secret = decryptSecret(key.secretCiphertext);
  if (secret === null)
    throw refused("The API key cannot be verified on this server (its encryption key changed); create a new key.");
  if (!signaturesMatch(signature(secret, credentials.date, credentials.salt), credentials.signature)) {
    throw refused("The signature does not match: sign date + salt with HMAC-SHA256 and the API secret, hex-encoded.");
  }
  return key;
}

/** Salts older than any date the window still accepts; run by the server's maintenance step. */
export async function deleteExpiredNonces(now: Date): Promise<number> {
  const { count } = await db().apiNonce.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - NONCE_RETENTION_MS) } },
  });
  return count;
}
