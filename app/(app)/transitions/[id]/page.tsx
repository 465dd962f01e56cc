import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { getTransition } from "@/lib/data/transitions";
import { formatDate, todayInEngland, toIsoDate } from "@/lib/domain/dates";
import { ALLOCATION_ROLE_LABELS, LEVEL_LABELS, ROLE_LABELS } from "@/lib/domain/roles";
import { CLOSURE_REASONS, KIND_LABELS, targetLabel } from "@/lib/domain/transitions";
import { ApproveForm, RejectForm } from "./decide-forms";

export const metadata: Metadata = { title: "Request" };

const STATUS: Record<string, string> = { REQUESTED: "Waiting for a decision", APPROVED: "Approved", REJECTED: "Rejected", WITHDRAWN: "Withdrawn" };

export default async function TransitionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireContext();
  const t = await pageData(() => getTransition(ctx, id));
  const title = t.kind === "CLOSURE" ? "Closure" : `${KIND_LABELS[t.kind]}: ${LEVEL_LABELS[t.from]} to ${targetLabel(t.to)}`;
  return (
    <>
      <p className="mb-4">
        <Link href={`/cases/${t.caseId}`}>Go to the case</Link>
        {can(ctx.role, "transition:decide") && (
          <>
            {" · "}
            <Link href="/decisions">Awaiting my decision</Link>
          </>
        )}
      </p>
      <PageHeading caption={`Case ${t.reference} · ${t.familyName}`} title={title}>
        <p className="mt-2 font-semibold">{STATUS[t.status]}</p>
      </PageHeading>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="request-heading" className="card">
          <h2 id="request-heading" className="mb-3 text-xl font-bold">
            The request
          </h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
            <dt className="text-muted">Asked by</dt>
            <dd>
              {t.requestedBy.name} on {formatDate(toIsoDate(t.requestedAt))}
            </dd>
            {t.closureReason && (
              <>
                <dt className="text-muted">Reason for closure</dt>
                <dd>
                  {t.closureReason}: {CLOSURE_REASONS[t.closureReason]}
                </dd>
              </>
            )}
            <dt className="text-muted">{t.kind === "STEP_DOWN" ? "Rationale" : "Reason"}</dt>
            <dd className="whitespace-pre-line">{t.reason}</dd>
            {t.kind === "STEP_DOWN" && (
              <>
                <dt className="text-muted">Review held</dt>
                <dd>{formatDate(t.reviewHeldOn)}</dd>
                <dt className="text-muted">Lead professional after</dt>
                <dd>{t.leadProfessional ? `${t.leadProfessional.name} (${ROLE_LABELS[t.leadProfessional.role]})` : "—"}</dd>
                <dt className="text-muted">Family told</dt>
                <dd>{t.familyInformed ? "Yes" : "No"}</dd>
              </>
            )}
            {t.proposedWorker && (
              <>
                <dt className="text-muted">Social worker</dt>
                <dd>{t.proposedWorker.name}</dd>
              </>
            )}
          </dl>
          <h3 className="mt-5 mb-2 font-bold">Allocated now</h3>
          <ul className="space-y-1">
            {t.allocated.map((a) => (
              <li key={a.id}>
                {a.name} <span className="text-muted">· {ALLOCATION_ROLE_LABELS[a.roleOnCase]} · {ROLE_LABELS[a.role]}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="decision-heading" className="card">
          <h2 id="decision-heading" className="mb-3 text-xl font-bold">
            Decision
          </h2>
          {t.status !== "REQUESTED" ? (
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
              <dt className="text-muted">Decided by</dt>
              <dd>
                {t.decidedBy?.name} on {t.decidedAt ? formatDate(toIsoDate(t.decidedAt)) : "—"}
              </dd>
              {t.effectiveOn && (
                <>
                  <dt className="text-muted">Took effect</dt>
                  <dd>{formatDate(t.effectiveOn)}</dd>
                </>
              )}
              <dt className="text-muted">Comment</dt>
              <dd className="whitespace-pre-line">{t.decisionComment ?? "—"}</dd>
            </dl>
          ) : t.canDecide ? (
            <div className="space-y-8">
              <ApproveForm
                transitionId={t.id}
                today={todayInEngland()}
                socialWorkers={t.socialWorkers}
                proposedWorkerId={t.proposedWorker?.id ?? null}
                canOverride={can(ctx.role, "allocation:override-cap")}
              />
              <hr className="border-line" />
              <RejectForm transitionId={t.id} />
            </div>
          ) : (
            <p>{t.whyNot}</p>
          )}
        </section>
      </div>
    </>
  );
}
