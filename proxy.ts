import { NextResponse, type NextRequest } from "next/server";

// Optimistic redirect only: a request without a session cookie goes to the sign-in page.
// Every page, action and route still checks the session and role itself.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = new URL("/login", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") url.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/records/:path*", "/trash/:path*", "/segments/:path*", "/automations/:path*", "/audit/:path*", "/settings/:path*", "/"],
};
