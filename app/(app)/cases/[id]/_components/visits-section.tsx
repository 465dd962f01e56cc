import Link from "next/link";
import type { VisitView } from "@/lib/data/visits";
import { VisitList } from "./visit-list";

/** The case page's most recent visits, newest first, with the way to log one. */
export function VisitsSection({ caseId, visits, total, canRecord }: { caseId: string; visits: VisitView[]; total: number; canRecord: boolean }) {
  return (
    <section aria-labelledby="visits-heading" className="card">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="visits-heading" className="text-xl font-bold">
          Visits
        </h2>
        {canRecord && (
          <Link href={`/cases/${caseId}/visits/new`} className="btn text-white! no-underline">
            Log a visit
          </Link>
        )}
      </div>
      {total === 0 ? <p>No visits have been recorded yet.</p> : <VisitList visits={visits} />}
      {total > visits.length && (
        <p className="mt-4">
          <Link href={`/cases/${caseId}/visits`}>See all {total} visits</Link>
        </p>
      )}
    </section>
  );
}
