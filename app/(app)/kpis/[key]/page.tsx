import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeading } from "@/components/page-heading";
import { ScrollTable } from "@/components/scroll-table";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getBoroughDashboard, WORKER_KPIS } from "@/lib/data/kpis";
import { formatDate, todayInEngland } from "@/lib/domain/dates";
import { KPI_KEYS, definitionOf, formatKpi, type KpiKey } from "@/lib/domain/kpi-definitions";
import { periodFromSearch, searchOf } from "../period";

export const metadata: Metadata = { title: "KPI by team and worker" };

export default async function KpiDetailPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { key } = await params;
  if (!(KPI_KEYS as readonly string[]).includes(key)) notFound();
  const kpi = key as KpiKey;
  const ctx = await requireContext();
  const query = await searchParams;
  const choice = periodFromSearch(query, todayInEngland());
  const dash = await pageData(() => getBoroughDashboard(ctx, choice));
  const def = definitionOf(kpi);
  const search = searchOf(choice);
  const teams = dash.byTeam.filter((t) => t.figures[kpi]);
  const trend = dash.trends[kpi] ?? [];
  // the practitioners' own figures, for the KPIs about one worker's work; one team's when a team is chosen
  const team = teams.find((t) => t.teamId === query.team) ?? null;
  const workers = WORKER_KPIS.includes(kpi) ? (dash.byWorker ?? []).filter((w) => w.figures[kpi] && (!team || w.teamId === team.teamId)) : [];
  const teamNames = new Map(dash.byTeam.map((t) => [t.teamId, t.teamName]));
  return (
    <>
      <p className="mb-4">
        <Link href={`/kpis?${search}`}>All KPIs</Link>
      </p>
      <PageHeading caption={dash.period.label} title={def.title}>
        <p className="mt-2 text-3xl font-bold tabular-nums">{formatKpi(dash.figures[kpi].value, def.unit)}</p>
        <p className="mt-2 max-w-3xl">{def.definition}</p>
        <p className="mt-2">England: {def.england ? def.england.label : "no national figure"}</p>
      </PageHeading>
      <section aria-labelledby="teams-heading" className="card mb-6">
        <h2 id="teams-heading" className="mb-3 text-xl font-bold">
          By team
        </h2>
        {teams.length === 0 ? (
          <p>This figure is for the council as a whole: it is not split by team.</p>
        ) : (
          <>
            <ScrollTable label={`${def.title} by team`}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Team</th>
                    <th scope="col" className="text-right">
                      Value
                    </th>
                    <th scope="col" className="text-right">
                      Of
                    </th>
                    {WORKER_KPIS.includes(kpi) && (
                      <th scope="col">
                        <span className="sr-only">Workers</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {teams.map((t) => {
                    const f = t.figures[kpi]!;
                    return (
                      <tr key={t.teamId}>
                        <th scope="row">{dash.canSeeCases ? <Link href={`/teams/${t.teamId}`}>{t.teamName}</Link> : t.teamName}</th>
                        <td className="text-right tabular-nums">{f.note ? `${f.numerator} ${f.note}` : formatKpi(f.value, def.unit)}</td>
                        <td className="text-right tabular-nums">{f.denominator !== null && def.unit === "percent" ? `${f.numerator} of ${f.denominator}` : "—"}</td>
                        {WORKER_KPIS.includes(kpi) && (
                          <td>
                            <Link href={`/kpis/${kpi}?${search}&team=${t.teamId}#workers-heading`}>
                              Workers<span className="sr-only"> in {t.teamName}</span>
                            </Link>
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollTable>
            <p className="mt-3">
              <a href={`/kpis/csv?table=teams&kpi=${kpi}&${search}`}>Download this table as CSV</a>
            </p>
          </>
        )}
      </section>
      {WORKER_KPIS.includes(kpi) && (
        <section aria-labelledby="workers-heading" className="card mb-6">
          <h2 id="workers-heading" className="mb-3 text-xl font-bold">
            By worker{team ? `: ${team.teamName}` : ""}
          </h2>
          {team && (
            <p className="mb-3">
              <Link href={`/kpis/${kpi}?${search}#workers-heading`}>Every team&apos;s workers</Link>
            </p>
          )}
          {workers.length === 0 ? (
            <p>No practitioner holds cases{team ? " in this team" : ""}.</p>
          ) : (
            <>
              <ScrollTable label={`${def.title} by worker`}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Worker</th>
                      <th scope="col">Team</th>
                      <th scope="col" className="text-right">
                        Value
                      </th>
                      <th scope="col" className="text-right">
                        Of
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {workers.map((w) => {
                      const f = w.figures[kpi]!;
                      return (
                        <tr key={w.workerId}>
                          <th scope="row">{w.name}</th>
                          <td>{w.teamId ? (teamNames.get(w.teamId) ?? "") : "No team"}</td>
                          <td className="text-right tabular-nums">
                            {formatKpi(f.value, def.unit)}
                            {f.detail && <span className="block text-sm text-muted">{f.detail}</span>}
                          </td>
                          <td className="text-right tabular-nums">{f.denominator !== null && def.unit === "percent" ? `${f.numerator} of ${f.denominator}` : "—"}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </ScrollTable>
              <p className="mt-3">
                <a href={`/kpis/csv?table=workers&kpi=${kpi}&${search}${team ? `&team=${team.teamId}` : ""}`}>Download this table as CSV</a>
              </p>
            </>
          )}
        </section>
      )}
      {trend.length > 0 && (
        <section aria-labelledby="months-heading" className="card">
          <h2 id="months-heading" className="mb-3 text-xl font-bold">
            By month
          </h2>
          <ScrollTable label={`${def.title} by month`}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Month ending</th>
                  <th scope="col" className="text-right">
                    Value
                  </th>
                </tr>
              </thead>
              <tbody>
                {trend.map((p) => (
                  <tr key={p.month}>
                    <th scope="row">{formatDate(p.month)}</th>
                    <td className="text-right tabular-nums">{formatKpi(p.value, def.unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <p className="mt-3">
            <a href={`/kpis/csv?table=trend&kpi=${kpi}&${search}`}>Download this table as CSV</a>
          </p>
        </section>
      )}
    </>
  );
}
