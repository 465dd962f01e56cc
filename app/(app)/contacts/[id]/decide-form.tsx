"use client";

import { useActionState, useState } from "react";
import { Radios, SelectField, TextArea, TextField, valueOf } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import type { FormState } from "@/lib/actions/form";
import { decideContactAction } from "@/lib/actions/front-door";
import { IDLE_STATE } from "@/lib/actions/idle";
import { formatDate } from "@/lib/domain/dates";
import { CONTACT_DECISION_HINTS, CONTACT_DECISION_LABELS, CONTACT_DECISIONS, PRIMARY_NEED_CODES, type ContactDecision } from "@/lib/domain/referral-codes";

type Props = {
  contactId: string;
  receivedOn: string;
  today: string;
  teams: { id: string; name: string }[];
  defaultTeamId: string | null;
  openCaseNote: string | null;
};

const DECISION_OPTIONS = CONTACT_DECISIONS.map((d) => ({ value: d, label: CONTACT_DECISION_LABELS[d], hint: CONTACT_DECISION_HINTS[d] }));
const NEED_OPTIONS = PRIMARY_NEED_CODES.map((n) => ({ value: n.code, label: `${n.label} (${n.code})` }));

function DecisionFields({ state, contactId, receivedOn, today, teams, defaultTeamId, openCaseNote }: Props & { state: FormState }) {
  const [decision, setDecision] = useState(valueOf(state, "decision") ?? "");
  const opensCase = decision === "EARLY_HELP" || decision === "SUPPORT" || decision === "REFERRAL";
  return (
    <>
      <input type="hidden" name="contactId" value={contactId} />
      <div
        onChange={(event) => {
          const input = event.target as HTMLInputElement;
          if (input.name === "decision") setDecision(input.value as ContactDecision);
        }}
      >
        <Radios name="decision" legend="Decision" state={state} options={DECISION_OPTIONS} />
      </div>
      {opensCase && (
        <SelectField
          name="teamId"
          label="Team that will hold the case"
          hint={openCaseNote ?? "A new case is opened for the family with this team. Allocate a worker from the case page."}
          state={state}
          defaultValue={defaultTeamId ?? undefined}
          placeholder="Choose a team"
          options={teams.map((t) => ({ value: t.id, label: t.name }))}
        />
      )}
      {decision === "REFERRAL" && (
        <SelectField
          name="primaryNeedCode"
          label="Primary need"
          hint="The main reason the children need social care services (CIN census primary need code)."
          state={state}
          placeholder="Choose the primary need"
          options={NEED_OPTIONS}
        />
      )}
      <TextField
        name="decisionOn"
        type="date"
        label="Decision date"
        hint={`On or after ${formatDate(receivedOn)}, the day the contact was received.`}
        state={state}
        defaultValue={today}
        width="w-48"
      />
      <TextArea name="note" label="Reasons for the decision" hint="What the decision rests on, and what happens next." state={state} rows={4} />
    </>
  );
}

export function DecideForm(props: Props) {
  const [state, action] = useActionState(decideContactAction, IDLE_STATE);
  return (
    <form action={action} key={state.answerId} className="space-y-6" noValidate>
      <FormErrors state={state} />
      <DecisionFields {...props} state={state} />
      <SubmitButton pendingText="Recording the decision…">Record the decision</SubmitButton>
    </form>
  );
}
