"use client";

// Adding a carer or provider, and putting a household on hold. What was typed comes back on a refusal.
import { useActionState } from "react";
import { Radios, SelectField, TextField, type Option } from "@/components/form/fields";
import { FormErrors, InlineError, SubmitButton } from "@/components/form/form-parts";
import { addCarerAction, setCarerOnHoldAction } from "@/lib/actions/placements";
import { IDLE_STATE } from "@/lib/actions/idle";

export function AddCarerForm({ providers, laCode }: { providers: Option[]; laCode: string }) {
  const [state, formAction] = useActionState(addCarerAction, IDLE_STATE);
  const p = "carer-";
  return (
    <form action={formAction} key={state.answerId} className="mt-3 space-y-4" noValidate>
      <FormErrors state={state} idPrefix={p} />
      <Radios
        name="kind"
        idPrefix={p}
        legend="What kind of carer"
        state={state}
        options={[
          { value: "FOSTER_HOUSEHOLD", label: "In-house foster household" },
          { value: "FOSTERING_AGENCY", label: "Independent fostering agency" },
          { value: "RESIDENTIAL", label: "Children's home" },
        ]}
      />
      <TextField name="name" idPrefix={p} label="Name" hint="For a household, how workers know it, like The Okafor household" state={state} />
      <SelectField name="provider" idPrefix={p} label="Provider" state={state} placeholder="Choose" options={providers} />
      <fieldset className="space-y-3">
        <legend className="font-semibold">For a foster household: its approval</legend>
        <TextField name="approvedPlaces" idPrefix={p} label="Children it is approved for" inputMode="numeric" state={state} width="w-24" />
        <TextField name="ageFrom" idPrefix={p} label="Youngest age" inputMode="numeric" state={state} width="w-24" />
        <TextField name="ageTo" idPrefix={p} label="Oldest age" inputMode="numeric" state={state} width="w-24" />
      </fieldset>
      <TextField name="postcode" idPrefix={p} label="Postcode" autoComplete="postal-code" state={state} width="w-40" />
      <TextField name="latitude" idPrefix={p} label="Latitude" hint="From the council's address gazetteer, like 51.0688" inputMode="text" state={state} width="w-40" />
      <TextField name="longitude" idPrefix={p} label="Longitude" hint="Like -1.7945" inputMode="text" state={state} width="w-40" />
      <TextField name="laCode" idPrefix={p} label="Local authority it is in" hint="The 3-digit DfE code; this council's is already filled in" inputMode="numeric" state={state} defaultValue={laCode} width="w-24" />
      <TextField name="usualWeeklyRate" idPrefix={p} label="Usual weekly rate (£)" state={state} width="w-32" />
      <TextField name="urn" idPrefix={p} label="Ofsted URN (optional)" state={state} width="w-40" />
      <SubmitButton>Add to the list</SubmitButton>
    </form>
  );
}

export function OnHoldButton({ carerId, name, onHold }: { carerId: string; name: string; onHold: boolean }) {
  const [state, formAction] = useActionState(setCarerOnHoldAction, IDLE_STATE);
  const error = <InlineError state={state} />;
  if (onHold) {
    return (
      <form action={formAction}>
        <input type="hidden" name="carerId" value={carerId} />
        <input type="hidden" name="onHold" value="no" />
        <SubmitButton className="btn-secondary whitespace-nowrap" pendingText="Saving…">
          Take off hold<span className="sr-only">: {name}</span>
        </SubmitButton>
        {error}
      </form>
    );
  }
  // putting a household on hold stops new placements there: asked for with a reason, not one click
  return (
    <details className="min-w-48" open={state.status === "error" || undefined}>
      <summary className="btn-secondary cursor-pointer whitespace-nowrap">
        Put on hold<span className="sr-only">: {name}</span>
      </summary>
      <form action={formAction} className="mt-2 space-y-2" key={state.answerId}>
        <input type="hidden" name="carerId" value={carerId} />
        <input type="hidden" name="onHold" value="yes" />
        <label htmlFor={`hold-reason-${carerId}`} className="field-label">
          Why
        </label>
        <input id={`hold-reason-${carerId}`} name="reason" className="input" defaultValue={typeof state.values?.reason === "string" ? state.values.reason : undefined} />
        <SubmitButton className="btn-secondary whitespace-nowrap" pendingText="Saving…">
          Confirm: put {name} on hold
        </SubmitButton>
        {error}
      </form>
    </details>
  );
}
