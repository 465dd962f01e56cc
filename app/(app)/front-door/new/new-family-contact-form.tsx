"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { Checkbox, Radios, TextArea, TextField, valueOf } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import type { FormState } from "@/lib/actions/form";
import { recordNewFamilyContactAction } from "@/lib/actions/front-door";
import { IDLE_STATE } from "@/lib/actions/idle";
import type { LikelyDuplicate } from "@/lib/data/duplicates";
import { formatDate } from "@/lib/domain/dates";
import { LEVEL_LABELS } from "@/lib/domain/roles";
import { MAX_NEW_CHILDREN } from "@/lib/domain/referral-codes";
import { ContactFields } from "../_components/contact-fields";

const SEX_OPTIONS = [
  { value: "F", label: "Female" },
  { value: "M", label: "Male" },
  { value: "U", label: "Not known" },
];

const CHILD_FIELDS = ["firstName", "lastName", "date", "sex", "unborn", "match", "newReason"];

/** "Child 2: Enter the child's first name" in the error summary. */
const errorLabels = Object.fromEntries(
  Array.from({ length: MAX_NEW_CHILDREN }, (_, i) => CHILD_FIELDS.map((f) => [`children.${i}.${f}`, `Child ${i + 1}`])).flat(),
);

/** Likely existing records for a child, shown before a new record can be made. */
function PossibleMatches({ index, matches, state }: { index: number; matches: LikelyDuplicate[]; state: FormState }) {
  const name = (field: string) => `children.${index}.${field}`;
  const restricted = matches.filter((m) => m.restricted);
  return (
    <div className="space-y-4 border-4 border-warn bg-white p-4">
      {restricted.length > 0 && (
        <p>
          <strong>A restricted record may match.</strong> {restricted[0]!.restricted} Do that before making a new record: the child may already be known.
        </p>
      )}
      <Radios
        name={name("match")}
        legend={`Child ${index + 1} may already be known`}
        hint="Use the existing record so the child's history stays in one place."
        state={state}
        options={[
          ...matches.filter((m) => !m.restricted).map((m) => ({
            value: m.id,
            label: `Use the existing record: ${m.name}, born ${formatDate(m.dateOfBirth)}`,
            hint: [m.laChildId, m.postcode, m.caseReference ? `${m.caseReference}${m.level ? ` (${LEVEL_LABELS[m.level]})` : ""}` : null, m.reasons.join(", ")].filter(Boolean).join(" · "),
          })),
          { value: "new", label: "None of these: this is a new child" },
        ]}
      />
      <TextArea name={name("newReason")} label="If it is a new child, why" hint="For example: different parents and school" state={state} rows={2} />
    </div>
  );
}

function ChildFields({ index, state, onRemove }: { index: number; state: FormState; onRemove?: () => void }) {
  const name = (field: string) => `children.${index}.${field}`;
  const matches = (state.data as { duplicates?: Record<number, LikelyDuplicate[]> } | undefined)?.duplicates?.[index];
  return (
    <fieldset className="space-y-4 border-l-4 border-line pl-4" aria-labelledby={`child-${index}-legend`}>
      <legend id={`child-${index}-legend`} className="mb-2 text-xl font-bold">
        Child {index + 1}
      </legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name={name("firstName")} label="First name" state={state} autoComplete="off" />
        <TextField name={name("lastName")} label="Last name" state={state} autoComplete="off" />
      </div>
      <TextField
        name={name("date")}
        type="date"
        label="Date of birth"
        hint="For a baby not born yet, enter the expected date and tick Not born yet."
        state={state}
        width="w-48"
      />
      <Checkbox name={name("unborn")} label="Not born yet (the date above is the expected date)" state={state} />
      <Radios name={name("sex")} legend="Sex" state={state} options={SEX_OPTIONS} inline />
      {matches && matches.length > 0 && <PossibleMatches index={index} matches={matches} state={state} />}
      {onRemove && (
        <button type="button" className="btn-link" onClick={onRemove}>
          Remove child {index + 1}
        </button>
      )}
    </fieldset>
  );
}

function NewFamilyFields({ state }: { state: FormState }) {
  const [count, setCount] = useState(() => Math.min(Math.max(Number(valueOf(state, "childCount")) || 1, 1), MAX_NEW_CHILDREN));
  const added = useRef(false);
  useEffect(() => {
    // after "Add another child", put the keyboard in the new child's first name
    if (added.current) document.getElementById(`children.${count - 1}.firstName`)?.focus();
    added.current = false;
  }, [count]);
  return (
    <>
      <input type="hidden" name="childCount" value={count} />
      <fieldset className="space-y-4">
        <legend className="mb-2 text-xl font-bold">The family</legend>
        <TextField name="familyName" label="Family name" hint="Usually the surname the family is known by, for example Smith." state={state} />
        <TextField name="address" label="Address (optional)" state={state} autoComplete="off" />
        <TextField name="postcode" label="Postcode (optional)" state={state} width="w-40" autoComplete="off" />
      </fieldset>
      {Array.from({ length: count }, (_, i) => (
        <ChildFields key={i} index={i} state={state} onRemove={i > 0 && i === count - 1 ? () => setCount(count - 1) : undefined} />
      ))}
      {count < MAX_NEW_CHILDREN && (
        <button
          type="button"
          className="btn-secondary"
          onClick={() => {
            added.current = true;
            setCount(count + 1);
          }}
        >
          Add another child
        </button>
      )}
    </>
  );
}

export function NewFamilyContactForm({ idempotencyKey, today }: { idempotencyKey: string; today: string }) {
  const [state, action] = useActionState(recordNewFamilyContactAction, IDLE_STATE);
  return (
    <form action={action} key={state.answerId} className="space-y-6" noValidate>
      <FormErrors state={state} labels={errorLabels} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <NewFamilyFields state={state} />
      <h2 className="pt-2 text-xl font-bold">The contact</h2>
      <ContactFields state={state} today={today} />
      <SubmitButton pendingText="Recording…">Record the contact</SubmitButton>
    </form>
  );
}
