"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="btn-link inline-flex min-h-6 min-w-6 items-center px-1 text-white! disabled:opacity-70"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/login?reason=signed-out-ok" });
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
