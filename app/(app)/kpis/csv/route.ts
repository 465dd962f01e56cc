// CSV downloads of the KPI tables: the summary, one KPI's trend, or one KPI by team.
import { stringify } from "csv-stringify/sync";
import { currentContext } from "@/lib/auth/session";
import { getBoroughDashboard } from "@/lib/data/kpis";
import { todayInEngland } from "@/lib/domain/dates";
import { KPI_DEFINITIONS, KPI_KEYS, definitionOf, type KpiKey } from "@/lib/domain/kpi-definitions";
import { isAppError } from "@/lib/errors";
import { periodFromSearch } from "../period";

export async function GET(request: Request) {
  const ctx = await currentContext();
  if (!ctx) return new Response("Sign in first.", { status: 401 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  try {
    const dash = await getBoroughDashboard(ctx, periodFromSearch(params, todayInEngland()));
    const kpi = (KPI_KEYS as readonly string[]).includes(params.kpi ?? "") ? (params.kpi as KpiKey) : null;
    let rows: (string | number | null)[][];
    if (params.table === "trend" && kpi) {
      rows = [["month_ending", kpi], ...(dash.trends[kpi] ?? []).map((p) => [p.month, p.value])];
    } else if (params.table === "teams" && kpi) {
      rows = [["team", "value", "numerator", "denominator"], ...dash.byTeam.filter((t) => t.figures[kpi]).map((t) => [t.teamName, t.figures[kpi]!.value, t.figures[kpi]!.numerator, t.figures[kpi]!.denominator])];
    } else if (params.table === "placements") {
      const p = dash.placements;
      rows = [
        ["measure", "group", "value"],
        ...(p
          ? [
              ["placements_now", "all", p.current] as (string | number)[],
              ...Object.entries(p.byType).map(([k, v]) => ["placements_now_by_type", k, v]),
              ...Object.entries(p.byProvider).map(([k, v]) => ["placements_now_by_provider", k, v]),
              ...Object.entries(p.weeklySpend).map(([k, v]) => ["spend_a_week_now", k, v]),
              ...Object.entries(p.periodSpend).map(([k, v]) => ["spend_over_period", k, v]),
              ["placed_20_miles_or_more", "all", p.distance.twentyMilesOrMore],
              ["placed_out_of_area", "all", p.distance.outOfArea],
              ["location_unknown", "all", p.distance.unknown],
              ["agency_placements_avoided", "all", p.avoided.placements],
              ["agency_avoided_saving", "all", p.avoided.saving],
            ]
          : []),
      ];
    } else {
      rows = [
        ["kpi", "title", "value", "numerator", "denominator", "england"],
        ...KPI_DEFINITIONS.map((d) => [d.key, d.title, dash.figures[d.key].value, dash.figures[d.key].numerator, dash.figures[d.key].denominator, definitionOf(d.key).england?.value ?? null]),
      ];
    }
    const name = `continuum-kpis-${params.table ?? "summary"}${kpi ? `-${kpi}` : ""}-${dash.period.key}.csv`;
    return new Response(stringify(rows), { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"` } });
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: error.code === "FORBIDDEN" ? 403 : error.code === "NOT_FOUND" ? 404 : 400 });
    throw error;
  }
}
