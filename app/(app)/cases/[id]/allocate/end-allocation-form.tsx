"use client";

import { useActionState } from "react";
import { TextField } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import { endAllocationAction } from "@/lib/actions/allocations";
import { IDLE_STATE } from "@/lib/actions/idle";

export function EndAllocationForm({ caseId, allocationId, workerName, today }: { caseId: string; allocationId: string; workerName: string; today: string }) {
  const [state, action] = useActionState(endAllocationAction, IDLE_STATE);
  const prefix = `end-${allocationId}`;
  return (
    <details className="mt-2" open={state.status === "error"}>
      <summary className="cursor-pointer text-link underline">End {workerName}&apos;s allocation</summary>
      <form action={action} key={state.answerId} className="mt-3 space-y-4" noValidate>
        <FormErrors state={state} idPrefix={`${prefix}-`} />
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="allocationId" value={allocationId} />
        <EndFields prefix={prefix} state={state} today={today} />
        <SubmitButton className="btn-secondary" pendingText="Ending…">
          End allocation
        </SubmitButton>
      </form>
    </details>
  );
}

function EndFields({ prefix, state, today }: { prefix: string; state: Parameters<typeof TextField>[0]["state"]; today: string }) {
  // ids stay unique on a page with several of these forms; names stay what the action reads
  return (
    <div className="space-y-4">
      <TextField name="endDate" idPrefix={`${prefix}-`} type="date" label="End date" state={state} defaultValue={today} width="w-48" />
      <TextField name="reason" idPrefix={`${prefix}-`} label="Why it ended" hint="For example: worker left the team, caseload rebalanced" state={state} />
    </div>
  );
}
