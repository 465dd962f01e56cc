import type { Metadata } from "next";
import Link from "next/link";
import { LevelTag } from "@/components/level-tag";
import { PageHeading } from "@/components/page-heading";
import { ScrollTable } from "@/components/scroll-table";
import { managesTeam } from "@/lib/auth/context";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getCurrentCaseSummary } from "@/lib/data/case-summary";
import { getCaseForView } from "@/lib/data/cases";
import { getCaseTimescales } from "@/lib/data/timescales";
import { listCaseTransitions } from "@/lib/data/transitions";
import { listVisitsForCase } from "@/lib/data/visits";
import { formatDate } from "@/lib/domain/dates";
import { ALLOCATION_ROLE_LABELS, ROLE_LABELS } from "@/lib/domain/roles";
import { CaseSummarySection } from "./_components/case-summary-section";
import { DueAndDriftSection } from "./_components/due-and-drift-section";
import { TransitionsSection } from "./_components/transitions-section";
import { VisitsSection } from "./_components/visits-section";

export const metadata: Metadata = { title: "Case" };

/** How many of the newest visits the case page shows; the rest are on the case's visits page. */
const RECENT_VISITS = 10;

export default async function CasePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ visit?: string; summary?: string; requested?: string; allocated?: string }> }) {
  const { id } = await params;
  const { visit, summary: savedVersion, requested, allocated } = await searchParams;
  const ctx = await requireContext();
  const [c, visits, summary, timescales, transitions] = await pageData(() =>
    Promise.all([getCaseForView(ctx, id), listVisitsForCase(ctx, id, { limit: RECENT_VISITS }), getCurrentCaseSummary(ctx, id), getCaseTimescales(ctx, id), listCaseTransitions(ctx, id)]),
  );
  const isOpen = c.status === "OPEN";
  const current = c.allocations.filter((a) => !a.endDate);
  const past = c.allocations.filter((a) => a.endDate);
  return (
    <>
      <PageHeading caption={`Case ${c.reference}`} title={c.family.name}>
        <p className="mt-3 flex flex-wrap items-center gap-3">
          <LevelTag level={c.level} />
          <span>{c.status === "OPEN" ? `Open since ${formatDate(c.openedOn)}` : `Closed ${formatDate(c.closedOn)} (${c.closureReason})`}</span>
          {c.team && <span className="text-muted">{c.team.name}</span>}
        </p>
        {c.status === "OPEN" && (
          <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-2" aria-label="Case actions">
            {can(ctx.role, "allocation:manage") && managesTeam(ctx, c.team?.id ?? null) && (
              <li>
                <Link href={`/cases/${c.id}/allocate`}>Allocate a worker</Link>
              </li>
            )}
            {can(ctx.role, "transition:request") && (
              <li>
                <Link href={`/cases/${c.id}/transitions/new`}>Request a step-up, step-down or closure</Link>
              </li>
            )}
            {can(ctx.role, "visit:record") && (
              <li>
                <Link href={`/cases/${c.id}/visits/new`}>Log a visit</Link>
              </li>
            )}
            {can(ctx.role, "summary:edit") && (
              <li>
                <Link href={`/cases/${c.id}/summary`}>{summary.current ? "Update the case summary" : "Write the case summary"}</Link>
              </li>
            )}
          </ul>
        )}
      </PageHeading>

      {requested && (
        <p role="status" className="mb-6 border-l-4 border-ok bg-white p-3">
          Your request has been sent to a manager for a decision.
        </p>
      )}
      {allocated && (
        <p role="status" className="mb-6 border-l-4 border-ok bg-white p-3">
          The worker has been allocated.
        </p>
      )}
      {visit === "recorded" && (
        <p role="status" className="mb-6 border-l-4 border-ok bg-white p-3">
          The visit has been recorded.
        </p>
      )}
      {savedVersion && summary.current && String(summary.current.version) === savedVersion && (
        <p role="status" className="mb-6 border-l-4 border-ok bg-white p-3">
          The case summary has been saved as version {summary.current.version}.
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="children-heading" className="card">
          <h2 id="children-heading" className="mb-3 text-xl font-bold">
            Children
          </h2>
          <ul className="space-y-2">
            {c.children.map((child) => (
              <li key={child.id}>
                <Link href={`/people/${child.id}`} className="font-semibold">
                  {child.name}
                </Link>
                <span className="block text-sm text-muted">
                  {child.dateOfBirth
                    ? `Born ${formatDate(child.dateOfBirth)} (${child.age})`
                    : `Expected ${formatDate(child.expectedDateOfBirth)}`}
                  {child.laChildId ? ` · ${child.laChildId}` : ""}
                </span>
              </li>
            ))}
          </ul>
          {c.adults.length > 0 && (
            <>
              <h3 className="mt-4 mb-2 font-bold">Adults in the family</h3>
              <ul className="space-y-1">
                {c.adults.map((adult) => (
                  <li key={adult.id}>
                    <Link href={`/people/${adult.id}`}>{adult.name}</Link>
                    <span className="text-muted"> · {adult.relationship.toLowerCase().replace("_", " ")}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="mt-4">
            <Link href={`/families/${c.family.id}`}>Family record</Link>
          </p>
        </section>

        <section aria-labelledby="workers-heading" className="card">
          <h2 id="workers-heading" className="mb-3 text-xl font-bold">
            Allocated workers
          </h2>
          {current.length === 0 ? (
            <p className="font-semibold text-danger">Nobody is allocated to this case.</p>
          ) : (
            <ul className="space-y-2">
              {current.map((a) => (
                <li key={a.id}>
                  <span className="font-semibold">{a.worker.name}</span>
                  <span className="block text-sm text-muted">
                    {ALLOCATION_ROLE_LABELS[a.roleOnCase]} · {ROLE_LABELS[a.worker.role]} · since {formatDate(a.startDate)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {past.length > 0 && (
            <details className="mt-4">
              <summary className="cursor-pointer text-link underline">Earlier workers ({past.length})</summary>
              <ScrollTable label="Earlier workers">
                <table className="table mt-2 text-sm">
                  <thead>
                    <tr>
                      <th scope="col">Worker</th>
                      <th scope="col">Role on case</th>
                      <th scope="col">From</th>
                      <th scope="col">To</th>
                      <th scope="col">Why it ended</th>
                    </tr>
                  </thead>
                  <tbody>
                    {past.map((a) => (
                      <tr key={a.id}>
                        <td>{a.worker.name}</td>
                        <td>{ALLOCATION_ROLE_LABELS[a.roleOnCase]}</td>
                        <td>{formatDate(a.startDate)}</td>
                        <td>{formatDate(a.endDate)}</td>
                        <td>{a.endReason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
            </details>
          )}
        </section>
      </div>

      <div className="mt-6 space-y-6">
        {isOpen && <DueAndDriftSection timescales={timescales} />}
        <TransitionsSection rows={transitions} />
        <CaseSummarySection caseId={c.id} current={summary.current} canEdit={isOpen && can(ctx.role, "summary:edit")} />
        <VisitsSection caseId={c.id} visits={visits.visits} total={visits.total} canRecord={isOpen && can(ctx.role, "visit:record")} />
      </div>
    </>
  );
}
