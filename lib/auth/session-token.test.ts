import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SESSION_MAX_AGE_SECONDS } from "./options";
import { readSessionToken } from "./session-token";

const SECRET = "session-token-test-secret-0123456789";
const claims = {
  userId: "u1",
  workspaceId: "w1",
  role: "MEMBER" as const,
  sessionVersion: 3,
  name: "Maya",
  email: "m@x.io",
};
// As sign-in writes it: next-auth's own encoding, with the app's session length.
const signedIn = (maxAge = SESSION_MAX_AGE_SECONDS, secret = SECRET) => encode({ token: claims, secret, maxAge });

beforeEach(() => vi.stubEnv("NEXTAUTH_SECRET", SECRET));
afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe("readSessionToken (who a page, action or JSON read is from)", () => {
  it("reads the claims sign-in wrote, from the cookie of the request's scheme only", async () => {
    const token = await signedIn();
    expect(await readSessionToken({ "next-auth.session-token": token }, false)).toMatchObject(claims);
    expect(await readSessionToken({ "__Secure-next-auth.session-token": token }, true)).toMatchObject(claims);
    // Read twice (the second from what the first decoded): the same claims.
    expect(await readSessionToken({ "next-auth.session-token": token }, false)).toMatchObject(claims);
    expect(await readSessionToken({ "next-auth.session-token": token }, true)).toBeNull();
    expect(await readSessionToken({ "__Secure-next-auth.session-token": token }, false)).toBeNull();
    expect(await readSessionToken({}, false)).toBeNull();
  });

  it("refuses a token signed with another secret, altered, or not a token at all", async () => {
    const foreign = await signedIn(SESSION_MAX_AGE_SECONDS, "another-installation-secret-0123456789");
    expect(await readSessionToken({ "next-auth.session-token": foreign }, false)).toBeNull();
    const token = await signedIn();
    const altered = token.slice(0, -6) + (token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    expect(await readSessionToken({ "next-auth.session-token": altered }, false)).toBeNull();
    expect(await readSessionToken({ "next-auth.session-token": "not-a-token" }, false)).toBeNull();
  });

  it("refuses an expired token, also one it has read before it expired", async () => {
    expect(await readSessionToken({ "next-auth.session-token": await signedIn(-60) }, false)).toBeNull();
    const token = await signedIn(60);
    expect(await readSessionToken({ "next-auth.session-token": token }, false)).toMatchObject(claims);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 60_000 + 16_000 });
    expect(await readSessionToken({ "next-auth.session-token": token }, false)).toBeNull();
    // Still refused on the next request (it is not kept once found expired).
    expect(await readSessionToken({ "next-auth.session-token": token }, false)).toBeNull();
  });
});
