import crypto from "node:crypto";

/** The header that carries a digest's signature, in the API's Authorization style. */
export const SIGNATURE_HEADER = "X-Webhook-Signature";

/** hex(HMAC-SHA256(secret, date + salt + body)): the API's signature, extended over the body it vouches for. */
export function digestSignature(secret: string, date: string, salt: string, body: string): string {
  return crypto
    .createHmac("sha256", secret)
    .update(date + salt + body)
    .digest("hex");
}

/** `HMAC-SHA256 date=…, salt=…, signature=…` for a body sent at `now`, with a fresh salt. */
export function signatureHeader(secret: string, body: string, now: Date): string {
  const date = now.toISOString();
  const salt = crypto.randomBytes(16).toString("hex");
  return `HMAC-SHA256 date=${date}, salt=${salt}, signature=${digestSignature(secret, date, salt, body)}`;
}

/** A new signing secret, shown to admins on the settings page. */
export function newWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString("base64url")}`;
}
