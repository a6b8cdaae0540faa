import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "./password";
import { braked, throttleKeys } from "./throttle";

/** Who signed in: an actor before any door (the session re-reads it per request anyway). */
export type SignedInUser = Omit<Actor, "door"> & { sessionVersion: number };

// An unknown email costs the same bcrypt compare as a wrong password, so timing tells nothing.
let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => (dummyHash ??= hashPassword("no user has this password: timing only"));

/** Email and password to a user and their workspace, or null — never which of the two was wrong. */
export async function authenticate(email: string, password: string): Promise<SignedInUser | null> {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: {
      id: true,
      name: true,
      email: true,
      passwordHash: true,
      sessionVersion: true,
      memberships: { select: { workspaceId: true, role: true }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  });
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await unknownUserHash()));
  const membership = user?.memberships[0];
  if (!user || !membership || !passwordOk) return null;
  return {
    userId: user.id,
    workspaceId: membership.workspaceId,
    role: membership.role,
    name: user.name,
    email: user.email,
    sessionVersion: user.sessionVersion,
  };
}

/**
 * Sign-in with the brake on guessing: refused with SignInThrottledError ("try again in N s")
 * once the account or the address has failed too often lately; each failure is counted.
 */
export async function signInWithPassword(
  email: string,
  password: string,
  address: string | null,
  now: Date,
): Promise<SignedInUser | null> {
  return braked(throttleKeys(email, address), now, () => authenticate(email, password));
}
