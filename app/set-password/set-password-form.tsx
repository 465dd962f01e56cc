"use client";

import { useActionState } from "react";
import { errorOf } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import { setPasswordAction } from "@/lib/actions/admin";
import { IDLE_STATE } from "@/lib/actions/idle";
import { PASSWORD_MIN_LENGTH } from "@/lib/domain/user-admin";

function PasswordField({ name, label, hint, error }: { name: string; label: string; hint?: string; error?: string }) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "border-l-4 border-danger pl-3" : ""}>
      <label htmlFor={name} className="field-label">
        {label}
      </label>
      {hint && (
        <span id={`${name}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${name}-error`} className="field-error">
          <span className="sr-only">Error: </span>
          {error}
        </span>
      )}
      <input id={name} name={name} type="password" autoComplete="new-password" spellCheck={false} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={`input ${error ? "input-error" : ""}`} />
    </div>
  );
}

/** Passwords are never sent back to the page: after a refusal both are typed again. */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, formAction] = useActionState(setPasswordAction, IDLE_STATE);
  return (
    <form action={formAction} key={state.answerId} className="space-y-5" noValidate>
      <FormErrors state={state} />
      <input type="hidden" name="token" value={token} />
      {/* for password managers: which account this password belongs to */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <PasswordField
        name="password"
        label="New password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Three random words, like "teapot river lantern", are easy to remember and hard to guess.`}
        error={errorOf(state, "password")}
      />
      <PasswordField name="confirm" label="Type it again" error={errorOf(state, "confirm")} />
      <SubmitButton>Save my password</SubmitButton>
    </form>
  );
}
