import Link from "next/link";
import type { SummaryVersion } from "@/lib/data/case-summary";
import { savedLine, SummaryText } from "./summary-text";

/** The case page's view of the case summary: the newest version, and the way to update it or see earlier ones. */
export function CaseSummarySection({ caseId, current, canEdit }: { caseId: string; current: SummaryVersion | null; canEdit: boolean }) {
  return (
    <section aria-labelledby="case-summary-heading" className="card">
      <h2 id="case-summary-heading" className="mb-1 text-xl font-bold">
        Case summary
      </h2>
      {current ? (
        <>
          <p className="mb-4 text-sm text-muted">{savedLine(current)}</p>
          <SummaryText summary={current} />
        </>
      ) : (
        <p className="mt-2">No case summary has been written yet.</p>
      )}
      {(canEdit || current) && (
        <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          {canEdit && (
            <li>
              <Link href={`/cases/${caseId}/summary`} className="inline-flex min-h-11 items-center">
                {current ? "Update the case summary" : "Write the case summary"}
              </Link>
            </li>
          )}
          {current && (
            <li>
              <Link href={`/cases/${caseId}/summary/history`} className="inline-flex min-h-11 items-center">
                Version history ({current.version} {current.version === 1 ? "version" : "versions"})
              </Link>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
