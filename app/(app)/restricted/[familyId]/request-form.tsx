"use client";

import { useActionState } from "react";
import { TextArea } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import { IDLE_STATE } from "@/lib/actions/idle";
import { requestAccessAction } from "@/lib/actions/restricted";

/** Asks the family's managers to open the records; the page then shows the request as waiting. */
export function RequestAccessForm({ familyId, again }: { familyId: string; again: boolean }) {
  const [state, action] = useActionState(requestAccessAction, IDLE_STATE);
  return (
    <form action={action} key={state.answerId} className="space-y-4" noValidate>
      <FormErrors state={state} />
      <input type="hidden" name="familyId" value={familyId} />
      <TextArea
        name="reason"
        label="Why you need these records"
        hint="For example: I am covering the duty rota and the family has called. The managers who decide read this, and it is kept in the records' history."
        state={state}
        rows={3}
      />
      <SubmitButton pendingText="Sending…">{again ? "Ask again" : "Ask for access"}</SubmitButton>
    </form>
  );
}
