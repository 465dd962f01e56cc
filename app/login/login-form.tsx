"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorSummary, type FieldError } from "@/components/error-summary";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [pending, setPending] = useState(false);

  const fieldError = (field: string) => errors.find((e) => e.field === field)?.message;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const problems: FieldError[] = [];
    if (!email.trim()) problems.push({ field: "email", message: "Enter your email address" });
    if (!password) problems.push({ field: "password", message: "Enter your password" });
    setErrors(problems);
    if (problems.length) return;
    setPending(true);
    try {
      const result = await signIn("credentials", { email: email.trim(), password, redirect: false });
      if (!result || result.error) {
        setErrors([{ field: "", message: result?.error && result.error !== "CredentialsSignin" ? result.error : "Sign-in did not work. Try again." }]);
        setPending(false);
        return;
      }
      // checked again here: only ever a page of Continuum (the page already passes a safe one)
      router.replace(safeCallbackUrl(callbackUrl));
      router.refresh();
    } catch {
      setErrors([{ field: "", message: "Continuum could not be reached. Check your connection and try again." }]);
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <ErrorSummary errors={errors} />
      {notice && errors.length === 0 && (
        <p role="status" className="border-l-4 border-brand bg-brand-light p-3">
          {notice}
        </p>
      )}
      <div>
        <label htmlFor="email" className="field-label">
          Email address
        </label>
        {fieldError("email") && (
          <p id="email-error" className="field-error">
            <span className="sr-only">Error: </span>
            {fieldError("email")}
          </p>
        )}
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={fieldError("email") ? true : undefined}
          aria-describedby={fieldError("email") ? "email-error" : undefined}
          className={`input ${fieldError("email") ? "input-error" : ""}`}
        />
      </div>
      <div>
        <label htmlFor="password" className="field-label">
          Password
        </label>
        {fieldError("password") && (
          <p id="password-error" className="field-error">
            <span className="sr-only">Error: </span>
            {fieldError("password")}
          </p>
        )}
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={fieldError("password") ? true : undefined}
          aria-describedby={fieldError("password") ? "password-error" : undefined}
          className={`input ${fieldError("password") ? "input-error" : ""}`}
        />
      </div>
      <button type="submit" className="btn" disabled={pending} aria-disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
