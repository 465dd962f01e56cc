// The placements part of the head of service's dashboard: mix, spend, distance and the saving of
// in-house placements made instead of agency ones. The formulas are in lib/domain/placements-analytics.ts.
import { ScrollTable } from "@/components/scroll-table";
import { formatDate } from "@/lib/domain/dates";
import { formatKpi } from "@/lib/domain/kpi-definitions";
import type { PlacementAnalytics } from "@/lib/domain/placements-analytics";
import { PLACEMENT_TYPES, codeLabel } from "@/lib/domain/ssda903-codes";

const PROVIDERS: Record<string, string> = { PR0: "Parent", PR1: "Own council", PR2: "Other council", PR3: "Other public", PR4: "Private", PR5: "Voluntary", NONE: "No provider" };
const pounds = (n: number) => formatKpi(n, "pounds");

export function PlacementsSection({ p, periodLabel, csvHref }: { p: PlacementAnalytics | undefined; periodLabel: string; csvHref: string }) {
  return (
    <section aria-labelledby="placements-heading" className="card mt-6">
      <h2 id="placements-heading" className="mb-3 text-xl font-bold">
        Placements
      </h2>
      {!p ? (
        <p>These figures were kept before placements were measured: work them out again to see them.</p>
      ) : (
        <>
          <p>
            {p.current} children in placements on {formatDate(p.on)}, costing <strong>{pounds(p.weeklyTotal)}</strong> a week; {pounds(p.periodTotal)} over {periodLabel}.{" "}
            <a href={csvHref}>Download as CSV</a>
          </p>
          <dl className="mt-3 grid gap-3 sm:grid-cols-2">
            <div>
              <dt className="font-semibold">Placed 20 miles or more from home</dt>
              <dd>
                {p.distance.twentyMilesOrMore}
                {p.distance.unknown > 0 && <span className="text-sm text-muted"> ({p.distance.unknown} with no location recorded, not counted)</span>}
              </dd>
            </div>
            <div>
              <dt className="font-semibold">Placed outside the council&apos;s area</dt>
              <dd>{p.distance.outOfArea}</dd>
            </div>
            <div>
              <dt className="font-semibold">Agency placements avoided (estimated saving)</dt>
              <dd>
                {p.avoided.placements} in-house placements made instead of agency ones: {p.avoided.weeks} weeks in the period, <strong>{pounds(p.avoided.saving)}</strong> saved at{" "}
                {pounds(p.avoided.perWeek)} a week
              </dd>
            </div>
          </dl>
          <div className="mt-4 grid gap-6 lg:grid-cols-2">
            <ScrollTable label="Spend by provider">
              <table className="table">
                <caption className="text-left font-bold">Spend by provider</caption>
                <thead>
                  <tr>
                    <th scope="col">Provider</th>
                    <th scope="col" className="text-right">
                      Placements now
                    </th>
                    <th scope="col" className="text-right">
                      A week now
                    </th>
                    <th scope="col" className="text-right">
                      Over the period
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {Object.keys(PROVIDERS)
                    .filter((k) => (p.byProvider[k] ?? 0) > 0 || (p.periodSpend[k as keyof typeof p.periodSpend] ?? 0) > 0)
                    .map((k) => (
                      <tr key={k}>
                        <th scope="row">{PROVIDERS[k]}</th>
                        <td className="text-right">{p.byProvider[k] ?? 0}</td>
                        <td className="text-right">{pounds(p.weeklySpend[k as keyof typeof p.weeklySpend] ?? 0)}</td>
                        <td className="text-right">{pounds(p.periodSpend[k as keyof typeof p.periodSpend] ?? 0)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </ScrollTable>
            <ScrollTable label="Placements by type">
              <table className="table">
                <caption className="text-left font-bold">Placements by type, now</caption>
                <thead>
                  <tr>
                    <th scope="col">Type</th>
                    <th scope="col" className="text-right">
                      Children
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(p.byType)
                    .sort((a, b) => b[1] - a[1])
                    .map(([code, n]) => (
                      <tr key={code}>
                        <th scope="row">
                          {code}: {codeLabel(PLACEMENT_TYPES, code)}
                        </th>
                        <td className="text-right">{n}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </ScrollTable>
          </div>
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-link underline">How these are calculated</summary>
            <p className="mt-1">
              &ldquo;Now&rdquo; is the period&apos;s last day, or today if the period has not ended. A week&apos;s spend is the weekly cost of each placement open then; the period&apos;s spend
              is each placement&apos;s weekly cost for the days of it inside the period. Distance is straight-line miles between the child&apos;s home and the placement; out of area means
              the placement is in another local authority. The saving counts the weeks in the period of in-house placements recorded as made instead of an agency one, at the
              council&apos;s setting (placements.ifaSavingPerWeek). Placement stability, the in-house share and social worker changes are in the KPIs above.
            </p>
          </details>
        </>
      )}
    </section>
  );
}
