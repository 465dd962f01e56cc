// The Placements section of the head of service's dashboard (issue 6): in-house and agency fostering,
// how far from home children are placed, spend by provider, the mix of placements and their stability.
// Everything comes from the snapshot (lib/data/kpis.ts); the formulas are in lib/domain
// (placements-analytics.ts, placements-spend.ts, placements-stability.ts). No child is named or linked.
import Link from "next/link";
import { ScrollTable } from "@/components/scroll-table";
import { TrendChart } from "@/components/trend-chart";
import type { BoroughDashboard } from "@/lib/data/kpis";
import { formatDate } from "@/lib/domain/dates";
import { definitionOf, formatKpi } from "@/lib/domain/kpi-definitions";
import { PLACEMENT_TYPE_GROUPS, SPEND_GROUPS } from "@/lib/domain/placements-analytics";
import { KpiCard, chartScale } from "./kpi-card";

const pounds = (n: number) => formatKpi(n, "pounds");
const count = (n: number) => formatKpi(n, "count");
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;
const STABILITY = ["stability-short", "stability-long", "sw-changes"] as const;

export function PlacementsSection({ dash, search }: { dash: BoroughDashboard; search: string }) {
  const p = dash.placements;
  const csv = (table: string) => `/kpis/csv?table=${table}&${search}`;
  return (
    <section aria-labelledby="placements-heading" className="card mt-6">
      <h2 id="placements-heading" className="mb-3 text-xl font-bold">
        Placements
      </h2>
      {!p ? (
        <p>
          These figures were kept before placements were measured as they are now, and are being worked out again: reload in a minute, or{" "}
          <Link href={`/kpis?${search}&refresh=1`}>work them out again now</Link>.
        </p>
      ) : (
        <>
          <p>
            {plural(p.current, "child", "children")} in placements on {formatDate(p.on)}, costing <strong>{pounds(p.weeklyTotal)}</strong> a week; {pounds(p.periodTotal)} over{" "}
            {dash.period.label.replace(/^(The|Financial)/, (w) => w.toLowerCase())}. <a href={csv("placements")}>Download as CSV</a>
          </p>

          <div className="mt-4 grid gap-6 lg:grid-cols-2">
            <Fostering dash={dash} search={search} />
            <Distance p={p} />
          </div>

          <h3 className="mt-6 text-lg font-bold">Spend</h3>
          <ScrollTable label="Spend by provider">
            <table className="table mt-2 text-sm sm:text-base">
              <caption className="text-left font-semibold">
                Spend by provider <span className="font-normal">(children placed and a week&apos;s spend on {formatDate(p.on)})</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">Provider</th>
                  <th scope="col" className="text-right">
                    Children
                  </th>
                  <th scope="col" className="text-right">
                    A week
                  </th>
                  <th scope="col" className="text-right">
                    Over the period
                  </th>
                </tr>
              </thead>
              <tbody>
                {SPEND_GROUPS.filter((r) => r.code !== "NONE" || p.byProvider.NONE || p.periodSpend.NONE).map((r) => (
                  <tr key={r.code}>
                    <th scope="row">
                      {r.label} <span className="block text-sm font-normal text-muted">{r.code === "NONE" ? "temporary and other" : r.code}</span>
                    </th>
                    <td className="text-right tabular-nums">{count(p.byProvider[r.code] ?? 0)}</td>
                    <td className="text-right tabular-nums">{pounds(p.weeklySpend[r.code] ?? 0)}</td>
                    <td className="text-right tabular-nums">{pounds(p.periodSpend[r.code] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" className="border-b">
                    All providers
                  </th>
                  <td className="text-right font-semibold tabular-nums">{count(p.current)}</td>
                  <td className="text-right font-semibold tabular-nums">{pounds(p.weeklyTotal)}</td>
                  <td className="text-right font-semibold tabular-nums">{pounds(p.periodTotal)}</td>
                </tr>
              </tfoot>
            </table>
          </ScrollTable>
          <p className="mt-2 text-sm">
            {p.weeklyWithoutCost > 0 || p.periodWithoutCost > 0
              ? `Without a weekly cost recorded, so not in the spend: ${count(p.weeklyWithoutCost)} of the placements on ${formatDate(p.on)}, ${count(p.periodWithoutCost)} of those in the period. `
              : "Every placement has a weekly cost recorded. "}
            <a href={csv("placement-spend")}>Download spend by provider (CSV)</a>
          </p>
          <SpendTrend dash={dash} search={search} />

          <h3 className="mt-6 text-lg font-bold">Placement mix</h3>
          <ScrollTable label="Placements by type">
            <table className="table mt-2">
              <caption className="text-left font-semibold">Placements by type on {formatDate(p.on)}</caption>
              <thead>
                <tr>
                  <th scope="col">Type of placement (codes)</th>
                  <th scope="col" className="text-right">
                    Children
                  </th>
                  <th scope="col" className="text-right">
                    Share
                  </th>
                </tr>
              </thead>
              <tbody>
                {PLACEMENT_TYPE_GROUPS.map((g) => {
                  const n = p.byTypeGroup[g.key] ?? 0;
                  return (
                    <tr key={g.key}>
                      <th scope="row">
                        {g.label} <span className="block text-sm font-normal text-muted">{g.codes.join(", ")}</span>
                      </th>
                      <td className="text-right tabular-nums">{count(n)}</td>
                      <td className="text-right tabular-nums">{formatKpi(p.current === 0 ? null : n / p.current, "percent")}</td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" className="border-b">
                    All placements
                  </th>
                  <td className="text-right font-semibold tabular-nums">{count(p.current)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </ScrollTable>
          <p className="mt-2 text-sm">
            By provider: the first column of the spend table. <a href={csv("placement-mix")}>Download placements by type (CSV)</a>
          </p>

          <h3 className="mt-6 text-lg font-bold">Placement stability</h3>
          <ul className="mt-2 grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label="Placement stability">
            {STABILITY.map((key) => (
              <KpiCard key={key} def={definitionOf(key)} figure={dash.figures[key]} trend={dash.trends[key]} search={search} heading="h4" byTeam={false} />
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <a href={csv("placement-stability")}>Download placement stability (CSV)</a>
          </p>
        </>
      )}
    </section>
  );
}

/** In-house share, agency placements and the saving of agency placements avoided. */
function Fostering({ dash, search }: { dash: BoroughDashboard; search: string }) {
  const p = dash.placements!;
  const def = definitionOf("in-house-share");
  const trend = dash.trends["in-house-share"];
  const on = formatDate(p.on);
  return (
    <div data-kpi="in-house-share">
      <h3 className="text-lg font-bold">In-house and agency fostering</h3>
      <dl className="mt-2 space-y-3">
        <div>
          <dt id="in-house-share-term" className="font-semibold">
            {def.title}
          </dt>
          <dd>
            {/* named, so the figure can be found as the group "In-house share of fostering placements" */}
            <div role="group" aria-labelledby="in-house-share-term">
              <p className="text-3xl font-bold tabular-nums">{formatKpi(p.fostering.share, "percent")}</p>
              <p className="text-sm text-muted">
                {count(p.fostering.inHouse)} of {plural(p.fostering.fostering, "child", "children")} in foster care on {on} with the council&apos;s own foster carers
              </p>
            </div>
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Agency (IFA) foster placements</dt>
          <dd>
            {count(p.fostering.agency)} on {on}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Agency placements avoided (estimated saving)</dt>
          <dd>
            {count(p.avoided.placements)} in-house placements made instead of agency ones in the period: {p.avoided.weeks} weeks, <strong>{pounds(p.avoided.saving)}</strong> saved
            at {pounds(p.avoided.perWeek)} a week. {count(p.avoided.now)} open on {on}, saving {pounds(p.avoided.savingAWeekNow)} a week.
          </dd>
        </div>
      </dl>
      <p className="mt-2 text-sm">England: {def.england ? def.england.label : "no national figure"}</p>
      {trend && <TrendChart points={trend} england={null} factor={chartScale.percent.factor} suffix={chartScale.percent.suffix} label={`${def.title}: the last 24 months`} />}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-link underline">How these are calculated</summary>
        <p className="mt-1">{def.definition}</p>
        <p className="mt-1">
          Agency (IFA) placements are foster placements with a private or voluntary provider (PR4, PR5). An agency placement avoided is an in-house foster placement recorded, when
          the child moved, as found instead of an agency one; a change of legal status alone does not make it another. The saving is its weeks in the period (a placement still
          open runs to the period&apos;s end) times the council&apos;s estimate of what each avoided placement saves a week, {pounds(p.avoided.perWeek)} (setting
          placements.ifaSavingPerWeek).
        </p>
      </details>
      <p className="mt-2 text-sm">
        <Link href={`/kpis/in-house-share?${search}`}>In-house share by month</Link>
      </p>
    </div>
  );
}

/** Placements now 20 miles or more from home and out of the council's area, unknowns on their own. */
function Distance({ p }: { p: NonNullable<BoroughDashboard["placements"]> }) {
  const knownDistance = p.current - p.distance.unknown;
  const knownArea = p.current - p.distance.areaUnknown;
  const share = (n: number, of: number) => (of === 0 ? "" : ` (${formatKpi(n / of, "percent")})`);
  return (
    <div>
      <h3 className="text-lg font-bold">How far from home</h3>
      <dl className="mt-2 space-y-3">
        <div>
          <dt className="font-semibold">Placed 20 miles or more from home</dt>
          <dd>
            <span className="text-2xl font-bold tabular-nums">{count(p.distance.twentyMilesOrMore)}</span> of {count(knownDistance)} placements whose distance is known
            {share(p.distance.twentyMilesOrMore, knownDistance)}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Placed outside the council&apos;s area</dt>
          <dd>
            <span className="text-2xl font-bold tabular-nums">{count(p.distance.outOfArea)}</span> of {count(knownArea)} placements whose local authority is known
            {share(p.distance.outOfArea, knownArea)}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Not known</dt>
          <dd>
            {p.distance.unknown === 0 && p.distance.areaUnknown === 0 ? (
              "Every placement has its location and local authority recorded."
            ) : (
              <>
                Distance: {plural(p.distance.unknown, "placement", "placements")} without the child&apos;s home or the placement&apos;s location recorded. Area:{" "}
                {count(p.distance.areaUnknown)} without the placement&apos;s local authority. Neither is counted as near or in the area.
              </>
            )}
          </dd>
        </div>
      </dl>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-link underline">How these are calculated</summary>
        <p className="mt-1">
          Placements open on {formatDate(p.on)} (the period&apos;s last day, or today if it has not ended). Distance is the straight line between the child&apos;s home and the
          placement, from the locations recorded with them; 20 miles or more counts. Out of area means the placement is in another local authority than the council&apos;s.
        </p>
      </details>
    </div>
  );
}

/** Placement spend over the 12 months to each month end, with its definition. */
function SpendTrend({ dash, search }: { dash: BoroughDashboard; search: string }) {
  const def = definitionOf("placement-spend");
  const trend = dash.trends["placement-spend"];
  return (
    <div className="mt-4">
      {trend && (
        <>
          <p className="text-sm font-semibold">Spend over the 12 months to each month end (thousands of pounds)</p>
          <TrendChart points={trend} england={null} factor={0.001} suffix="k" label="Placement spend over the 12 months to each month end, in thousands of pounds: the last 24 months" />
        </>
      )}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-link underline">How spend is calculated</summary>
        <p className="mt-1">{def.definition}</p>
        <p className="mt-1">A week&apos;s spend is the weekly cost of each placement open on the day.</p>
      </details>
      <p className="mt-2 text-sm">
        <Link href={`/kpis/placement-spend?${search}`}>Placement spend by month</Link>
      </p>
    </div>
  );
}
