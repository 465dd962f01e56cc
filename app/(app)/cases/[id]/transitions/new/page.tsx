import type { Metadata } from "next";
import Link from "next/link";
import { LevelTag } from "@/components/level-tag";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getTransitionForm } from "@/lib/data/transitions";
import { KEYWORKER_ROLES, SOCIAL_WORK_ROLES } from "@/lib/domain/roles";
import { KIND_LABELS, refusalFor, targetLabel, type Target } from "@/lib/domain/transitions";
import { RequestForm } from "./request-form";

export const metadata: Metadata = { title: "Request a change" };

const EXPLAIN: Record<string, string> = {
  STEP_UP: "Social work becomes involved. The family keyworker stays on as co-worker.",
  STEP_DOWN: "Needs the rationale, a review held beforehand, the lead professional and the family told. The keyworker leads afterwards.",
  LEVEL_CHANGE: "The level changes; allocations stay as they are.",
  CLOSURE: "All allocations end. Needs a DfE reason for closure.",
};

export default async function RequestTransitionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ to?: string }> }) {
  const { id } = await params;
  const { to } = await searchParams;
  const ctx = await requireContext();
  const form = await pageData(() => getTransitionForm(ctx, id));
  const back = (
    <p className="mb-4">
      <Link href={`/cases/${form.caseId}`}>Back to the case</Link>
    </p>
  );
  if (form.status !== "OPEN") {
    return (
      <>
        {back}
        <PageHeading caption={`Case ${form.reference}`} title="This case is closed" />
        <p>A new contact at the front door re-opens help for the family.</p>
      </>
    );
  }
  if (form.openRequest) {
    return (
      <>
        {back}
        <PageHeading caption={`Case ${form.reference}`} title="A request is already waiting" />
        <p>
          A request for a {KIND_LABELS[form.openRequest.kind].toLowerCase()} to {targetLabel(form.openRequest.to)} is waiting for a manager&apos;s decision.{" "}
          <Link href={`/transitions/${form.openRequest.id}`}>See the request</Link>.
        </p>
      </>
    );
  }
  const chosen = form.targets.find((t) => t.target === to);
  if (!chosen) {
    return (
      <>
        {back}
        <PageHeading caption={`Case ${form.reference} · ${form.familyName}`} title="What should happen to the case?">
          <p className="mt-2 flex items-center gap-2">
            Now at <LevelTag level={form.level} />
          </p>
          {to && (
            <p role="alert" className="mt-4 border-l-4 border-danger bg-white p-3 font-semibold">
              {refusalFor(form.level, to as Target)}
            </p>
          )}
        </PageHeading>
        <ul className="space-y-3">
          {form.targets.map((t) => (
            <li key={t.target} className="card">
              <Link href={`/cases/${form.caseId}/transitions/new?to=${t.target}`} className="text-lg font-bold">
                {t.kind === "CLOSURE" ? "Close the case" : `${KIND_LABELS[t.kind]} to ${targetLabel(t.target)}`}
              </Link>
              <p className="mt-1 text-muted">{EXPLAIN[t.kind]}</p>
            </li>
          ))}
        </ul>
      </>
    );
  }
  const reviewLabel = form.level === "CHILD_PROTECTION" ? "CP review" : form.level === "CHILD_IN_NEED" ? "CIN review" : "review";
  return (
    <>
      <p className="mb-4">
        <Link href={`/cases/${form.caseId}/transitions/new`}>Choose something else</Link>
      </p>
      <PageHeading
        caption={`Case ${form.reference} · ${form.familyName}`}
        title={chosen.kind === "CLOSURE" ? "Request closure" : `Request a ${KIND_LABELS[chosen.kind].toLowerCase()} to ${targetLabel(chosen.target)}`}
      >
        <p className="mt-2 text-muted">{EXPLAIN[chosen.kind]} A manager decides.</p>
      </PageHeading>
      <div className="card max-w-3xl">
        <RequestForm
          caseId={form.caseId}
          to={chosen.target}
          kind={chosen.kind}
          leadCandidates={form.leadCandidates.filter((p) => (chosen.target === "SUPPORT" || chosen.target === "EARLY_HELP" ? KEYWORKER_ROLES : SOCIAL_WORK_ROLES).includes(p.role))}
          reviewLabel={reviewLabel}
          socialWorkers={form.leadCandidates.filter((p) => SOCIAL_WORK_ROLES.includes(p.role))}
        />
      </div>
    </>
  );
}
