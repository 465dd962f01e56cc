"use client";

import { useActionState, useEffect } from "react";
import { useDraft, type DraftFormProps, type RestoredDraft } from "@/components/form/draft";
import { Checkbox, errorOf, TextArea, TextField, valueOf } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import type { FormState } from "@/lib/actions/form";
import { recordVisitAction } from "@/lib/actions/visits";
import { SEEN_ANSWER_LABELS, SEEN_ANSWERS, VISIT_TYPE_LABELS, VISIT_TYPES } from "@/lib/domain/visits";
import { TileRadios } from "../../_components/choice-tiles";

type ChildOption = { id: string; name: string; age: number | null };

type Props = { caseId: string; idempotencyKey: string; childOptions: ChildOption[]; date: string; time: string };

/** The visit form, kept as a draft while it is typed, and restored from one (docs/decisions/0023-drafts.md). */
export function VisitForm({ draft: restored, ...props }: Props & { draft: RestoredDraft | null }) {
  const draft = useDraft({ caseId: props.caseId, kind: "VISIT", restored });
  return (
    <>
      {draft.notice}
      <VisitFields key={draft.generation} {...props} initial={draft.initialState} formProps={draft.formProps} onRefused={draft.resume} />
      {draft.status}
    </>
  );
}

function VisitFields({
  caseId,
  idempotencyKey,
  childOptions,
  date,
  time,
  initial,
  formProps,
  onRefused,
}: Props & { initial: FormState; formProps: DraftFormProps; onRefused: () => void }) {
  const [state, action] = useActionState(recordVisitAction, initial);
  useEffect(() => {
    if (state.status === "error") onRefused();
  }, [state, onRefused]);
  // the error summary names the child each "seen" answer is about
  const labels = Object.fromEntries(childOptions.map((c) => [`seen.${c.id}`, c.name]));
  const childrenError = errorOf(state, "children");
  // after "this form has already recorded a visit", saving again records a new visit under a new key
  const key = (state.data as { nextIdempotencyKey?: string } | undefined)?.nextIdempotencyKey ?? valueOf(state, "idempotencyKey", idempotencyKey);
  return (
    <form action={action} key={state.answerId} {...formProps} className="space-y-8" noValidate>
      <FormErrors state={state} labels={labels} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="idempotencyKey" value={key} />
      {childOptions.map((c) => (
        <input key={c.id} type="hidden" name="shownChildren[]" value={c.id} />
      ))}

      <fieldset>
        <legend className="field-label text-lg">When was the visit?</legend>
        <span className="field-hint">Filled in with now. Change it if you are logging a visit from earlier.</span>
        <div className="grid max-w-md grid-cols-2 gap-4">
          <TextField name="visitDate" type="date" label="Date" state={state} defaultValue={date} />
          <TextField name="visitTime" type="time" label="Time" state={state} defaultValue={time} />
        </div>
      </fieldset>

      <TileRadios
        name="type"
        legend="Type of visit"
        hint="For a child on a protection plan or looked after, only a home or statutory visit counts as their statutory visit."
        legendClassName="field-label text-lg"
        state={state}
        columns="grid-cols-2 sm:grid-cols-3"
        options={VISIT_TYPES.map((t) => ({ value: t, label: VISIT_TYPE_LABELS[t] }))}
      />

      {childOptions.length > 0 && (
        <fieldset id="children" className={childrenError ? "border-l-4 border-danger pl-3" : undefined} aria-describedby={childrenError ? "children-error children-hint" : "children-hint"}>
          <legend className="field-label text-lg">Which children did you see?</legend>
          <span id="children-hint" className="field-hint">
            For each child, say whether you saw them, and whether you saw them on their own.
          </span>
          {childrenError && (
            <span id="children-error" className="field-error">
              <span className="sr-only">Error: </span>
              {childrenError}
            </span>
          )}
          <div className="mt-3 space-y-5">
            {childOptions.map((c) => (
              <TileRadios
                key={c.id}
                name={`seen.${c.id}`}
                legend={c.age === null ? c.name : `${c.name}, ${c.age}`}
                state={state}
                columns="grid-cols-1 sm:grid-cols-3"
                options={SEEN_ANSWERS.map((a) => ({ value: a, label: SEEN_ANSWER_LABELS[a] }))}
              />
            ))}
          </div>
        </fieldset>
      )}

      <TextField name="othersPresent" label="Who else was there (optional)" hint="For example: Mum, Gran, the class teacher." state={state} />
      <TextArea
        name="note"
        label="Note"
        hint="Short and analytical: what you saw and heard, what it means for the children's safety, and what happens next."
        state={state}
        rows={5}
      />
      <TextArea name="wishesAndFeelings" label="The child's wishes and feelings (optional)" hint="In the child's own words where you can." state={state} rows={3} />
      <Checkbox
        name="significant"
        label="This was a significant visit"
        hint="Significant visits count as work with the family when checking for drift. Untick it if nothing of substance happened, for example nobody was in."
        state={state}
        defaultChecked
      />
      <SubmitButton pendingText="Saving…" className="btn w-full sm:w-auto">
        Save the visit
      </SubmitButton>
    </form>
  );
}
