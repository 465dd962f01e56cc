// Where a placement is when its carer or provider is not on the council's list: the SSDA903 postcode,
// URN and area, and the location the distance from home is worked out from. Shared by the move and
// start-of-care forms.
import { TextField } from "@/components/form/fields";
import type { FormState } from "@/lib/actions/form";

export function PlacementLocationFields({ idPrefix: p, state }: { idPrefix: string; state: FormState }) {
  return (
    <fieldset className="space-y-3">
      <legend className="font-semibold">Where the placement is, if the carer or provider is not on the list</legend>
      <p className="field-hint">A carer on the list is placed where the list says. Otherwise the SSDA903 return needs the postcode and the Ofsted URN, and distance from home needs the location.</p>
      <TextField name="placementPostcode" idPrefix={p} label="Placement postcode" autoComplete="off" state={state} width="w-40" />
      <TextField name="placementLatitude" idPrefix={p} label="Latitude (optional)" hint="From the council's address gazetteer, like 51.0688" state={state} width="w-40" />
      <TextField name="placementLongitude" idPrefix={p} label="Longitude (optional)" hint="Like -1.7945" state={state} width="w-40" />
      <TextField
        name="placementLaCode"
        idPrefix={p}
        label="Local authority it is in (optional)"
        hint="The 3-digit DfE code; left blank, this council. Outside England: WAL, SCO, NIR or NUK (outside the UK)"
        state={state}
        width="w-24"
      />
      <TextField name="urn" idPrefix={p} label="Ofsted URN (optional)" hint="Of the children's home, secure unit or other setting, like SC123456; none outside England" state={state} width="w-40" />
    </fieldset>
  );
}
