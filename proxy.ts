import { NextResponse, type NextRequest } from "next/server";
import { MAX_BODY_BYTES } from "./lib/request-limits";
import { isApiPath, isDashboardPath } from "./lib/universal/site-map";

// Before any page, action or route: (1) a request body over 1 MB is refused with 413;
// (2) a server action whose Origin is not this site (null, foreign, malformed) is refused
// with 403 — Next.js would refuse it too, but as a 500; (3) optimistic redirect only: a page
// request without a session cookie goes to the sign-in page. Every page, action and route
// still checks the session and role itself.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

const refuse = (status: number, code: string, message: string) =>
  NextResponse.json({ error: { code, message } }, { status });

/** The request's own origin, as the browser addressed it (Host, or the proxy's X-Forwarded-Host). */
function ownHost(request: NextRequest): string | null {
  return request.headers.get("x-forwarded-host")?.split(",")[0]!.trim() || request.headers.get("host");
}

function sameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true; // Not a browser's cross-site request (browsers always send Origin on POST).
  try {
    return new URL(origin).host === ownHost(request);
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    const length = Number(request.headers.get("content-length") ?? 0);
    // The public API answers an oversized body itself, in each dialect's own error shape.
    if (length > MAX_BODY_BYTES && !isApiPath(request.nextUrl.pathname))
      return refuse(413, "LIMIT_EXCEEDED", "The request body is over 1 MB.");
    if (request.headers.has("next-action") && !sameOrigin(request))
      return refuse(403, "FORBIDDEN", "This request did not come from this site.");
  }
  const path = request.nextUrl.pathname;
  if (!isDashboardPath(path) || SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = new URL("/login", request.url);
  const target = path + request.nextUrl.search;
  if (target !== "/") url.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(url);
}

export const config = {
  // Everything but the build's static files.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
