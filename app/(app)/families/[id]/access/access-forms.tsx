"use client";

import { useActionState } from "react";
import { SelectField, TextArea } from "@/components/form/fields";
import { FormErrors, InlineError, SubmitButton } from "@/components/form/form-parts";
import { IDLE_STATE } from "@/lib/actions/idle";
import { decideAccessRequestAction, grantAccessAction, liftRestrictionAction, restrictAction, revokeAccessAction } from "@/lib/actions/restricted";

export function RestrictForm({ familyId }: { familyId: string }) {
  const [state, action] = useActionState(restrictAction, IDLE_STATE);
  return (
    <form action={action} key={state.answerId} className="space-y-4" noValidate>
      <FormErrors state={state} idPrefix="restrict-" />
      <input type="hidden" name="familyId" value={familyId} />
      <TextArea
        name="reason"
        idPrefix="restrict-"
        label="Why restrict these records"
        hint="For example: a parent works in children's services. It is kept in the records' history."
        state={state}
        rows={2}
      />
      <SubmitButton pendingText="Restricting…">Restrict these records</SubmitButton>
    </form>
  );
}

export function LiftForm({ familyId }: { familyId: string }) {
  const [state, action] = useActionState(liftRestrictionAction, IDLE_STATE);
  return (
    <form action={action} key={state.answerId} className="space-y-4" noValidate>
      <FormErrors state={state} idPrefix="lift-" />
      <input type="hidden" name="familyId" value={familyId} />
      <TextArea name="reason" idPrefix="lift-" label="Why lift the restriction" hint="Everyone who works on cases will be able to open these records again." state={state} rows={2} />
      <SubmitButton pendingText="Lifting…" className="btn-secondary">
        Lift the restriction
      </SubmitButton>
    </form>
  );
}

export function GrantForm({ familyId, candidates }: { familyId: string; candidates: { id: string; name: string; role: string; team: string | null }[] }) {
  const [state, action] = useActionState(grantAccessAction, IDLE_STATE);
  return (
    <form action={action} key={state.answerId} className="space-y-4" noValidate>
      <FormErrors state={state} idPrefix="grant-" />
      <input type="hidden" name="familyId" value={familyId} />
      <SelectField
        name="userId"
        idPrefix="grant-"
        label="Person"
        placeholder="Choose a person"
        state={state}
        options={candidates.map((c) => ({ value: c.id, label: `${c.name} (${c.role}${c.team ? `, ${c.team}` : ""})` }))}
        className="w-full sm:w-[32rem]"
      />
      <TextArea name="accessReason" idPrefix="grant-" label="Why they need these records" hint="For example: covering the duty rota this week" state={state} rows={2} />
      <SubmitButton pendingText="Adding…" className="btn-secondary">
        Let them open these records
      </SubmitButton>
    </form>
  );
}

export function RevokeButton({ familyId, userId, name }: { familyId: string; userId: string; name: string }) {
  const [state, action] = useActionState(revokeAccessAction, IDLE_STATE);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="familyId" value={familyId} />
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton pendingText="Removing…" className="btn-link">
        Remove<span className="sr-only"> {name}</span>
      </SubmitButton>
      <InlineError state={state} />
    </form>
  );
}

/** A worker's request to open the records: let them (they are named, with their reason) or decline with a note they read. */
export function DecideRequestForm({ familyId, requestId, name }: { familyId: string; requestId: string; name: string }) {
  const [state, action] = useActionState(decideAccessRequestAction, IDLE_STATE);
  const idPrefix = `request-${requestId}-`;
  return (
    <form action={action} key={state.answerId} className="mt-3 space-y-3" noValidate>
      <FormErrors state={state} idPrefix={idPrefix} />
      <input type="hidden" name="familyId" value={familyId} />
      <input type="hidden" name="requestId" value={requestId} />
      <TextArea name="note" idPrefix={idPrefix} label={`Note to ${name}`} hint="Needed to decline: say why, or what would change your answer." state={state} rows={2} />
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="decision" value="GRANT" pendingText="Saving…">
          Let {name} open these records
        </SubmitButton>
        <SubmitButton name="decision" value="DECLINE" pendingText="Saving…" className="btn-secondary">
          Decline
        </SubmitButton>
      </div>
    </form>
  );
}
