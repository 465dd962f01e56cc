"use client";

// Moving a looked-after child to a new placement. A carer chosen in Find a placement comes filled
// in with their provider and usual weekly cost (left blank, the server uses the carer's); everything
// typed comes back on a refusal.
import { useActionState } from "react";
import { Checkbox, Radios, SelectField, TextField, type Option } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import { moveChildAction } from "@/lib/actions/placements";
import { IDLE_STATE } from "@/lib/actions/idle";
import { PlacementLocationFields } from "./placement-location-fields";

export type CarerOption = { value: string; label: string; provider: string; rate: number | null; place: string | null };

export function MoveForm({
  personId,
  today,
  carers,
  places,
  providers,
  reasons,
  legalStatuses,
  currentLegalStatus,
  chosen,
  fromSearch,
}: {
  personId: string;
  today: string;
  carers: CarerOption[];
  places: Option[];
  providers: Option[];
  reasons: Option[];
  legalStatuses: Option[];
  /** the current legal status, code and label */
  currentLegalStatus: string;
  chosen?: CarerOption;
  fromSearch: boolean;
}) {
  const [state, formAction] = useActionState(moveChildAction, IDLE_STATE);
  const carer = chosen;
  const p = "move-";
  return (
    // a carer chosen in Find a placement starts the form afresh with their details
    <form action={formAction} key={`${state.answerId ?? ""}-${carer?.value ?? ""}`} className="mt-3 space-y-4" noValidate>
      <FormErrors state={state} idPrefix={p} />
      <input type="hidden" name="personId" value={personId} />
      <TextField name="date" idPrefix={p} type="date" label="Moved on" state={state} defaultValue={today} width="w-48" />
      <SelectField name="carerId" idPrefix={p} label="Carer or provider" hint="Leave as none for a placement with no carer on the list" state={state} placeholder="None on the list" options={carers} defaultValue={carer?.value} />
      <PlacementLocationFields idPrefix={p} state={state} />
      <SelectField name="placeType" idPrefix={p} label="Placement type" state={state} placeholder="Choose" options={places} defaultValue={carer?.place ?? undefined} />
      <SelectField name="provider" idPrefix={p} label="Provider" hint="Left as Choose, the carer's own" state={state} placeholder="Choose" options={providers} defaultValue={carer?.provider} />
      <TextField name="weeklyCost" idPrefix={p} label="Weekly cost (£)" hint="Left blank, the carer's usual rate" state={state} defaultValue={carer?.rate === null || carer?.rate === undefined ? "" : String(carer.rate)} width="w-32" />
      <SelectField
        name="legalStatus"
        idPrefix={p}
        label="Legal status from the move (if it changes that day)"
        hint={`Now ${currentLegalStatus}. A new order the same day makes one new episode with the move.`}
        state={state}
        placeholder="No change"
        options={legalStatuses}
      />
      <SelectField name="reasonPlaceChange" idPrefix={p} label="Why the current placement is ending" state={state} placeholder="Choose" options={reasons} />
      <Radios
        name="endPlanned"
        idPrefix={p}
        legend="Was the move planned?"
        state={state}
        inline
        options={[
          { value: "yes", label: "Planned" },
          { value: "no", label: "Unplanned" },
        ]}
      />
      <Checkbox name="avoidedAgency" idPrefix={p} label="This in-house placement was found instead of an agency one" state={state} defaultChecked={fromSearch} />
      <SubmitButton pendingText="Moving…">Move the child</SubmitButton>
    </form>
  );
}
