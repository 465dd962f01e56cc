import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { getStatutoryRecord } from "@/lib/data/statutory";
import { getChildDue } from "@/lib/data/timescales";
import { DueList } from "@/components/due-list";
import { formatDate, todayInEngland } from "@/lib/domain/dates";
import { primaryNeedLabel, referralSourceLabel } from "@/lib/domain/referral-codes";
import { LEGAL_STATUSES, REASONS_CARE_ENDED, REVIEW_PARTICIPATION, codeLabel } from "@/lib/domain/ssda903-codes";
import { ABUSE_CATEGORIES, ASSESSMENT_FACTORS } from "@/lib/domain/statutory-codes";
import { DISABILITIES } from "@/lib/exports/cin-census/codes";
import { isStatutoryRecordType, RECORD_WORDS, type EditableRecord, type RecordValues, type StatutoryRecordType } from "@/lib/domain/statutory-corrections";
import type { IsoDate } from "@/lib/domain/dates";
import type { Option } from "@/components/form/fields";
import {
  AssessmentForm,
  AuthoriseAssessmentForm,
  CinPlanForm,
  ConferenceForm,
  CorrectRecordForm,
  RemoveRecordForm,
  CoreGroupForm,
  CpPlanForm,
  CpReviewForm,
  DisabilitiesForm,
  EndCareForm,
  EndPlanForm,
  HealthAssessmentForm,
  LaReviewForm,
  LegalStatusForm,
  PathwayPlanReviewForm,
  Section47Form,
} from "./statutory-forms";

export const metadata: Metadata = { title: "Statutory record" };

const options = (list: readonly { code: string; label: string }[]) => list.map((c) => ({ value: c.code, label: `${c.code}: ${c.label}` }));
const category = (code: string) => ABUSE_CATEGORIES.find((c) => c.code === code)?.label ?? code;

/** `context` tells apart, for a screen reader, the many "Correct this record" of one page. */
function Add({ label, context, children }: { label: string; context?: string; children: React.ReactNode }) {
  return (
    <details className="mt-3">
      <summary className="cursor-pointer font-semibold text-link underline">
        {label}
        {context && <span className="sr-only"> ({context})</span>}
      </summary>
      {children}
    </details>
  );
}

type Fixing = { personId: string; canCorrect: boolean; canRemove: boolean; participation?: Option[] };

/** Correcting a record that was saved wrong, and (managers) removing one entered in error (docs/decisions/0022-correcting-statutory-records.md). */
function Fixes({ edit, what, fixing }: { edit: EditableRecord; what: string; fixing: Fixing }) {
  return (
    <>
      {fixing.canCorrect && (
        <Add label="Correct this record" context={what}>
          <CorrectRecordForm personId={fixing.personId} edit={edit} participation={fixing.participation} canRemove={fixing.canRemove} />
        </Add>
      )}
      {fixing.canRemove && (
        <Add label="Remove (entered in error)" context={what}>
          <RemoveRecordForm personId={fixing.personId} edit={edit} name={RECORD_WORDS[edit.type].name} />
        </Add>
      )}
    </>
  );
}

/** Dated records of one kind (reviews, meetings), each correctable; a plain line for whoever cannot correct them. */
function DatedList<T extends StatutoryRecordType>({
  title,
  items,
  date,
  detail,
  what,
  fixing,
  none = "none yet",
}: {
  title: string;
  items: EditableRecord<T>[];
  date: (values: RecordValues[T]) => IsoDate;
  detail?: (values: RecordValues[T]) => string;
  what: string;
  fixing: Fixing;
  none?: string;
}) {
  const said = (i: EditableRecord<T>) => `${formatDate(date(i.values))}${detail ? detail(i.values) : ""}`;
  if (items.length === 0 || (!fixing.canCorrect && !fixing.canRemove)) {
    return (
      <span className="block text-sm text-muted">
        {title}: {items.length ? items.map(said).join(", ") : none}
      </span>
    );
  }
  return (
    <div className="mt-1 text-sm">
      <span className="text-muted">{title}: </span>
      <ul className="ml-5 list-disc">
        {items.map((i) => (
          <li key={i.id}>
            {said(i)}
            <Fixes edit={i} what={`${what} on ${formatDate(date(i.values))}`} fixing={fixing} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id} className="mb-3 text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function StatutoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ removed?: string }> }) {
  const { id } = await params;
  const { removed } = await searchParams;
  const ctx = await requireContext();
  const r = await pageData(() => getStatutoryRecord(ctx, id));
  const due = await pageData(() => getChildDue(ctx, id));
  const canRecord = can(ctx.role, "statutory:record");
  const today = todayInEngland();
  const openCases = r.cases.filter((c) => c.status === "OPEN").map((c) => ({ value: c.id, label: c.reference }));
  const pid = r.child.id;
  const lookedAfter = r.carePeriods.find((p) => !p.endDate);
  const careLeaver = r.cases.some((c) => c.status === "OPEN" && c.level === "CARE_LEAVER");
  const canRemove = can(ctx.role, "statutory:remove");
  const fixing: Fixing = { personId: pid, canCorrect: canRecord, canRemove, participation: options(REVIEW_PARTICIPATION) };
  const fixingPathway: Fixing = { ...fixing, canCorrect: can(ctx.role, "pathway:record") };
  return (
    <>
      <p className="mb-4">
        <Link href={`/people/${pid}`}>Back to {r.child.name}</Link>
      </p>
      <PageHeading caption={r.child.name} title="Statutory record">
        <p className="mt-2 text-muted">Referrals, assessments, enquiries, plans and care, as the CIN census and SSDA903 returns see them.</p>
      </PageHeading>
      {isStatutoryRecordType(removed) && (
        <p role="status" className="card mb-6 border-l-4 border-l-ok">
          The {RECORD_WORDS[removed].name} was removed. What it held, and why it was removed, are kept in the audit log.
        </p>
      )}
      <section aria-labelledby="due-h" className="card mb-6">
        <h2 id="due-h" className="mb-3 text-xl font-bold">
          What is due
        </h2>
        <DueList items={due} />
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="disabilities-h" title="Disabilities">
          <p>
            {r.child.disabilities.length === 0
              ? "Not yet recorded. The CIN census asks for them."
              : r.child.disabilities.map((code) => DISABILITIES.find((d) => d.code === code)?.label ?? code).join(", ")}
          </p>
          {canRecord && (
            <Add label={r.child.disabilities.length === 0 ? "Record the child's disabilities" : "Change the child's disabilities"}>
              <DisabilitiesForm personId={pid} current={r.child.disabilities} options={DISABILITIES.map((d) => ({ value: d.code, label: d.label }))} />
            </Add>
          )}
        </Section>

        <Section id="referrals-h" title="Referrals">
          {r.referrals.length === 0 ? (
            <p>No referrals to children&apos;s social care.</p>
          ) : (
            <ul className="space-y-3">
              {r.referrals.map((e) => (
                <li key={e.id}>
                  Referred {formatDate(e.referralDate)}
                  {e.primaryNeedCode ? ` (need: ${primaryNeedLabel(e.primaryNeedCode)})` : " (no primary need recorded)"} · {e.closureDate ? `closed ${formatDate(e.closureDate)} (${e.closureReason ?? "no reason recorded"})` : "open"}
                  <span className="block text-sm text-muted">Referred by: {referralSourceLabel(e.referralSource)}</span>
                  <Fixes edit={e.edit} what={`referral of ${formatDate(e.referralDate)}`} fixing={fixing} />
                </li>
              ))}
            </ul>
          )}
          {canRecord && r.referrals.length > 0 && <p className="mt-2 text-sm text-muted">A referral opens and closes with its case: correcting one changes what the census says of it, not the case.</p>}
        </Section>

        <Section id="assessments-h" title="Assessments">
          <ul className="space-y-3">
            {r.assessments.map((a) => (
              <li key={a.id}>
                Started {formatDate(a.startDate)} · {a.authorisedDate ? `authorised ${formatDate(a.authorisedDate)}` : <strong>not yet authorised</strong>}
                {a.factors.length > 0 && (
                  <span className="block text-sm text-muted">Factors: {a.factors.map((f) => ASSESSMENT_FACTORS.find((x) => x.code === f)?.label ?? f).join("; ")}</span>
                )}
                {!a.authorisedDate && canRecord && (
                  <Add label="Authorise this assessment">
                    <AuthoriseAssessmentForm personId={pid} assessmentId={a.id} today={today} />
                  </Add>
                )}
                <Fixes edit={a.edit} what={`assessment started ${formatDate(a.startDate)}`} fixing={fixing} />
              </li>
            ))}
          </ul>
          {canRecord && openCases.length > 0 && (
            <Add label="Start an assessment">
              <AssessmentForm personId={pid} cases={openCases} today={today} />
            </Add>
          )}
        </Section>

        <Section id="s47-h" title="Section 47 enquiries">
          <ul className="space-y-3">
            {r.section47s.map((s) => (
              <li key={s.id}>
                Strategy discussion {formatDate(s.strategyDiscussionDate)}, enquiry from {formatDate(s.startDate)} ·{" "}
                {s.icpcDate ? `conference ${formatDate(s.icpcDate)}` : s.icpcNotRequired ? "conference not required" : <strong>conference not yet held</strong>}
                {!s.icpcDate && !s.icpcNotRequired && canRecord && (
                  <Add label="Record the conference">
                    <ConferenceForm personId={pid} section47Id={s.id} today={today} />
                  </Add>
                )}
                <Fixes edit={s.edit} what={`enquiry from ${formatDate(s.startDate)}`} fixing={fixing} />
              </li>
            ))}
          </ul>
          {canRecord && openCases.length > 0 && (
            <Add label="Record a strategy discussion and section 47 enquiry">
              <Section47Form personId={pid} cases={openCases} today={today} />
            </Add>
          )}
        </Section>

        <Section id="cp-h" title="Child protection plans">
          <ul className="space-y-3">
            {r.cpPlans.map((plan) => (
              <li key={plan.id}>
                {formatDate(plan.startDate)} to {plan.endDate ? formatDate(plan.endDate) : "now"} · {category(plan.initialCategory)}
                {plan.latestCategory !== plan.initialCategory ? `, now ${category(plan.latestCategory)}` : ""}
                <DatedList title="Reviews" items={plan.reviewRecords} date={(v) => v.reviewDate} what="review conference" fixing={fixing} />
                <DatedList title="Core group meetings" items={plan.coreGroupRecords} date={(v) => v.meetingDate} what="core group meeting" fixing={fixing} />
                {!plan.endDate && canRecord && (
                  <>
                    <Add label="Record a core group meeting">
                      <CoreGroupForm personId={pid} planId={plan.id} today={today} />
                    </Add>
                    <Add label="Record a review conference">
                      <CpReviewForm personId={pid} planId={plan.id} today={today} />
                    </Add>
                    <Add label="End the plan">
                      <EndPlanForm personId={pid} planId={plan.id} kind="cp" today={today} />
                    </Add>
                  </>
                )}
                <Fixes edit={plan.edit} what={`child protection plan from ${formatDate(plan.startDate)}`} fixing={fixing} />
              </li>
            ))}
          </ul>
          {/* one plan at a time: a new one starts once the current one has ended */}
          {canRecord && openCases.length > 0 && !r.cpPlans.some((p) => !p.endDate) && (
            <Add label="Start a child protection plan">
              <CpPlanForm personId={pid} cases={openCases} today={today} />
            </Add>
          )}
        </Section>

        <Section id="cin-h" title="Child in need plans">
          <ul className="space-y-3">
            {r.cinPlans.map((plan) => (
              <li key={plan.id}>
                {formatDate(plan.startDate)} to {plan.endDate ? formatDate(plan.endDate) : "now"}
                {!plan.endDate && canRecord && (
                  <Add label="End the plan">
                    <EndPlanForm personId={pid} planId={plan.id} kind="cin" today={today} />
                  </Add>
                )}
                <Fixes edit={plan.edit} what={`child in need plan from ${formatDate(plan.startDate)}`} fixing={fixing} />
              </li>
            ))}
          </ul>
          {canRecord && openCases.length > 0 && !r.cinPlans.some((p) => !p.endDate) && (
            <Add label="Start a CIN plan">
              <CinPlanForm personId={pid} cases={openCases} today={today} />
            </Add>
          )}
        </Section>

        {(careLeaver || r.pathwayPlanReviews.length > 0) && (
          <Section id="pathway-h" title="Pathway plan">
            <DatedList title="Reviews" items={r.pathwayPlanReviewRecords} date={(v) => v.reviewDate} what="pathway plan review" fixing={fixingPathway} none="none recorded yet" />
            <p className="text-sm text-muted">A care leaver&apos;s pathway plan is reviewed at least every 6 months.</p>
            {can(ctx.role, "pathway:record") && careLeaver && (
              <Add label="Record a pathway plan review">
                <PathwayPlanReviewForm personId={pid} today={today} />
              </Add>
            )}
          </Section>
        )}

        <Section id="care-h" title="Looked after">
          {r.carePeriods.length > 0 && (
            <p className="mb-3">
              <Link href={`/people/${pid}/placements`}>Placements: history, find a placement, move</Link>
            </p>
          )}
          {r.carePeriods.map((p) => (
            <div key={p.id} className="mb-4">
              <p className="font-semibold">
                {formatDate(p.startDate)} to {p.endDate ? `${formatDate(p.endDate)} (${codeLabel(REASONS_CARE_ENDED, p.reasonEnded)})` : "now"}
              </p>
              <ul className="text-sm">
                {p.episodes.map((e) => (
                  <li key={e.id}>
                    {formatDate(e.startDate)}–{e.endDate ? formatDate(e.endDate) : ""}: {e.legalStatus} · {e.place}
                    {e.provider ? ` (${e.provider})` : ""}
                  </li>
                ))}
              </ul>
              {p.reviews.length > 0 && (
                <DatedList
                  title="Reviews"
                  items={p.reviews.map((rv) => rv.edit)}
                  date={(v) => v.reviewDate}
                  detail={(v) => (v.reviewCode ? ` (${v.reviewCode})` : "")}
                  what="looked-after review"
                  fixing={fixing}
                />
              )}
            </div>
          ))}
          {r.healthAssessments.length > 0 && (
            <DatedList title="Health assessments" items={r.healthAssessments.map((h) => h.edit)} date={(v) => v.date} detail={(v) => ` (${v.kind.toLowerCase()})`} what="health assessment" fixing={fixing} />
          )}
          {canRecord && r.carePeriods.length > 0 && (
            <p className="mt-3 text-sm text-muted">
              Periods of care and placement episodes are not corrected or removed here: their SSDA903 history has its own rules. Moves and changes of legal status are recorded on the Placements page.
            </p>
          )}
          {canRecord && !lookedAfter && openCases.length > 0 && (
            <p className="mt-3">
              <Link href={`/people/${pid}/placements`}>Record that the child became looked after</Link>, finding a placement first
            </p>
          )}
          {canRecord && lookedAfter && (
            <>
              <Add label="Record a looked-after review">
                <LaReviewForm personId={pid} today={today} participation={options(REVIEW_PARTICIPATION)} />
              </Add>
              <Add label="Record a health assessment">
                <HealthAssessmentForm personId={pid} today={today} />
              </Add>
              <Add label="Record a change of legal status">
                <LegalStatusForm personId={pid} today={today} legalStatuses={options(LEGAL_STATUSES)} />
              </Add>
              <Add label="Record the end of care">
                <EndCareForm personId={pid} today={today} reasons={options(REASONS_CARE_ENDED)} />
              </Add>
            </>
          )}
        </Section>
      </div>
    </>
  );
}
