import { NextResponse, type NextRequest } from "next/server";
import { MAX_BODY_BYTES } from "./lib/request-limits";
import { contentSecurityPolicy, newNonce } from "./lib/security-headers.mjs";
import { sameOrigin } from "./lib/same-origin";
import { isApiPath, isDashboardPath } from "./lib/universal/site-map";

// Before any page, action or route: (1) a request body over 1 MB is refused with 413, whether
// it declares its length or comes chunked; (2) a state-changing request whose Origin is not
// this site's — scheme, host and port of NEXTAUTH_URL, or what a trusted proxy reports — is
// refused with 403 (a server action, a no-JS multipart form post, a sign-in); (3) optimistic redirect only:
// a page request without a session cookie goes to the sign-in page. Every page, action and
// route still checks the session and role itself. The REST API answers (1) in its dialects.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

const refuse = (status: number, code: string, message: string) =>
  NextResponse.json({ error: { code, message } }, { status });

/** Whether the body is over the cap: its declared length, or — chunked — counted as it is read (Next buffers it for the proxy). */
async function bodyTooLarge(request: NextRequest): Promise<boolean> {
  const declared = request.headers.get("content-length");
  if (declared !== null) return Number(declared) > MAX_BODY_BYTES;
  const reader = request.body?.getReader();
  if (!reader) return false;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    bytes += value.byteLength;
    if (bytes > MAX_BODY_BYTES) {
      await reader.cancel();
      return true;
    }
  }
}

export async function proxy(request: NextRequest) {
  // One nonce per response: Next.js reads it from the request's policy and puts it on its scripts.
  const csp = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development" });
  const answer = await route(request, csp);
  answer.headers.set("Content-Security-Policy", csp);
  return answer;
}

async function route(request: NextRequest, csp: string): Promise<NextResponse> {
  const path = request.nextUrl.pathname;
  if (request.method !== "GET" && request.method !== "HEAD" && !isApiPath(path)) {
    if (!sameOrigin(request.headers)) return refuse(403, "FORBIDDEN", "This request did not come from this site.");
    if (await bodyTooLarge(request)) return refuse(413, "LIMIT_EXCEEDED", "The request body is over 1 MB.");
  }
  if (!isDashboardPath(path) || SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", csp);
    return NextResponse.next({ request: { headers } });
  }
  const url = new URL("/login", request.url);
  const target = path + request.nextUrl.search;
  if (target !== "/") url.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(url);
}

export const config = {
  // Everything but the build's static files, and the CSV import upload: Next would buffer its body
  // (up to 50 MB) in memory for the proxy; its route checks the origin and counts the bytes itself.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/app/imports/upload).*)"],
};
