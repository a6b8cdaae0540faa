import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { nodeHeaders, requestSource, type HeaderSource } from "@/lib/trusted-proxy";
import { safeRedirect } from "@/lib/universal/callback-url";
import { signInWithPassword } from "./credentials";

const credentialsSchema = z.object({ email: z.string().trim().email().max(320), password: z.string().min(1).max(200) });

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  // Secure (and __Secure-/__Host- prefixed) cookies when NEXTAUTH_URL is https; per request, see authOptionsFor.
  useSecureCookies: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // A throw (too many failures) reaches the login form as its message: "Try again in N s".
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await signInWithPassword(
          parsed.data.email,
          parsed.data.password,
          requestSource(nodeHeaders(req?.headers)).address,
          new Date(),
        );
        if (!user) return null;
        return {
          id: user.userId,
          name: user.name,
          email: user.email,
          workspaceId: user.workspaceId,
          role: user.role,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    // Only same-origin paths are followed after sign-in (lib/universal/callback-url.ts).
    redirect({ url, baseUrl }) {
      return safeRedirect(url, baseUrl);
    },
    // The token carries who and where; the role in it is for display only — every
    // request re-reads the membership (lib/actor.ts).
    jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.workspaceId = user.workspaceId;
        token.role = user.role;
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.userId,
        workspaceId: token.workspaceId,
        role: token.role,
        sessionVersion: token.sessionVersion ?? 0,
      };
      return session;
    },
  },
};

/**
 * The options for one request: cookies are Secure when NEXTAUTH_URL is https or when a trusted
 * proxy reports that the browser used https (TRUSTED_PROXIES, lib/trusted-proxy.ts) — the
 * cookie names follow, so a session set over https is read back under the same name.
 */
export function authOptionsFor(headers: HeaderSource): NextAuthOptions {
  const secure = authOptions.useSecureCookies || requestSource(headers).protocol === "https";
  return secure === authOptions.useSecureCookies ? authOptions : { ...authOptions, useSecureCookies: secure };
}
