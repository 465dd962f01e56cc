import type { Metadata } from "next";
import Link from "next/link";
import { after } from "next/server";
import { ErrorSummary } from "@/components/error-summary";
import { PageHeading } from "@/components/page-heading";
import { ScrollTable } from "@/components/scroll-table";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { BENCHMARKED_KPIS, getBenchmarking, getBoroughDashboard, refreshBoroughDashboard } from "@/lib/data/kpis";
import { formatDate, todayInEngland } from "@/lib/domain/dates";
import { KPI_DEFINITIONS, definitionOf, formatKpi, isPlacementKpi } from "@/lib/domain/kpi-definitions";
import { financialYearOf } from "@/lib/domain/kpis";
import { KpiCard } from "./kpi-card";
import { PeriodForm } from "./period-form";
import { PlacementsSection } from "./placements-section";
import { periodFromSearch, periodProblem, searchOf } from "./period";

export const metadata: Metadata = { title: "Borough KPIs" };

export default async function KpisPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const ctx = await requireContext();
  const today = todayInEngland();
  const choice = periodFromSearch(params, today);
  const problem = periodProblem(params);
  const dash = await pageData(() => getBoroughDashboard(ctx, choice, { refresh: params.refresh === "1" }));
  // older figures are shown at once and worked out again once the page has been sent
  if (dash.stale) after(() => refreshBoroughDashboard(ctx, choice));
  const benchmark = await pageData(() => getBenchmarking(ctx, dash.period.key.startsWith("fy-") ? dash.period.key : "rolling"));
  const thisYear = Number(financialYearOf(today).to.slice(0, 4));
  const search = searchOf(choice);
  const computed = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" }).format(new Date(dash.computedAt));
  return (
    <>
      <PageHeading caption={ctx.tenantName} title="Borough KPIs">
        <p className="mt-2">
          {dash.period.label} ({formatDate(dash.period.from)} to {formatDate(dash.period.to)}). Figures worked out at {computed}
          {dash.stale ? " (newer figures are being worked out: reload in a minute)" : ""}. <Link href={`/kpis?${search}&refresh=1`}>Work them out again now</Link> ·{" "}
          <a href={`/kpis/csv?table=summary&${search}`}>Download as CSV</a>
        </p>
      </PageHeading>
      {problem && <ErrorSummary errors={[{ field: problem.field, message: `${problem.message}. Until then, the financial year is shown.` }]} />}
      <PeriodForm choice={choice} years={[thisYear, thisYear - 1, thisYear - 2]} problem={problem} typed={{ from: params.from, to: params.to }} />

      <ul className="grid gap-4 md:grid-cols-2" aria-label="KPIs">
        {KPI_DEFINITIONS.filter((def) => !isPlacementKpi(def.key)).map((def) => (
          <KpiCard
            key={def.key}
            def={def}
            figure={dash.figures[def.key]}
            trend={dash.trends[def.key]}
            search={search}
            byTeam={dash.byTeam.some((t) => t.figures[def.key])}
            besideValue={
              def.key === "cp-plans" && dash.cpRatePer10k !== null ? <span className="ml-2 text-base font-normal text-muted">{dash.cpRatePer10k.toFixed(1)} per 10,000</span> : null
            }
          />
        ))}
      </ul>

      <section aria-labelledby="flows-heading" className="card mt-6">
        <h2 id="flows-heading" className="mb-3 text-xl font-bold">
          Step-ups, step-downs and closures in the period
        </h2>
        {Object.keys(dash.flows).length === 0 ? (
          <p>No approved transitions in the period.</p>
        ) : (
          <ul className="grid gap-1 sm:grid-cols-2">
            {Object.entries(dash.flows).map(([flow, n]) => (
              <li key={flow}>
                {flow.replace(/_/g, " ").toLowerCase().replace("→", " → ")}: <strong>{n}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>

      <PlacementsSection dash={dash} search={search} />

      <section aria-labelledby="benchmark-heading" className="card mt-6">
        <h2 id="benchmark-heading" className="mb-3 text-xl font-bold">
          Benchmarking with partner councils
        </h2>
        {!benchmark.sharing ? (
          <p>This council does not share figures with partner councils. An administrator can opt in under the council&apos;s settings.</p>
        ) : (
          <>
            <p className="mb-3">
              {benchmark.group ? `${benchmark.group}: h` : "H"}eadline figures only, with counts under 5 hidden. No child&apos;s record leaves the council.
            </p>
            <ScrollTable label="Partner councils' figures">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Council</th>
                    {BENCHMARKED_KPIS.map((k) => (
                      <th key={k} scope="col">
                        {definitionOf(k).title}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {benchmark.rows.map((r) => (
                    <tr key={r.councilName}>
                      <th scope="row">
                        {r.councilName}
                        {r.own ? " (you)" : ""}
                      </th>
                      {BENCHMARKED_KPIS.map((k) => (
                        <td key={k} className="tabular-nums">
                          {r.values[k] === null || r.values[k] === undefined ? "suppressed" : formatKpi(r.values[k], definitionOf(k).unit)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
            {benchmark.partners.some((p) => p.councilName === null) && (
              <p className="mt-3">
                Not sharing with this council yet: LA {benchmark.partners.filter((p) => p.councilName === null).map((p) => p.laCode).join(", ")}. A partner&apos;s figures appear here once its
                administrator opts in and enters this council&apos;s LA code, {benchmark.ownLaCode}.
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}
