"use client";

import { useActionState } from "react";
import { TextField } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import { setPasswordAction } from "@/lib/actions/admin";
import { IDLE_STATE } from "@/lib/actions/idle";
import { PASSWORD_MIN_LENGTH } from "@/lib/domain/user-admin";

/** Passwords are never sent back to the page: after a refusal both are typed again. */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, formAction] = useActionState(setPasswordAction, IDLE_STATE);
  return (
    <form action={formAction} key={state.answerId} className="space-y-5" noValidate>
      <FormErrors state={state} />
      <input type="hidden" name="token" value={token} />
      {/* for password managers: which account this password belongs to */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        name="password"
        type="password"
        autoComplete="new-password"
        label="New password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Three random words, like "teapot river lantern", are easy to remember and hard to guess.`}
        state={state}
      />
      <TextField name="confirm" type="password" autoComplete="new-password" label="Type it again" state={state} />
      <SubmitButton>Save my password</SubmitButton>
    </form>
  );
}
