// CSV downloads of the KPI tables: the summary, one KPI's trend, one KPI by team or by worker, the placement figures
// (all of them, or the spend, mix and stability tables). Every download is audited; cells that a
// spreadsheet would run as a formula (a team named "=HYPERLINK(…)") are written as text.
import { stringify } from "csv-stringify/sync";
import { currentContext } from "@/lib/auth/session";
import { getBoroughDashboard, recordKpiDownload } from "@/lib/data/kpis";
import { todayInEngland } from "@/lib/domain/dates";
import { KPI_DEFINITIONS, KPI_KEYS, PLACEMENT_KPIS, definitionOf, type KpiKey } from "@/lib/domain/kpi-definitions";
import { PLACEMENT_TYPE_GROUPS, SPEND_GROUPS } from "@/lib/domain/placements-analytics";
import { isAppError } from "@/lib/errors";
import { periodFromSearch } from "../period";

const TABLES = ["summary", "trend", "teams", "workers", "placements", "placement-spend", "placement-mix", "placement-stability"] as const;
type Table = (typeof TABLES)[number];
/** Tables of one KPI, which need ?kpi= to be one. */
const PER_KPI: readonly Table[] = ["trend", "teams", "workers"];

const notFound = (message: string) => new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(request: Request) {
  const ctx = await currentContext();
  if (!ctx) return new Response("Sign in first.", { status: 401 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  // only known tables (the name goes into the file name); anything else is no table of ours
  const table = (params.table ?? "summary") as Table;
  if (!TABLES.includes(table)) return notFound("There is no such KPI table.");
  const kpi = PER_KPI.includes(table) && (KPI_KEYS as readonly string[]).includes(params.kpi ?? "") ? (params.kpi as KpiKey) : null;
  if (PER_KPI.includes(table) && !kpi) return notFound("There is no such KPI.");
  try {
    const dash = await getBoroughDashboard(ctx, periodFromSearch(params, todayInEngland()));
    let rows: (string | number | null)[][];
    if (table === "trend" && kpi) {
      rows = [["month_ending", kpi], ...(dash.trends[kpi] ?? []).map((p) => [p.month, p.value])];
    } else if (table === "teams" && kpi) {
      rows = [["team", "value", "numerator", "denominator"], ...dash.byTeam.filter((t) => t.figures[kpi]).map((t) => [t.teamName, t.figures[kpi]!.value, t.figures[kpi]!.numerator, t.figures[kpi]!.denominator])];
    } else if (table === "workers" && kpi) {
      const teams = new Map(dash.byTeam.map((t) => [t.teamId, t.teamName]));
      const workers = (dash.byWorker ?? []).filter((w) => w.figures[kpi] && (!params.team || w.teamId === params.team));
      rows = [["worker", "team", "value", "numerator", "denominator"], ...workers.map((w) => [w.name, w.teamId ? (teams.get(w.teamId) ?? "") : "", w.figures[kpi]!.value, w.figures[kpi]!.numerator, w.figures[kpi]!.denominator])];
    } else if (table === "placements") {
      const p = dash.placements;
      rows = [
        ["measure", "group", "value"],
        ...(p
          ? [
              ["measured_on", "all", p.on] as (string | number | null)[],
              ["placements_now", "all", p.current],
              ...Object.entries(p.byTypeGroup).map(([k, v]) => ["placements_now_by_type_group", k, v]),
              ...Object.entries(p.byType).map(([k, v]) => ["placements_now_by_type", k, v]),
              ...Object.entries(p.byProvider).map(([k, v]) => ["placements_now_by_provider", k, v]),
              ["in_house_fostering_now", "all", p.fostering.inHouse],
              ["agency_fostering_now", "all", p.fostering.agency],
              ["fostering_now", "all", p.fostering.fostering],
              ["in_house_share", "all", p.fostering.share],
              ...Object.entries(p.weeklySpend).map(([k, v]) => ["spend_a_week_now", k, v]),
              ["spend_a_week_now", "all", p.weeklyTotal],
              ["without_cost_now", "all", p.weeklyWithoutCost],
              ...Object.entries(p.periodSpend).map(([k, v]) => ["spend_over_period", k, v]),
              ["spend_over_period", "all", p.periodTotal],
              ["without_cost_in_period", "all", p.periodWithoutCost],
              ["placed_20_miles_or_more", "all", p.distance.twentyMilesOrMore],
              ["location_unknown", "all", p.distance.unknown],
              ["placed_out_of_area", "all", p.distance.outOfArea],
              ["area_unknown", "all", p.distance.areaUnknown],
              ["agency_placements_avoided", "all", p.avoided.placements],
              ["agency_avoided_weeks", "all", p.avoided.weeks],
              ["agency_avoided_saving", "all", p.avoided.saving],
              ["agency_avoided_now", "all", p.avoided.now],
              ["agency_avoided_saving_a_week_now", "all", p.avoided.savingAWeekNow],
              ["agency_saving_per_week_setting", "all", p.avoided.perWeek],
              ...PLACEMENT_KPIS.map((k) => [k, "all", dash.figures[k].value]),
            ]
          : []),
      ];
    } else if (table === "placement-spend") {
      const p = dash.placements;
      rows = [
        ["provider", "label", "placements_now", "spend_a_week_now", "spend_over_period"],
        ...(p ? SPEND_GROUPS.map((g) => [g.code, g.label, p.byProvider[g.code] ?? 0, p.weeklySpend[g.code], p.periodSpend[g.code]]) : []),
        ...(p ? [["all", "All providers", p.current, p.weeklyTotal, p.periodTotal]] : []),
      ];
    } else if (table === "placement-mix") {
      const p = dash.placements;
      rows = [
        ["type_group", "label", "codes", "placements_now"],
        ...(p ? PLACEMENT_TYPE_GROUPS.map((g) => [g.key, g.label, g.codes.join(" "), p.byTypeGroup[g.key] ?? 0]) : []),
        ...(p ? [["all", "All placements", "", p.current]] : []),
      ];
    } else if (table === "placement-stability") {
      const keys: KpiKey[] = ["stability-short", "stability-long", "sw-changes"];
      rows = [
        ["kpi", "title", "value", "numerator", "denominator", "england"],
        ...keys.map((k) => [k, definitionOf(k).title, dash.figures[k].value, dash.figures[k].numerator, dash.figures[k].denominator, definitionOf(k).england?.value ?? null]),
      ];
    } else {
      rows = [
        ["kpi", "title", "value", "numerator", "denominator", "england"],
        ...KPI_DEFINITIONS.map((d) => [d.key, d.title, dash.figures[d.key].value, dash.figures[d.key].numerator, dash.figures[d.key].denominator, definitionOf(d.key).england?.value ?? null]),
      ];
    }
    const csv = stringify(rows, { escape_formulas: true });
    await recordKpiDownload(ctx, { table, kpi, periodKey: dash.period.key, rows: rows.length - 1 });
    // built only from the known table, KPI and period key; anything else is dropped all the same
    const name = `continuum-kpis-${table}${kpi ? `-${kpi}` : ""}-${dash.period.key}.csv`.replace(/[^\w.-]/g, "_");
    return new Response(csv, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: error.code === "FORBIDDEN" ? 403 : error.code === "NOT_FOUND" ? 404 : 400 });
    throw error;
  }
}
