import type { VisitView } from "@/lib/data/visits";
import { formatLondonDateTime } from "@/lib/domain/london-time";
import { VISIT_TYPE_LABELS } from "@/lib/domain/visits";

export function SignificantTag({ significant }: { significant: boolean }) {
  return significant ? (
    <strong className="inline-block rounded bg-[#cce2d8] px-2 py-0.5 text-sm font-semibold text-[#005a30]">Significant</strong>
  ) : (
    <span className="inline-block rounded bg-[#e5e6e7] px-2 py-0.5 text-sm text-ink">Not significant</span>
  );
}

/** Visits newest first: when, what kind, who recorded it, the children seen, the note and the child's words. */
export function VisitList({ visits }: { visits: VisitView[] }) {
  return (
    <ol className="divide-y divide-line">
      {visits.map((v) => (
        <li key={v.id} id={`visit-${v.id}`} className="py-4 first:pt-0 last:pb-0">
          <article aria-labelledby={`visit-${v.id}-heading`}>
            <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
              <h3 id={`visit-${v.id}-heading`} className="text-lg font-bold">
                {VISIT_TYPE_LABELS[v.type]}, {formatLondonDateTime(v.visitedAt)}
              </h3>
              <SignificantTag significant={v.significant} />
            </div>
            <p className="text-sm text-muted">
              Recorded by {v.recordedBy} on {formatLondonDateTime(v.recordedAt)}
            </p>
            <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="font-semibold sm:font-normal sm:text-muted">Children seen</dt>
              <dd className="mb-2 sm:mb-0">
                {v.children.length === 0 ? (
                  "No child was seen"
                ) : (
                  <ul>
                    {v.children.map((c) => (
                      <li key={c.id}>
                        {c.name}
                        {c.seenAlone ? <strong className="font-semibold"> (seen alone)</strong> : <span className="text-muted"> (with others there)</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
              {v.othersPresent && (
                <>
                  <dt className="font-semibold sm:font-normal sm:text-muted">Also there</dt>
                  <dd className="mb-2 sm:mb-0">{v.othersPresent}</dd>
                </>
              )}
              <dt className="font-semibold sm:font-normal sm:text-muted">Note</dt>
              <dd className="mb-2 whitespace-pre-line sm:mb-0">{v.note}</dd>
              {v.wishesAndFeelings && (
                <>
                  <dt className="font-semibold sm:font-normal sm:text-muted">Wishes and feelings</dt>
                  <dd className="whitespace-pre-line">
                    <blockquote className="border-l-4 border-brand pl-3 italic">{v.wishesAndFeelings}</blockquote>
                  </dd>
                </>
              )}
            </dl>
          </article>
        </li>
      ))}
    </ol>
  );
}
