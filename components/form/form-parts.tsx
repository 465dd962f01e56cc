"use client";

import { useFormStatus } from "react-dom";
import { ErrorSummary } from "@/components/error-summary";
import type { FormState } from "@/lib/actions/form";

/** The error summary for a form's answer: the message, then a link to each field with a problem. */
export function FormErrors({ state, labels = {}, idPrefix = "" }: { state: FormState; labels?: Record<string, string>; idPrefix?: string }) {
  if (state.status !== "error") return null;
  const fields = Object.entries(state.fieldErrors ?? {});
  const errors = fields.length
    ? fields.map(([field, message]) => ({ field: field === "_form" ? "" : idPrefix + field, message: labels[field] ? `${labels[field]}: ${message}` : message }))
    : [{ field: "", message: state.message ?? "That did not work." }];
  return <ErrorSummary errors={errors} />;
}

/** The refusal of a one-button form (no fields to point at): said beside the button, read out at once. */
export function InlineError({ state }: { state: FormState }) {
  if (state.status !== "error") return null;
  const first = Object.values(state.fieldErrors ?? {})[0];
  return (
    <p role="alert" className="text-danger">
      {first ?? state.message}
    </p>
  );
}

/** Disabled while the form is being sent: a double tap sends once. */
export function SubmitButton({
  children,
  pendingText = "Saving…",
  className = "btn",
  name,
  value,
}: {
  children: React.ReactNode;
  pendingText?: string;
  className?: string;
  /** for a form with more than one answer: sent as name=value with the form */
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} className={className} disabled={pending} aria-disabled={pending}>
      {pending ? pendingText : children}
    </button>
  );
}
