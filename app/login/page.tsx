import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { homePath } from "@/lib/auth/permissions";
import { currentContext } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  "signed-out": "Your session has ended. Sign in again to carry on.",
  "signed-out-ok": "You have signed out.",
  "password-set": "Your password is set. Sign in with your email address and your new password.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const ctx = await currentContext();
  if (ctx) redirect(homePath(ctx.role));
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <p className="mb-2 text-2xl font-bold text-brand">Continuum</p>
      <h1 className="mb-6 text-3xl font-bold">Sign in</h1>
      <LoginForm callbackUrl={safeCallbackUrl(params.callbackUrl)} notice={params.reason ? NOTICES[params.reason] : undefined} />
      <p className="mt-8 text-sm text-muted">Forgotten your password or locked out? Ask your council&apos;s Continuum administrator.</p>
    </main>
  );
}
