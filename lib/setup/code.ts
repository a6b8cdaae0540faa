import crypto from "node:crypto";
import { localSecret } from "@/lib/local-secret";

/**
 * The one-time setup code: SETUP_TOKEN when set, otherwise derived from the session secret,
 * so every instance sharing NEXTAUTH_SECRET prints the same code and nothing is stored. It is
 * accepted only while the installation has no user.
 */
export function setupCode(env: Record<string, string | undefined> = process.env): string {
  const configured = env.SETUP_TOKEN?.trim();
  if (configured) return configured;
  const secret = env.NEXTAUTH_SECRET || localSecret(".nextauth-secret");
  const digits = crypto.createHmac("sha256", secret).update("setup-code").digest("hex").slice(0, 15).toUpperCase();
  return digits.match(/.{5}/g)!.join("-");
}

const normal = (code: string) => code.trim().toUpperCase().replace(/[\s-]/g, "");

/** Compared in constant time, ignoring case, spaces and dashes. */
export function setupCodeMatches(given: string, env?: Record<string, string | undefined>): boolean {
  const digest = (text: string) => crypto.createHash("sha256").update(normal(text)).digest();
  return crypto.timingSafeEqual(digest(given), digest(setupCode(env)));
}
