import type { Metadata } from "next";
import Link from "next/link";
import { checkPasswordLink } from "@/lib/data/admin";
import { SetPasswordForm } from "./set-password-form";

// The link's secret is in the address: never send it on to another page as a referrer.
export const metadata: Metadata = { title: "Choose your password", referrer: "no-referrer", robots: { index: false } };

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  const link = await checkPasswordLink(token);
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <p className="mb-2 text-2xl font-bold text-brand">Continuum</p>
      <h1 className="mb-6 text-3xl font-bold">{link.ok && link.purpose === "RESET" ? "Choose a new password" : "Choose your password"}</h1>
      {link.ok ? (
        <>
          <p className="mb-6">
            Hello {link.name}. You will sign in to Continuum with <strong>{link.email}</strong> and this password.
          </p>
          <SetPasswordForm token={token} email={link.email} />
        </>
      ) : (
        <>
          <p role="alert" className="border-l-4 border-danger bg-white p-3">
            {link.message}
          </p>
          <p className="mt-6">
            <Link href="/login">Go to sign in</Link>
          </p>
        </>
      )}
    </main>
  );
}
