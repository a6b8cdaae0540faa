import crypto from "node:crypto";
import { localSecret } from "@/lib/local-secret";

// An API secret is needed in two forms: its SHA-256, to find the key a Bearer token belongs
// to, and the secret itself, to verify an HMAC signature. The latter is kept encrypted
// (AES-256-GCM) with the server key, so a copy of the database alone reveals no secret.

const ENV_KEY = "API_KEY_ENCRYPTION_KEY";

function serverKey(): Buffer {
  const configured = process.env[ENV_KEY];
  return crypto
    .createHash("sha256")
    .update(configured || localSecret(".api-key-encryption-key"))
    .digest();
}

export function newKeyId(): string {
  return `ak_${crypto.randomBytes(12).toString("hex")}`;
}

export function newSecret(): string {
  return `sk_${crypto.randomBytes(32).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
  return crypto.createHash("sha256").update(secret).digest("hex");
}

export function encryptSecret(secret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", serverKey(), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(
    ".",
  );
}

/** The secret, or null when it was encrypted with another server key (the key was changed). */
export function decryptSecret(stored: string): string | null {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !body) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", serverKey(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** hex(HMAC-SHA256(secret, date + salt)), as docs/API.md defines the signature. */
export function signature(secret: string, date: string, salt: string): string {
  return crypto
    .createHmac("sha256", secret)
    .update(date + salt)
    .digest("hex");
}

/** Constant-time comparison of two hex signatures; a wrong length or non-hex is simply false. */
export function signaturesMatch(expectedHex: string, givenHex: string): boolean {
  if (!/^[0-9a-fA-F]{64}$/.test(givenHex)) return false;
  return crypto.timingSafeEqual(Buffer.from(expectedHex, "hex"), Buffer.from(givenHex.toLowerCase(), "hex"));
}
