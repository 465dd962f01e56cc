// One KPI on the head of service's dashboard: its value, how many of how many, the England figure, the
// 24-month trend, how it is calculated and a link to it by team and by month.
import Link from "next/link";
import { TrendChart } from "@/components/trend-chart";
import type { Figure, TrendPoint } from "@/lib/data/kpis";
import { formatKpi, type KpiDefinition, type KpiUnit } from "@/lib/domain/kpi-definitions";

export const chartScale: Record<KpiUnit, { factor: number; suffix: string }> = {
  percent: { factor: 100, suffix: "%" },
  per10k: { factor: 1, suffix: "" },
  count: { factor: 1, suffix: "" },
  ratio: { factor: 1, suffix: "" },
  pounds: { factor: 1, suffix: "" },
};

const linkText = (byTeam: boolean, byMonth: boolean) => (byTeam && byMonth ? "By team and by month" : byTeam ? "By team" : "By month");

export function KpiCard({
  def,
  figure,
  trend,
  search,
  heading: Heading = "h2",
  besideValue,
  byTeam = true,
}: {
  def: KpiDefinition;
  figure: Figure | undefined;
  trend: TrendPoint[] | undefined;
  /** the period's query string, for the drill-down link */
  search: string;
  heading?: "h2" | "h3" | "h4";
  besideValue?: React.ReactNode;
  /** whether the figure is also worked out for each team */
  byTeam?: boolean;
}) {
  const scale = chartScale[def.unit];
  return (
    <li className="card" data-kpi={def.key}>
      <Heading className="text-lg font-bold">{def.title}</Heading>
      <p className="mt-1 text-3xl font-bold tabular-nums">
        {formatKpi(figure?.value ?? null, def.unit)}
        {def.valueSuffix && figure?.value !== null && figure?.value !== undefined && <span className="ml-2 text-base font-normal text-muted">{def.valueSuffix}</span>}
        {besideValue}
      </p>
      <p className="text-sm text-muted">
        {figure && figure.denominator !== null && def.unit === "percent" ? `${formatKpi(figure.numerator, "count")} of ${formatKpi(figure.denominator, "count")}` : "\u00a0"}
      </p>
      {figure?.detail && <p className="text-sm">{figure.detail}</p>}
      <p className="mt-1 text-sm">England: {def.england ? def.england.label : "no national figure"}</p>
      {trend ? (
        <TrendChart points={trend} england={def.england && def.unit !== "count" ? def.england.value : null} factor={scale.factor} suffix={scale.suffix} label={`${def.title}: the last 24 months`} />
      ) : (
        <p className="mt-2 text-sm text-muted">Measured now only: no history is kept for this figure.</p>
      )}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-link underline">How this is calculated</summary>
        <p className="mt-1">{def.definition}</p>
      </details>
      <p className="mt-2 text-sm">
        <Link href={`/kpis/${def.key}?${search}`} aria-label={`${def.title}: ${linkText(byTeam, !!trend)}`}>
          {linkText(byTeam, !!trend)}
        </Link>
      </p>
    </li>
  );
}
