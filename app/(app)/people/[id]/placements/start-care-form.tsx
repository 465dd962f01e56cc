"use client";

// Recording that a child became looked after, with their first placement: a carer chosen in Find a
// placement comes filled in (its provider, usual weekly cost and usual placement type), with the home
// the search measured from; everything typed comes back on a refusal.
import { useActionState } from "react";
import { Checkbox, SelectField, TextField, type Option } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import { IDLE_STATE } from "@/lib/actions/idle";
import { PlacementLocationFields } from "./placement-location-fields";
import { startCareAction } from "@/lib/actions/placements";
import type { CarerOption } from "./move-form";

export function StartCareForm({
  personId,
  today,
  cases,
  legalStatuses,
  needs,
  carers,
  places,
  providers,
  chosen,
  fromSearch,
  home,
}: {
  personId: string;
  today: string;
  cases: Option[];
  legalStatuses: Option[];
  needs: Option[];
  carers: CarerOption[];
  places: Option[];
  providers: Option[];
  chosen?: CarerOption;
  /** the carer was chosen from the in-house households with a vacancy */
  fromSearch: boolean;
  /** where the search measured from: the child's home, when known */
  home: { latitude: number; longitude: number } | null;
}) {
  const [state, formAction] = useActionState(startCareAction, IDLE_STATE);
  const p = "start-";
  return (
    // a carer chosen in Find a placement starts the form afresh with their details
    <form action={formAction} key={`${state.answerId ?? ""}-${chosen?.value ?? ""}`} className="mt-3 space-y-4" noValidate>
      <FormErrors state={state} idPrefix={p} />
      <input type="hidden" name="personId" value={personId} />
      {cases.length === 1 ? (
        <input type="hidden" name="caseId" value={cases[0]!.value} />
      ) : (
        <SelectField name="caseId" idPrefix={p} label="Case" state={state} options={cases} defaultValue={cases[0]?.value} />
      )}
      <TextField name="startDate" idPrefix={p} type="date" label="Became looked after on" state={state} defaultValue={today} width="w-48" />
      <SelectField name="legalStatus" idPrefix={p} label="Legal status" state={state} placeholder="Choose" options={legalStatuses} />
      <SelectField name="categoryOfNeed" idPrefix={p} label="Category of need" state={state} placeholder="Choose" options={needs} />
      <SelectField name="carerId" idPrefix={p} label="Carer or provider" hint="Leave as none for a placement with no carer on the list" state={state} placeholder="None on the list" options={carers} defaultValue={chosen?.value} />
      <PlacementLocationFields idPrefix={p} state={state} />
      <SelectField name="place" idPrefix={p} label="Placement type" state={state} placeholder="Choose" options={places} defaultValue={chosen?.place ?? undefined} />
      <SelectField name="provider" idPrefix={p} label="Provider" hint="Left as Choose with a carer chosen, the carer's own; none for temporary placements (T0–T3)" state={state} placeholder="Choose" options={providers} defaultValue={chosen?.provider} />
      <TextField name="weeklyCost" idPrefix={p} label="Weekly cost (£)" hint="Left blank, the carer's usual rate" state={state} defaultValue={chosen?.rate === null || chosen?.rate === undefined ? "" : String(chosen.rate)} width="w-32" />
      <fieldset className="space-y-3">
        <legend className="font-semibold">Where the child&apos;s home is</legend>
        <p className="field-hint">For the SSDA903 home postcode, and the distance of each placement from home.</p>
        <TextField name="homePostcode" idPrefix={p} label="Home postcode (optional)" autoComplete="off" state={state} width="w-40" />
        <TextField name="homeLatitude" idPrefix={p} label="Home latitude (optional)" hint="Like 51.0688" state={state} defaultValue={home ? String(home.latitude) : undefined} width="w-40" />
        <TextField name="homeLongitude" idPrefix={p} label="Home longitude (optional)" hint="Like -1.7945" state={state} defaultValue={home ? String(home.longitude) : undefined} width="w-40" />
      </fieldset>
      <Checkbox name="avoidedAgency" idPrefix={p} label="This in-house placement was found instead of an agency one" state={state} defaultChecked={fromSearch} />
      <SubmitButton pendingText="Recording…">Record that the child is looked after</SubmitButton>
    </form>
  );
}
