// The one wrapper every form's server action goes through (docs/decisions/0007-errors.md):
// read the form → check the session → validate with zod → call the data layer → typed result.
// On any refusal the result carries back everything that was typed, so the form shows it again.
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Ctx } from "@/lib/auth/context";
import { currentContext } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { formValues, type FormValues } from "./form-values";

export { formValues, type FormValues };

export type FormState<T = unknown> = {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: FormValues;
  data?: T;
  /** changes with every answer, so a form can re-render with the values sent back */
  answerId?: string;
};

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

export const SESSION_ENDED =
  "Your session has ended, so this was not saved. What you typed is still here: sign in again in a new tab, then come back and send it again.";

export async function handleForm<S extends z.ZodType, T>(
  formData: FormData,
  schema: S,
  run: (ctx: Ctx, input: z.infer<S>) => Promise<T>,
): Promise<FormState<T>> {
  const values = formValues(formData);
  const answerId = randomUUID();
  const ctx = await currentContext();
  if (!ctx) return { status: "error", message: SESSION_ENDED, values, answerId };
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    return { status: "error", message: "Check the answers marked below.", fieldErrors: fieldErrorsOf(parsed.error), values, answerId };
  }
  try {
    const data = await run(ctx, parsed.data);
    return { status: "ok", data, answerId };
  } catch (error) {
    if (isAppError(error)) {
      const fieldErrors = error.fieldErrors ? Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, v[0] ?? ""])) : undefined;
      return { status: "error", message: error.message, fieldErrors, values, answerId, data: error.details as T | undefined };
    }
    console.error(error);
    return { status: "error", message: "Sorry, that could not be saved because of a problem on our side. Nothing was lost: try again in a moment.", values, answerId };
  }
}
