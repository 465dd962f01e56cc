// The details every contact has: when it came in, who from, and why. Shared by the two ways of
// recording one (about a known family, or about a family not yet known).
import { SelectField, TextArea, TextField } from "@/components/form/fields";
import type { FormState } from "@/lib/actions/form";
import { REFERRAL_SOURCES } from "@/lib/domain/referral-codes";

const SOURCE_OPTIONS = REFERRAL_SOURCES.map((s) => ({ value: s.code, label: `${s.label} (${s.code})` }));

export function ContactFields({ state, today }: { state: FormState; today: string }) {
  return (
    <>
      <TextField name="receivedOn" type="date" label="Date the contact was received" state={state} defaultValue={today} width="w-48" />
      <SelectField
        name="source"
        label="Who the contact came from"
        hint="The CIN census referral source. Choose Unknown if nobody knows."
        state={state}
        placeholder="Choose who the contact came from"
        options={SOURCE_OPTIONS}
      />
      <TextArea
        name="reason"
        label="Reason for the contact"
        hint="What was said, by whom, and what worries them. Keep to the facts: the decision is recorded separately."
        state={state}
        rows={5}
      />
    </>
  );
}
