import crypto from "node:crypto";
import { hashSecret } from "@/lib/api-keys/secrets";

/** A single-use link's secret: 256 random bits, shown once; only its SHA-256 is stored. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashSecret(token) };
}

export const hashLinkToken = (token: string): string => hashSecret(token);
