"use client";

import { useActionState } from "react";
import { Checkbox, SelectField, TextArea, TextField } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import { IDLE_STATE } from "@/lib/actions/idle";
import { requestTransitionAction } from "@/lib/actions/transitions";
import { ROLE_LABELS, type Role } from "@/lib/domain/roles";
import { CLOSURE_REASONS, type Target, type TransitionKind } from "@/lib/domain/transitions";

type Person = { id: string; name: string; role: Role };

export function RequestForm({
  caseId,
  to,
  kind,
  leadCandidates,
  reviewLabel,
  socialWorkers,
}: {
  caseId: string;
  to: Target;
  kind: TransitionKind;
  leadCandidates: Person[];
  reviewLabel: string;
  socialWorkers: Person[];
}) {
  const [state, action] = useActionState(requestTransitionAction, IDLE_STATE);
  return (
    <form action={action} key={state.answerId} className="space-y-6" noValidate>
      <FormErrors state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="to" value={to} />
      {kind === "CLOSURE" && (
        <SelectField
          name="closureReason"
          label="Reason for closure"
          hint="The DfE reason code, used in the CIN census"
          state={state}
          placeholder="Choose a reason"
          options={Object.entries(CLOSURE_REASONS).map(([code, label]) => ({ value: code, label: `${code}: ${label}` }))}
        />
      )}
      <TextArea
        name="reason"
        label={kind === "STEP_DOWN" ? "Rationale for stepping down" : kind === "CLOSURE" ? "Why the case can close" : "Why this is needed"}
        hint={kind === "STEP_DOWN" ? "What has changed, what support continues, and how you will know if things slip back" : "What the manager needs to make the decision"}
        state={state}
        rows={6}
      />
      {kind === "STEP_DOWN" && (
        <>
          <TextField name="reviewHeldOn" type="date" label={`Date of the ${reviewLabel} held before the step-down`} state={state} width="w-48" />
          <SelectField
            name="leadProfessionalId"
            label="Lead professional after the step-down"
            hint={to === "SUPPORT" || to === "EARLY_HELP" ? "Usually the family keyworker, who keeps working with the family" : "The social worker who will lead"}
            state={state}
            placeholder="Choose a worker"
            options={leadCandidates.map((p) => ({ value: p.id, label: `${p.name} — ${ROLE_LABELS[p.role]}` }))}
          />
          <Checkbox name="familyInformed" label="The family has been told about the step-down" state={state} />
        </>
      )}
      {kind === "STEP_UP" && socialWorkers.length > 0 && (
        <SelectField
          name="newWorkerId"
          label="Social worker you suggest (optional)"
          hint="The manager chooses when approving; caseload caps apply"
          state={state}
          placeholder="No suggestion"
          options={socialWorkers.map((p) => ({ value: p.id, label: `${p.name} — ${ROLE_LABELS[p.role]}` }))}
        />
      )}
      <SubmitButton pendingText="Sending…">Send to a manager</SubmitButton>
    </form>
  );
}
