// Signed-out visitors are sent to the sign-in page before any page renders (a clean 307). Pages,
// actions and data functions still authorise every request themselves.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

export async function proxy(request: NextRequest) {
  // A form sent after the session ended must reach its server action, which answers "Your session has
  // ended" with everything typed (lib/actions/form.ts). Redirected here, the browser got an error page
  // and the typing was gone. Every action checks the session itself.
  if (request.method === "POST" && request.headers.has("next-action")) return NextResponse.next();
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const url = request.nextUrl.clone();
  const callbackUrl = request.nextUrl.pathname + request.nextUrl.search;
  url.pathname = "/login";
  url.search = callbackUrl && callbackUrl !== "/" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : "";
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!api/auth|api/health|login|set-password|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
