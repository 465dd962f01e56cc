"use client";

import { useActionState } from "react";
import { Radios, SelectField, TextArea, TextField } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import { allocateAction } from "@/lib/actions/allocations";
import { IDLE_STATE } from "@/lib/actions/idle";
import type { Candidate } from "@/lib/data/allocations";
import { ROLE_LABELS } from "@/lib/domain/roles";

function optionLabel(c: Candidate): string {
  const load = c.cap === null ? `${c.load} ${c.unit}` : `${c.load} of ${c.cap} ${c.unit}`;
  return `${c.name} — ${ROLE_LABELS[c.role]}, ${c.teamName ?? "no team"} — ${load}${c.wouldExceed ? " (would go over cap)" : ""}`;
}

export function AllocateForm({ caseId, candidates, today, canOverride, hasLead }: { caseId: string; candidates: Candidate[]; today: string; canOverride: boolean; hasLead: boolean }) {
  const [state, action] = useActionState(allocateAction, IDLE_STATE);
  const refused = state.status === "error" && !state.fieldErrors;
  return (
    <form action={action} key={state.answerId} className="space-y-6" noValidate>
      <FormErrors state={state} />
      {refused && canOverride && (
        <p className="border-l-4 border-warn bg-white p-3">
          To allocate anyway, write why in <a href="#overrideReason">the reason for going over the cap</a> and send again. The override is recorded and
          flagged on the team page until the worker is back under their cap.
        </p>
      )}
      <input type="hidden" name="caseId" value={caseId} />
      <SelectField
        name="workerId"
        label="Worker"
        hint="Each worker's current load against their cap. Your team first."
        state={state}
        placeholder="Choose a worker"
        options={candidates.filter((c) => !c.alreadyAllocated).map((c) => ({ value: c.id, label: optionLabel(c) }))}
      />
      <Radios
        name="roleOnCase"
        legend="Role on the case"
        state={state}
        defaultValue={hasLead ? "CO_WORKER" : "LEAD"}
        options={[
          { value: "LEAD", label: "Lead", hint: hasLead ? "The case already has a lead: end their allocation first" : "The worker who holds the case" },
          { value: "CO_WORKER", label: "Co-worker", hint: "Works alongside the lead, for example the family keyworker after a step-up" },
          { value: "CLINICIAN", label: "Clinician", hint: "Family therapy or psychology alongside the allocated worker" },
        ]}
      />
      <TextField name="startDate" type="date" label="Start date" state={state} defaultValue={today} width="w-48" />
      {canOverride && (
        <TextArea
          name="overrideReason"
          label="Reason for going over the cap (only if needed)"
          hint="Leave empty unless you mean to allocate over the worker's cap. Say why nobody with room can take it."
          state={state}
          rows={3}
        />
      )}
      <SubmitButton pendingText="Allocating…">Allocate</SubmitButton>
    </form>
  );
}
