import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptionsFor } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth with the options of this request (Secure cookies follow a trusted proxy's scheme).
function handler(request: NextRequest, context: Context) {
  return NextAuth(request, context, authOptionsFor(request.headers)) as Promise<Response>;
}

/** Sign-in posts its credentials; a GET of the callback is a 405 in the dashboard's JSON shape (next-auth throws a 500). */
export function GET(request: NextRequest, context: Context) {
  if (new URL(request.url).pathname.endsWith("/callback/credentials"))
    return Response.json(
      { error: { code: "METHOD_NOT_ALLOWED", message: "Sign in with POST." } },
      { status: 405, headers: { allow: "POST" } },
    );
  return handler(request, context);
}

export { handler as POST };
