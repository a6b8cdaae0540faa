import "server-only";
import { cookies } from "next/headers";
import { decode, encode, type JWT } from "next-auth/jwt";
import { SESSION_MAX_AGE_SECONDS } from "./options";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * Re-signs the caller's own session token with a change (a new session version after "sign out
 * everywhere", another workspace), so this browser stays signed in while older tokens stop
 * working. Does nothing outside a request or without a session cookie.
 */
export async function reissueSession(patch: Partial<JWT>): Promise<void> {
  const secret = process.env.NEXTAUTH_SECRET;
  let store: Awaited<ReturnType<typeof cookies>>;
  try {
    store = await cookies();
  } catch {
    return;
  }
  const name = SESSION_COOKIES.find((n) => store.get(n));
  if (!name || !secret) return;
  const token = await decode({ token: store.get(name)!.value, secret });
  if (!token) return;
  const value = await encode({ token: { ...token, ...patch }, secret, maxAge: SESSION_MAX_AGE_SECONDS });
  store.set(name, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
