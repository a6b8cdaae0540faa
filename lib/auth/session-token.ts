import "server-only";
import { decode, getToken, type JWT } from "next-auth/jwt";

// Decoded session tokens by their text, in the order first decoded (the oldest goes first when full). A token is immutable and signed:
// while it has not expired, decoding the same text again gives the same claims. Decoding costs a
// key derivation and a decryption on every request of a signed-in browser.
const decoded = new Map<string, JWT>();
const KEEP = 1000;
/** jose's leeway when it checks a token's expiry (next-auth's decode). */
const CLOCK_TOLERANCE_MS = 15_000;

async function decodeOnce({ token, secret }: { token?: string; secret: string | Buffer }): Promise<JWT | null> {
  if (!token) return null;
  const known = decoded.get(token);
  if (known) {
    if (typeof known.exp === "number" && known.exp * 1000 + CLOCK_TOLERANCE_MS > Date.now()) return known;
    decoded.delete(token);
    return null;
  }
  const claims = await decode({ token, secret });
  if (!claims) return null;
  if (decoded.size >= KEEP) decoded.delete(decoded.keys().next().value!);
  decoded.set(token, claims);
  return claims;
}

/**
 * The claims of the request's session cookie, or null (none, tampered, expired, another secret).
 * Only the cookie counts: unlike next-auth's getToken alone, no "Authorization: Bearer" header is
 * read as a session. What getServerSession would do besides (run the callbacks, re-sign a token
 * that a server component could not set anyway) is left out.
 */
export function readSessionToken(cookies: Record<string, string>, secure: boolean): Promise<JWT | null> {
  return getToken({
    req: { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secureCookie: secure,
    secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET,
    decode: decodeOnce as Parameters<typeof getToken>[0]["decode"],
  });
}
