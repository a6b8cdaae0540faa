import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { safeRedirect } from "@/lib/universal/callback-url";
import { clientAddress } from "./address";
import { signInWithPassword } from "./credentials";

const credentialsSchema = z.object({ email: z.string().trim().email().max(320), password: z.string().min(1).max(200) });

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
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
          clientAddress((name) => req?.headers?.[name]),
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
