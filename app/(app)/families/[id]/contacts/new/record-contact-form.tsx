"use client";

import { useActionState } from "react";
import { Checkboxes } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import { recordFamilyContactAction } from "@/lib/actions/front-door";
import { IDLE_STATE } from "@/lib/actions/idle";
import { ContactFields } from "@/app/(app)/front-door/_components/contact-fields";

export type ChildOption = { id: string; name: string; born: string };

export function RecordContactForm({ familyId, idempotencyKey, childOptions, checked, today }: { familyId: string; idempotencyKey: string; childOptions: ChildOption[]; checked: string[]; today: string }) {
  const [state, action] = useActionState(recordFamilyContactAction, IDLE_STATE);
  return (
    <form action={action} key={state.answerId} className="space-y-6" noValidate>
      <FormErrors state={state} />
      <input type="hidden" name="familyId" value={familyId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <Checkboxes
        name="childIds"
        legend="Which children is the contact about?"
        hint="Choose every child the worry is about."
        state={state}
        defaultValues={checked}
        options={childOptions.map((c) => ({ value: c.id, label: c.name, hint: c.born }))}
      />
      <ContactFields state={state} today={today} />
      <SubmitButton pendingText="Recording…">Record the contact</SubmitButton>
    </form>
  );
}
