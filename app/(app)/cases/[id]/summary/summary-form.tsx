"use client";

import { useActionState, useEffect } from "react";
import { useDraft, type DraftFormProps, type RestoredDraft } from "@/components/form/draft";
import { TextArea, valueOf } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import { saveCaseSummaryAction } from "@/lib/actions/case-summary";
import type { FormState } from "@/lib/actions/form";
import type { SummaryConflict, SummaryVersion } from "@/lib/data/case-summary";
import { SAFETY_SCALE_HINT, SAFETY_SCALE_MAX, SAFETY_SCALE_MIN, SUMMARY_SECTIONS } from "@/lib/domain/case-summary";
import { formatLondonDateTime } from "@/lib/domain/london-time";
import { TileRadios } from "../_components/choice-tiles";
import { savedLine } from "../_components/summary-text";

const SCALE = Array.from({ length: SAFETY_SCALE_MAX - SAFETY_SCALE_MIN + 1 }, (_, i) => String(SAFETY_SCALE_MIN + i));

const same = (a: string | undefined, b: string) => (a ?? "").replace(/\r\n?/g, "\n").trim() === b.trim();

/** What the newer saved version says, shown beside the person's own text after a refused save. */
function Theirs({ conflict, title, children }: { conflict: SummaryVersion; title: string; children: React.ReactNode }) {
  return (
    <div className="border-l-4 border-warn bg-[#fff4e5] p-3">
      <p className="font-semibold">
        {title} in version {conflict.version}, saved by {conflict.savedBy}
      </p>
      {children}
    </div>
  );
}

type Props = { caseId: string; current: SummaryVersion | null };

/** The summary form, kept as a draft while it is typed, and restored from one (docs/decisions/0023-drafts.md). */
export function SummaryForm({ draft: restored, ...props }: Props & { draft: RestoredDraft | null }) {
  const draft = useDraft({ caseId: props.caseId, kind: "SUMMARY", restored });
  const { current } = props;
  // a draft typed against an older version is refused when sent, like any form left open: say so now
  const overtaken = draft.restored && current && (draft.restored.baseVersion ?? 0) < current.version ? current : null;
  return (
    <>
      {draft.notice}
      {overtaken && (
        <p className="mb-6 border-l-4 border-warn bg-white p-3">
          Since you typed it, {overtaken.savedBy} saved version {overtaken.version} ({formatLondonDateTime(overtaken.savedAt)}). When you save, theirs will be shown beside yours so you can
          bring in what you need.
        </p>
      )}
      <SummaryFields key={draft.generation} {...props} overtaken={Boolean(overtaken)} initial={draft.initialState} formProps={draft.formProps} onRefused={draft.resume} />
      {draft.status}
    </>
  );
}

function SummaryFields({
  caseId,
  current,
  overtaken,
  initial,
  formProps,
  onRefused,
}: Props & { overtaken: boolean; initial: FormState; formProps: DraftFormProps; onRefused: () => void }) {
  const [state, action] = useActionState(saveCaseSummaryAction, initial);
  useEffect(() => {
    if (state.status === "error") onRefused();
  }, [state, onRefused]);
  const conflict = (state.data as Partial<SummaryConflict> | undefined)?.conflict ?? null;
  const typed = (name: string) => {
    const v = state.values?.[name];
    return Array.isArray(v) ? v[0] : v;
  };
  return (
    <form action={action} key={state.answerId} {...formProps} className="space-y-8" noValidate>
      <FormErrors state={state} />
      {!conflict && !overtaken && current && <p className="text-muted">You are updating {savedLine(current).replace(/^Version/, "version")}.</p>}
      {conflict && (
        <p className="border-l-4 border-warn bg-white p-3">
          Version {conflict.version} was saved by {conflict.savedBy} on {formatLondonDateTime(conflict.savedAt)}. For each section, your text is in the box and
          theirs is beside it. When you save, yours becomes version {conflict.version + 1}.
        </p>
      )}
      <input type="hidden" name="caseId" value={caseId} />
      {/* the version this text builds on: after a refused save, the newer one just shown; in a restored draft, the one it was typed against */}
      <input type="hidden" name="baseVersion" value={conflict?.version ?? valueOf(state, "baseVersion") ?? current?.version ?? 0} />
      {SUMMARY_SECTIONS.map((s) => (
        <div key={s.key} className={conflict ? "grid items-start gap-4 lg:grid-cols-2" : undefined}>
          <TextArea name={s.key} label={s.label} hint={conflict ? "Your text, not saved yet." : s.hint} state={state} defaultValue={current?.[s.key]} rows={conflict ? 8 : 5} />
          {conflict && (
            <Theirs conflict={conflict} title={s.label}>
              {same(typed(s.key), conflict[s.key]) ? <p className="text-muted">The same as yours.</p> : <p className="whitespace-pre-line">{conflict[s.key]}</p>}
            </Theirs>
          )}
        </div>
      ))}
      <TileRadios
        name="safetyScale"
        legend="Safety scale"
        hint={SAFETY_SCALE_HINT}
        state={state}
        defaultValue={current ? String(current.safetyScale) : undefined}
        columns="grid-cols-4 sm:grid-cols-6 lg:grid-cols-11"
        compact
        options={SCALE.map((n) => ({ value: n, label: n }))}
        aside={
          conflict && (
            <div className="mt-3">
              <Theirs conflict={conflict} title="Safety scale">
                <p>{conflict.safetyScale}</p>
              </Theirs>
            </div>
          )
        }
      />
      <SubmitButton pendingText="Saving…" className="btn w-full sm:w-auto">
        Save the summary
      </SubmitButton>
    </form>
  );
}
