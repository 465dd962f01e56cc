"use client";

// Adding and changing a carer or provider, and putting a household on hold. What was typed comes back
// on a refusal.
import { useActionState } from "react";
import { Radios, SelectField, TextField, type Option } from "@/components/form/fields";
import { FormErrors, InlineError, SubmitButton } from "@/components/form/form-parts";
import { addCarerAction, setCarerOnHoldAction, updateCarerAction } from "@/lib/actions/placements";
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
      <TextField name="laCode" idPrefix={p} label="Local authority it is in" hint={LA_HINT} state={state} defaultValue={laCode} width="w-24" />
      <TextField name="usualWeeklyRate" idPrefix={p} label="Usual weekly rate (£)" state={state} width="w-32" />
      <TextField name="urn" idPrefix={p} label="Ofsted URN (optional)" state={state} width="w-40" />
      <SubmitButton>Add to the list</SubmitButton>
    </form>
  );
}

const LA_HINT = "The 3-digit DfE code (this council's is filled in); outside England, WAL, SCO, NIR or NUK (outside the UK)";

/** What the edit form starts with: the carer as stored, each field as typed text. */
export type CarerDefaults = {
  name: string;
  provider: string;
  approvedPlaces: string;
  ageFrom: string;
  ageTo: string;
  postcode: string;
  latitude: string;
  longitude: string;
  laCode: string;
  usualWeeklyRate: string;
  urn: string;
};

/**
 * Changes a carer or provider. Sent back with the version it was loaded at, so a save over someone
 * else's newer change is refused, keeping what was typed.
 */
export function EditCarerForm({
  carerId,
  version,
  household,
  currentChildren,
  providers,
  defaults,
}: {
  carerId: string;
  version: string;
  household: boolean;
  currentChildren: number;
  providers: Option[];
  defaults: CarerDefaults;
}) {
  const [state, formAction] = useActionState(updateCarerAction, IDLE_STATE);
  const p = "edit-";
  return (
    <form action={formAction} key={state.answerId} className="space-y-4" noValidate>
      <FormErrors state={state} idPrefix={p} />
      <input type="hidden" name="carerId" value={carerId} />
      <input type="hidden" name="version" value={version} />
      <TextField name="name" idPrefix={p} label="Name" state={state} defaultValue={defaults.name} />
      <SelectField name="provider" idPrefix={p} label="Provider" state={state} placeholder="Choose" options={providers} defaultValue={defaults.provider} />
      {household && (
        <fieldset className="space-y-3">
          <legend className="font-semibold">Its approval</legend>
          <TextField
            name="approvedPlaces"
            idPrefix={p}
            label="Children it is approved for"
            hint={`${currentChildren} ${currentChildren === 1 ? "child is" : "children are"} placed there now: it cannot go below that`}
            inputMode="numeric"
            state={state}
            defaultValue={defaults.approvedPlaces}
            width="w-24"
          />
          <TextField name="ageFrom" idPrefix={p} label="Youngest age" inputMode="numeric" state={state} defaultValue={defaults.ageFrom} width="w-24" />
          <TextField name="ageTo" idPrefix={p} label="Oldest age" inputMode="numeric" state={state} defaultValue={defaults.ageTo} width="w-24" />
        </fieldset>
      )}
      <fieldset className="space-y-3">
        <legend className="font-semibold">Where it is</legend>
        <p className="field-hint">For placements made from now on: children placed there keep the address their placement was recorded with. If a household moves house with a child, record a move for the child to the same household.</p>
        <TextField name="postcode" idPrefix={p} label="Postcode" autoComplete="postal-code" state={state} defaultValue={defaults.postcode} width="w-40" />
        <TextField name="latitude" idPrefix={p} label="Latitude" hint="From the council's address gazetteer, like 51.0688" state={state} defaultValue={defaults.latitude} width="w-40" />
        <TextField name="longitude" idPrefix={p} label="Longitude" hint="Like -1.7945" state={state} defaultValue={defaults.longitude} width="w-40" />
        <TextField name="laCode" idPrefix={p} label="Local authority it is in" hint={LA_HINT} state={state} defaultValue={defaults.laCode} width="w-24" />
      </fieldset>
      <TextField name="usualWeeklyRate" idPrefix={p} label="Usual weekly rate (£)" hint="For placements made from now on" state={state} defaultValue={defaults.usualWeeklyRate} width="w-32" />
      <TextField name="urn" idPrefix={p} label="Ofsted URN (optional)" state={state} defaultValue={defaults.urn} width="w-40" />
      <SubmitButton>Save changes</SubmitButton>
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
