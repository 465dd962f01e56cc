"use client";

import { useActionState } from "react";
import { Radios, SelectField, TextField, type Option } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import { saveChildIdentifiersAction } from "@/lib/actions/child-identifiers";
import { IDLE_STATE } from "@/lib/actions/idle";
import type { ChildIdentifiersForEdit, IdentifiersConflict } from "@/lib/data/child-identifiers";
import { CHILD_IDENTIFIER_FIELDS, CHILD_IDENTIFIER_LABELS, type ChildIdentifiers } from "@/lib/domain/child-identifiers";
import { formatDate } from "@/lib/domain/dates";
import { formatLondonDateTime } from "@/lib/domain/london-time";

const SEXES: Option[] = [
  { value: "F", label: "Female" },
  { value: "M", label: "Male" },
  { value: "U", label: "Not known", hint: "For example, an unborn baby" },
];

function shown(field: keyof ChildIdentifiers, values: ChildIdentifiers, ethnicities: Option[]): string {
  const v = values[field];
  if (!v) return "Not recorded";
  if (field === "dateOfBirth" || field === "expectedDateOfBirth") return formatDate(v);
  if (field === "sex") return SEXES.find((s) => s.value === v)?.label ?? v;
  if (field === "ethnicity") return ethnicities.find((e) => e.value === v)?.label ?? v;
  return v;
}

/** What someone else saved after this form was loaded, after a refused save. */
function TheirDetails({ conflict, ethnicities }: { conflict: IdentifiersConflict["conflict"]; ethnicities: Option[] }) {
  return (
    <section aria-labelledby="theirs-heading" className="border-l-4 border-warn bg-[#fff4e5] p-3">
      <h2 id="theirs-heading" className="font-semibold">
        Saved {conflict.savedBy ? `by ${conflict.savedBy}` : "by someone else"}
        {conflict.savedAt ? ` on ${formatLondonDateTime(conflict.savedAt)}` : ""}
      </h2>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {CHILD_IDENTIFIER_FIELDS.filter((f) => f !== "expectedDateOfBirth" || conflict.values.expectedDateOfBirth).map((f) => (
          <div key={f} className="contents">
            <dt className="text-muted">{CHILD_IDENTIFIER_LABELS[f]}</dt>
            <dd>{shown(f, conflict.values, ethnicities)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function IdentifiersForm({ child, ethnicities }: { child: ChildIdentifiersForEdit; ethnicities: Option[] }) {
  const [state, action] = useActionState(saveChildIdentifiersAction, IDLE_STATE);
  const conflict = (state.data as Partial<IdentifiersConflict> | undefined)?.conflict ?? null;
  const stored = child.values;
  const unborn = !stored.dateOfBirth;
  return (
    <form action={action} key={state.answerId} className="space-y-6" noValidate>
      <FormErrors state={state} />
      {conflict && <TheirDetails conflict={conflict} ethnicities={ethnicities} />}
      <input type="hidden" name="personId" value={child.personId} />
      {/* the version these answers build on: after a refused save, the newer one just shown */}
      <input type="hidden" name="version" value={conflict?.version ?? child.version} />
      <TextField
        name="dateOfBirth"
        type="date"
        label="Date of birth"
        hint={unborn ? "Leave empty until the baby is born. Entering it removes the expected date." : undefined}
        state={state}
        defaultValue={stored.dateOfBirth ?? ""}
        width="w-48"
      />
      {unborn && <TextField name="expectedDateOfBirth" type="date" label="Expected date of birth" state={state} defaultValue={stored.expectedDateOfBirth ?? ""} width="w-48" />}
      <Radios name="sex" legend="Sex" state={state} defaultValue={stored.sex} options={SEXES} inline />
      <SelectField
        name="ethnicity"
        label="Ethnicity"
        hint="As the child or their family describe it. Choose 'Information not yet obtained' if you do not know it yet, or 'Refused' if they chose not to say."
        state={state}
        defaultValue={stored.ethnicity ?? ""}
        placeholder="Choose the child's ethnicity"
        options={ethnicities}
      />
      <TextField
        name="upn"
        label="Unique pupil number (UPN)"
        hint="13 characters from the child's school records, like A123456789012. Leave it empty if the child has none: the returns then give the reason it is not known."
        state={state}
        defaultValue={stored.upn ?? ""}
        width="w-64"
      />
      <TextField
        name="laChildId"
        label="LA child id"
        hint={
          stored.laChildId
            ? "The council's identifier for the child, letters and digits. The census and SSDA903 know the child by it every year, so change it only to correct a mistake."
            : `Not recorded: the census and SSDA903 know the child as ${child.returnId}. Record the council's own id only if the child has not been in a return yet, or DfE will no longer link their years.`
        }
        state={state}
        defaultValue={stored.laChildId ?? ""}
        width="w-64"
      />
      <SubmitButton pendingText="Saving…" className="btn w-full sm:w-auto">
        Save the details
      </SubmitButton>
    </form>
  );
}
