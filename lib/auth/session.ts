import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { loadActor, type Actor } from "@/lib/actor";
import type { HeaderSource } from "@/lib/trusted-proxy";
import { authOptionsFor } from "./options";
import { readSessionToken } from "./session-token";

/** This request's headers; none outside a request (a script, a test calling a door directly). */
async function requestHeaders(): Promise<HeaderSource> {
  try {
    return await headers();
  } catch {
    return new Headers();
  }
}

/** This request's cookies by name; none outside a request. */
async function requestCookies(): Promise<Record<string, string>> {
  try {
    return Object.fromEntries((await cookies()).getAll().map((c) => [c.name, c.value]));
  } catch {
    return {};
  }
}

/**
 * The signed-in caller of a page or server action, re-read from the database; null if none.
 * Once per request: the layout and the page of one render share the decode and the read
 * (React's cache is per request; outside a render it calls through every time).
 */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const token = await readSessionToken(
    await requestCookies(),
    !!authOptionsFor(await requestHeaders()).useSecureCookies,
  );
  if (!token?.userId || !token.workspaceId) return null;
  // A token from before sessions had versions counts as version 0.
  return loadActor(token.userId, token.workspaceId, "UI", token.sessionVersion ?? 0);
});

/** For pages: the caller, or a redirect to the sign-in page. */
export async function requireActor(callbackUrl?: string): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login");
  return actor;
}
