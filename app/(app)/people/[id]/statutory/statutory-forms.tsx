"use client";

// The forms of a child's statutory record. Each is small, keeps what was typed on a refusal, and has
// ids prefixed so that several can sit on one page.
import { useActionState } from "react";
import { Checkbox, Checkboxes, Radios, SelectField, TextArea, TextField, type Option } from "@/components/form/fields";
import { FormErrors, SubmitButton } from "@/components/form/form-parts";
import type { FormState } from "@/lib/actions/form";
import { IDLE_STATE } from "@/lib/actions/idle";
import * as actions from "@/lib/actions/statutory";
import { PRIMARY_NEED_CODES, REFERRAL_SOURCES } from "@/lib/domain/referral-codes";
import { ASSESSMENT_FACTORS, ABUSE_CATEGORIES } from "@/lib/domain/statutory-codes";
import { CLOSURE_REASONS } from "@/lib/domain/transitions";
import type { EditableRecord, RecordValues } from "@/lib/domain/statutory-corrections";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

function ActionForm({
  action,
  personId,
  prefix,
  submit,
  hidden = {},
  children,
}: {
  action: Action;
  personId: string;
  prefix: string;
  submit: string;
  hidden?: Record<string, string>;
  children: (state: FormState, idPrefix: string) => React.ReactNode;
}) {
  const [state, formAction] = useActionState(action, IDLE_STATE);
  const idPrefix = `${prefix}-`;
  return (
    <form action={formAction} key={state.answerId} className="mt-3 space-y-4" noValidate>
      <FormErrors state={state} idPrefix={idPrefix} />
      {state.status === "ok" && (
        <p role="status" className="border-l-4 border-ok bg-white p-2">
          Saved.
        </p>
      )}
      <input type="hidden" name="personId" value={personId} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children(state.status === "ok" ? IDLE_STATE : state, idPrefix)}
      <SubmitButton className="btn-secondary">{submit}</SubmitButton>
    </form>
  );
}

const factorOptions: Option[] = ASSESSMENT_FACTORS.map((f) => ({ value: f.code, label: `${f.code} ${f.label}` }));
const categoryOptions: Option[] = ABUSE_CATEGORIES.map((c) => ({ value: c.code, label: c.label }));

function CaseSelect({ cases, state, idPrefix }: { cases: Option[]; state: FormState; idPrefix: string }) {
  return <SelectField name="caseId" idPrefix={idPrefix} label="Case" state={state} options={cases} defaultValue={cases[0]?.value} />;
}

export function AssessmentForm({ personId, cases, today }: { personId: string; cases: Option[]; today: string }) {
  return (
    <ActionForm action={actions.recordAssessmentAction} personId={personId} prefix="assessment" submit="Record the assessment">
      {(state, p) => (
        <>
          <CaseSelect cases={cases} state={state} idPrefix={p} />
          <TextField name="startDate" idPrefix={p} type="date" label="Start date" state={state} defaultValue={today} width="w-48" />
          <TextField name="authorisedDate" idPrefix={p} type="date" label="Authorised on (if completed)" state={state} width="w-48" />
          <details>
            <summary className="cursor-pointer text-link underline">Factors identified (optional now, needed when authorised)</summary>
            <Checkboxes name="factors" idPrefix={p} legend="Factors identified at the end of the assessment" state={state} options={factorOptions} className="mt-2" />
          </details>
        </>
      )}
    </ActionForm>
  );
}

export function AuthoriseAssessmentForm({ personId, assessmentId, today }: { personId: string; assessmentId: string; today: string }) {
  return (
    <ActionForm action={actions.completeAssessmentAction} personId={personId} prefix={`authorise-${assessmentId}`} submit="Authorise" hidden={{ assessmentId }}>
      {(state, p) => (
        <>
          <TextField name="authorisedDate" idPrefix={p} type="date" label="Authorised on" state={state} defaultValue={today} width="w-48" />
          <Checkboxes name="factors" idPrefix={p} legend="Factors identified" state={state} options={factorOptions} />
        </>
      )}
    </ActionForm>
  );
}

export function Section47Form({ personId, cases, today }: { personId: string; cases: Option[]; today: string }) {
  return (
    <ActionForm action={actions.recordSection47Action} personId={personId} prefix="s47" submit="Record the enquiry">
      {(state, p) => (
        <>
          <CaseSelect cases={cases} state={state} idPrefix={p} />
          <TextField name="strategyDiscussionDate" idPrefix={p} type="date" label="Strategy discussion held on" state={state} defaultValue={today} width="w-48" />
          <TextField name="startDate" idPrefix={p} type="date" label="Section 47 enquiry started on" state={state} defaultValue={today} width="w-48" />
          <TextField name="icpcDate" idPrefix={p} type="date" label="Initial child protection conference held on (if held)" state={state} width="w-48" />
          <Checkbox name="icpcNotRequired" idPrefix={p} label="A conference is not required" state={state} />
        </>
      )}
    </ActionForm>
  );
}

export function ConferenceForm({ personId, section47Id, today }: { personId: string; section47Id: string; today: string }) {
  return (
    <ActionForm action={actions.recordConferenceAction} personId={personId} prefix={`icpc-${section47Id}`} submit="Record the conference" hidden={{ section47Id }}>
      {(state, p) => (
        <>
          <TextField name="icpcDate" idPrefix={p} type="date" label="Initial child protection conference held on" state={state} defaultValue={today} width="w-48" />
          <Checkbox name="icpcNotRequired" idPrefix={p} label="A conference is not required" state={state} />
        </>
      )}
    </ActionForm>
  );
}

export function CpPlanForm({ personId, cases, today }: { personId: string; cases: Option[]; today: string }) {
  return (
    <ActionForm action={actions.startCpPlanAction} personId={personId} prefix="cp" submit="Start the plan">
      {(state, p) => (
        <>
          <CaseSelect cases={cases} state={state} idPrefix={p} />
          <TextField name="startDate" idPrefix={p} type="date" label="Plan started on" hint="Usually the date of the initial conference" state={state} defaultValue={today} width="w-48" />
          <Radios name="category" idPrefix={p} legend="Category of abuse" state={state} options={categoryOptions} />
        </>
      )}
    </ActionForm>
  );
}

export function CpReviewForm({ personId, planId, today }: { personId: string; planId: string; today: string }) {
  return (
    <ActionForm action={actions.recordCpReviewAction} personId={personId} prefix={`cpr-${planId}`} submit="Record the review" hidden={{ planId }}>
      {(state, p) => (
        <>
          <TextField name="reviewDate" idPrefix={p} type="date" label="Review conference held on" state={state} defaultValue={today} width="w-48" />
          <SelectField name="latestCategory" idPrefix={p} label="Category of abuse now (if it changed)" state={state} placeholder="Unchanged" options={categoryOptions} />
        </>
      )}
    </ActionForm>
  );
}

export function CoreGroupForm({ personId, planId, today }: { personId: string; planId: string; today: string }) {
  return (
    <ActionForm action={actions.recordCoreGroupAction} personId={personId} prefix={`cg-${planId}`} submit="Record the meeting" hidden={{ planId }}>
      {(state, p) => <TextField name="meetingDate" idPrefix={p} type="date" label="Core group met on" state={state} defaultValue={today} width="w-48" />}
    </ActionForm>
  );
}

export function PathwayPlanReviewForm({ personId, today }: { personId: string; today: string }) {
  return (
    <ActionForm action={actions.recordPathwayPlanReviewAction} personId={personId} prefix="pathway" submit="Record the review">
      {(state, p) => <TextField name="reviewDate" idPrefix={p} type="date" label="Pathway plan reviewed on" state={state} defaultValue={today} width="w-48" />}
    </ActionForm>
  );
}

export function EndPlanForm({ personId, planId, kind, today }: { personId: string; planId: string; kind: "cp" | "cin"; today: string }) {
  return (
    <ActionForm action={kind === "cp" ? actions.endCpPlanAction : actions.endCinPlanAction} personId={personId} prefix={`end-${planId}`} submit="End the plan" hidden={{ planId }}>
      {(state, p) => <TextField name="endDate" idPrefix={p} type="date" label="Plan ended on" state={state} defaultValue={today} width="w-48" />}
    </ActionForm>
  );
}

export function CinPlanForm({ personId, cases, today }: { personId: string; cases: Option[]; today: string }) {
  return (
    <ActionForm action={actions.startCinPlanAction} personId={personId} prefix="cin" submit="Start the plan">
      {(state, p) => (
        <>
          <CaseSelect cases={cases} state={state} idPrefix={p} />
          <TextField name="startDate" idPrefix={p} type="date" label="CIN plan started on" state={state} defaultValue={today} width="w-48" />
        </>
      )}
    </ActionForm>
  );
}

export function LegalStatusForm({ personId, today, legalStatuses }: { personId: string; today: string; legalStatuses: Option[] }) {
  return (
    <ActionForm action={actions.changeLegalStatusAction} personId={personId} prefix="ls" submit="Record the change">
      {(state, p) => (
        <>
          <TextField name="date" idPrefix={p} type="date" label="Legal status changed on" state={state} defaultValue={today} width="w-48" />
          <SelectField name="legalStatus" idPrefix={p} label="New legal status" state={state} placeholder="Choose" options={legalStatuses} />
        </>
      )}
    </ActionForm>
  );
}

export function EndCareForm({ personId, today, reasons }: { personId: string; today: string; reasons: Option[] }) {
  return (
    <ActionForm action={actions.endCareAction} personId={personId} prefix="endcare" submit="Record the end of care">
      {(state, p) => (
        <>
          <TextField name="date" idPrefix={p} type="date" label="Stopped being looked after on" state={state} defaultValue={today} width="w-48" />
          <SelectField name="reasonEnded" idPrefix={p} label="Why care ended" state={state} placeholder="Choose" options={reasons} />
        </>
      )}
    </ActionForm>
  );
}

export function LaReviewForm({ personId, today, participation }: { personId: string; today: string; participation: Option[] }) {
  return (
    <ActionForm action={actions.recordLaReviewAction} personId={personId} prefix="lar" submit="Record the review">
      {(state, p) => (
        <>
          <TextField name="reviewDate" idPrefix={p} type="date" label="Looked-after review held on" state={state} defaultValue={today} width="w-48" />
          <SelectField name="reviewCode" idPrefix={p} label="How the child took part" state={state} placeholder="Not recorded" options={participation} />
        </>
      )}
    </ActionForm>
  );
}

export function HealthAssessmentForm({ personId, today }: { personId: string; today: string }) {
  return (
    <ActionForm action={actions.recordHealthAssessmentAction} personId={personId} prefix="health" submit="Record the health assessment">
      {(state, p) => (
        <>
          <TextField name="date" idPrefix={p} type="date" label="Health assessment on" state={state} defaultValue={today} width="w-48" />
          <Radios
            name="kind"
            idPrefix={p}
            legend="Kind"
            state={state}
            defaultValue="REVIEW"
            inline
            options={[
              { value: "INITIAL", label: "Initial" },
              { value: "REVIEW", label: "Review" },
            ]}
          />
        </>
      )}
    </ActionForm>
  );
}

export function DisabilitiesForm({ personId, current, options }: { personId: string; current: string[]; options: Option[] }) {
  return (
    <ActionForm action={actions.recordDisabilitiesAction} personId={personId} prefix="dis" submit="Save the disabilities">
      {(state, p) => (
        <Checkboxes name="disabilities" idPrefix={p} legend="Disabilities (as the CIN census records them)" hint="No disability, or every disability the child has" state={state} options={options} defaultValues={current} />
      )}
    </ActionForm>
  );
}

const SOURCE_OPTIONS: Option[] = REFERRAL_SOURCES.map((s) => ({ value: s.code, label: `${s.code}: ${s.label}` }));
const NEED_OPTIONS: Option[] = PRIMARY_NEED_CODES.map((n) => ({ value: n.code, label: `${n.code}: ${n.label}` }));
const CLOSURE_OPTIONS: Option[] = Object.entries(CLOSURE_REASONS).map(([code, label]) => ({ value: code, label: `${code}: ${label}` }));

const HEALTH_KINDS: Option[] = [
  { value: "INITIAL", label: "Initial" },
  { value: "REVIEW", label: "Review" },
];

/** A record's fields, prefilled with what is recorded (or what was typed, after a refusal). Labels differ from the recording forms' on the same page. */
function RecordFields({ edit, state, p, participation }: { edit: EditableRecord; state: FormState; p: string; participation: Option[] }) {
  const date = (name: string, label: string, value: string | null, hint?: string) => <TextField name={name} idPrefix={p} type="date" label={label} hint={hint} state={state} defaultValue={value ?? ""} width="w-48" />;
  switch (edit.type) {
    case "assessment": {
      const v = edit.values as RecordValues["assessment"];
      return (
        <>
          {date("startDate", "Date the assessment started", v.startDate)}
          {date("authorisedDate", "Date it was authorised", v.authorisedDate, "Leave empty if it is not yet authorised")}
          <Checkboxes name="factors" idPrefix={p} legend="Factors identified" state={state} options={factorOptions} defaultValues={v.factors} />
        </>
      );
    }
    case "section47": {
      const v = edit.values as RecordValues["section47"];
      return (
        <>
          {date("strategyDiscussionDate", "Date of the strategy discussion", v.strategyDiscussionDate)}
          {date("startDate", "Date the enquiry started", v.startDate)}
          {date("icpcDate", "Date of the initial conference", v.icpcDate, "Leave empty if it has not been held, or is not required")}
          <Checkbox name="icpcNotRequired" idPrefix={p} label="No conference is required" state={state} defaultChecked={v.icpcNotRequired} />
        </>
      );
    }
    case "cp_plan": {
      const v = edit.values as RecordValues["cp_plan"];
      return (
        <>
          {date("startDate", "Date the plan started", v.startDate)}
          {date("endDate", "Date the plan ended", v.endDate, "Leave empty while the plan is running")}
          <Radios name="initialCategory" idPrefix={p} legend="Category of abuse at the start" state={state} options={categoryOptions} defaultValue={v.initialCategory} />
          <SelectField name="latestCategory" idPrefix={p} label="Latest category of abuse" state={state} options={categoryOptions} defaultValue={v.latestCategory} />
        </>
      );
    }
    case "cin_plan": {
      const v = edit.values as RecordValues["cin_plan"];
      return (
        <>
          {date("startDate", "Date the plan started", v.startDate)}
          {date("endDate", "Date the plan ended", v.endDate, "Leave empty while the plan is running")}
        </>
      );
    }
    case "cp_review":
      return date("reviewDate", "Date of the review conference", (edit.values as RecordValues["cp_review"]).reviewDate);
    case "core_group":
      return date("meetingDate", "Date of the core group meeting", (edit.values as RecordValues["core_group"]).meetingDate);
    case "la_review": {
      const v = edit.values as RecordValues["la_review"];
      return (
        <>
          {date("reviewDate", "Date of the looked-after review", v.reviewDate)}
          <SelectField name="reviewCode" idPrefix={p} label="The child's participation" state={state} placeholder="Not recorded" options={participation} defaultValue={v.reviewCode ?? ""} />
        </>
      );
    }
    case "health_assessment": {
      const v = edit.values as RecordValues["health_assessment"];
      return (
        <>
          {date("date", "Date of the health assessment", v.date)}
          <Radios name="kind" idPrefix={p} legend="Initial or review" state={state} defaultValue={v.kind} inline options={HEALTH_KINDS} />
        </>
      );
    }
    case "pathway_plan_review":
      return date("reviewDate", "Date of the pathway plan review", (edit.values as RecordValues["pathway_plan_review"]).reviewDate);
    case "cin_episode": {
      // a referral's closure is corrected only once it has closed: it closes with its case
      const v = edit.values as RecordValues["cin_episode"];
      return (
        <>
          {date("referralDate", "Date of the referral", v.referralDate, "The date the contact came in. The case's opened date and the contact itself are not changed.")}
          <SelectField name="referralSource" idPrefix={p} label="Who made the referral" state={state} options={SOURCE_OPTIONS} defaultValue={v.referralSource} />
          <SelectField name="primaryNeedCode" idPrefix={p} label="Primary need" state={state} placeholder="Not recorded" options={NEED_OPTIONS} defaultValue={v.primaryNeedCode ?? ""} />
          {v.closureDate && (
            <>
              {date("closureDate", "Date the referral closed", v.closureDate)}
              <SelectField name="closureReason" idPrefix={p} label="Reason for closure" state={state} placeholder="Not recorded" options={CLOSURE_OPTIONS} defaultValue={v.closureReason ?? ""} />
            </>
          )}
        </>
      );
    }
  }
}

/** The version a form sends back: after a refusal because someone changed the record, the one it was refused against (sending again replaces theirs). */
function versionAfter(state: FormState, edit: EditableRecord): string {
  return (state.data as { conflict?: { version?: string } } | undefined)?.conflict?.version ?? edit.version;
}

/**
 * "Correct this record": the record's values to change, and why. Refused like recording them; refused
 * too (keeping what was typed) when someone changed the record after the page was loaded.
 */
export function CorrectRecordForm({ personId, edit, participation = [], canRemove }: { personId: string; edit: EditableRecord; participation?: Option[]; canRemove: boolean }) {
  const [state, formAction] = useActionState(actions.correctRecordAction, IDLE_STATE);
  const p = `fix-${edit.id}-`;
  const shown = state.status === "ok" ? IDLE_STATE : state;
  return (
    <form action={formAction} key={state.answerId} className="mt-3 space-y-4" noValidate>
      <FormErrors state={state} idPrefix={p} />
      {state.status === "ok" && (
        <p role="status" className="border-l-4 border-ok bg-white p-2">
          Corrected. What it said before is kept in the record&apos;s history.
        </p>
      )}
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="recordType" value={edit.type} />
      <input type="hidden" name="recordId" value={edit.id} />
      <input type="hidden" name="version" value={versionAfter(state, edit)} />
      <RecordFields edit={edit} state={shown} p={p} participation={participation} />
      <TextArea name="reason" idPrefix={p} label="Why is it being corrected?" hint="A few words, kept with the correction: for example, the date was typed wrongly." rows={2} state={shown} />
      <SubmitButton className="btn-secondary">Save the correction</SubmitButton>
      {!canRemove && <p className="text-sm text-muted">Recorded twice, or on the wrong child? Ask your manager to remove it.</p>}
    </form>
  );
}

/** "Remove (entered in error)", for managers: why, then the record goes (the audit log keeps what it held). */
export function RemoveRecordForm({ personId, edit, name }: { personId: string; edit: EditableRecord; name: string }) {
  const [state, formAction] = useActionState(actions.removeRecordAction, IDLE_STATE);
  const p = `remove-${edit.id}-`;
  return (
    <form action={formAction} key={state.answerId} className="mt-3 space-y-4" noValidate>
      <FormErrors state={state} idPrefix={p} />
      <p className="text-sm">
        Only for a record that should never have been made: recorded twice, or on the wrong child. A wrong date or code is corrected instead. Once removed it leaves the census, the returns and what is due; the
        audit log keeps what it held and why it went.
      </p>
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="recordType" value={edit.type} />
      <input type="hidden" name="recordId" value={edit.id} />
      <input type="hidden" name="version" value={versionAfter(state, edit)} />
      <TextArea name="reason" idPrefix={p} label="Why is it being removed?" hint="For example: the same plan was recorded again on a duplicate record." rows={2} state={state} />
      <SubmitButton className="btn-secondary" pendingText="Removing…">
        Remove this {name}
      </SubmitButton>
    </form>
  );
}
