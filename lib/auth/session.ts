// Reads the signed-in user's context for a page, action or route handler (server only). Signed-out
// requests are redirected early by proxy.ts; this still checks, because proxy is not a security boundary.
import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { loadSessionContext } from "@/lib/data/auth";
import { clientAddress } from "./client-address";
import type { Ctx } from "./context";
import { authOptions } from "./options";

async function clientIp(): Promise<string | undefined> {
  return clientAddress(await headers());
}

/** The context, or null when nobody is signed in (or the account was switched off). */
export const currentContext = cache(async (): Promise<Ctx | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.tenantId) return null;
  const ctx = await loadSessionContext(session.user.tenantId, session.user.id, new Date(session.signedInAt ?? 0), session.sessionId ?? "");
  return ctx ? { ...ctx, ip: await clientIp() } : null;
});

/** For pages: the context, or a redirect to sign in. */
export async function requireContext(): Promise<Ctx> {
  const ctx = await currentContext();
  if (!ctx) redirect("/login?reason=signed-out");
  return ctx;
}
