"use client";

import { useActionState } from "react";
import { SelectField, TextArea, TextField } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import { IDLE_STATE } from "@/lib/actions/idle";
import { decideTransitionAction } from "@/lib/actions/transitions";
import { ROLE_LABELS, type Role } from "@/lib/domain/roles";

type SocialWorker = { id: string; name: string; role: Role; load: number; cap: number | null; wouldExceed: boolean };

export function ApproveForm({ transitionId, today, socialWorkers, proposedWorkerId, canOverride }: { transitionId: string; today: string; socialWorkers: SocialWorker[]; proposedWorkerId: string | null; canOverride: boolean }) {
  const [state, action] = useActionState(decideTransitionAction, IDLE_STATE);
  // refused because someone would go over their cap (the refusal carries the cap and who has room)
  const overCap = state.status === "error" && typeof state.data === "object" && state.data !== null && "withRoom" in state.data;
  return (
    <form action={action} key={state.answerId} className="space-y-5" noValidate>
      <FormErrors state={state} idPrefix="approve-" />
      <input type="hidden" name="transitionId" value={transitionId} />
      <input type="hidden" name="decision" value="APPROVE" />
      {socialWorkers.length > 0 && (
        <SelectField
          name="newWorkerId"
          idPrefix="approve-"
          label="Social worker to allocate"
          hint="Their current load against their cap"
          state={state}
          defaultValue={proposedWorkerId ?? undefined}
          placeholder="Choose a social worker"
          options={socialWorkers.map((w) => ({
            value: w.id,
            label: `${w.name} — ${ROLE_LABELS[w.role]} — ${w.cap === null ? w.load : `${w.load} of ${w.cap}`}${w.wouldExceed ? " (would go over cap)" : ""}`,
          }))}
        />
      )}
      {/* a step-up allocates a social worker; a step-down can allocate its lead: either may be refused over a cap */}
      {canOverride && (socialWorkers.length > 0 || overCap) && (
        <TextArea name="overrideReason" idPrefix="approve-" label="Reason for going over the cap (only if needed)" state={state} rows={2} />
      )}
      <TextField name="effectiveOn" idPrefix="approve-" type="date" label="Takes effect on" state={state} defaultValue={today} width="w-48" />
      <TextArea name="comment" idPrefix="approve-" label="Comment (optional)" state={state} rows={3} />
      <SubmitButton pendingText="Approving…">Approve</SubmitButton>
    </form>
  );
}

export function RejectForm({ transitionId }: { transitionId: string }) {
  const [state, action] = useActionState(decideTransitionAction, IDLE_STATE);
  return (
    <form action={action} key={state.answerId} className="space-y-5" noValidate>
      <FormErrors state={state} idPrefix="reject-" />
      <input type="hidden" name="transitionId" value={transitionId} />
      <input type="hidden" name="decision" value="REJECT" />
      <TextArea name="comment" idPrefix="reject-" label="Why you are rejecting it" hint="The practitioner will read this" state={state} rows={3} />
      <SubmitButton className="btn-secondary" pendingText="Rejecting…">
        Reject
      </SubmitButton>
    </form>
  );
}
