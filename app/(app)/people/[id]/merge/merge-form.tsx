"use client";

import { useActionState } from "react";
import { TextArea } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import { IDLE_STATE } from "@/lib/actions/idle";
import { mergeAction } from "@/lib/actions/merge";
import type { MergeRefusal } from "@/lib/domain/merge-conflicts";
import { MergeConflicts } from "./merge-conflicts";

export function MergeForm({ survivorId, mergedId, mergedName, survivorName }: { survivorId: string; mergedId: string; mergedName: string; survivorName: string }) {
  const [state, action] = useActionState(mergeAction, IDLE_STATE);
  // refused because the records hold plans, care or referrals for the same dates (an overlap recorded after the page opened)
  const refusal = state.status === "error" ? ((state.data as Partial<MergeRefusal> | undefined)?.conflicts ? (state.data as MergeRefusal) : null) : null;
  return (
    <form action={action} key={state.answerId} className="space-y-5" noValidate>
      {refusal ? <MergeConflicts refusal={refusal} refused /> : <FormErrors state={state} />}
      <input type="hidden" name="survivorId" value={survivorId} />
      <input type="hidden" name="mergedId" value={mergedId} />
      <TextArea
        name="reason"
        label="Why these are the same person"
        hint="For example: same date of birth and address; mother confirmed; school records match"
        state={state}
        rows={3}
      />
      <p className="border-l-4 border-warn bg-white p-3">
        Everything recorded against {mergedName} moves to {survivorName}. {mergedName}&apos;s record stays, marked as merged, and its links lead here. This cannot be
        undone by you; it is recorded for review.
      </p>
      <SubmitButton pendingText="Merging…">Merge the records</SubmitButton>
    </form>
  );
}
