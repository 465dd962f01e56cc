import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { ScrollTable } from "@/components/scroll-table";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getTeamDashboard, type WorkerLoad } from "@/lib/data/teams";
import { KIND_LABELS } from "@/lib/domain/transitions";
import { LEVEL_LABELS, type Level } from "@/lib/domain/roles";
import type { TransitionKind } from "@/lib/domain/transitions";
import { formatDate } from "@/lib/domain/dates";
import { CASE_HOLDING_ROLES, ROLE_LABELS } from "@/lib/domain/roles";

export const metadata: Metadata = { title: "Team" };

function LoadBar({ worker }: { worker: WorkerLoad }) {
  if (worker.cap === null) return null;
  const scale = Math.max(worker.cap, worker.load) * 1.1 || 1;
  return (
    <span aria-hidden="true" className="relative mt-1 block h-2 w-40 rounded bg-[#e5e6e7]">
      <span className={`absolute inset-y-0 left-0 rounded ${worker.overCap ? "bg-danger" : worker.load >= worker.cap - 1 ? "bg-warn" : "bg-ok"}`} style={{ width: `${(worker.load / scale) * 100}%` }} />
      <span className="absolute -inset-y-1 w-0.5 bg-ink" style={{ left: `${(worker.cap / scale) * 100}%` }} />
    </span>
  );
}

export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireContext();
  const dash = await pageData(() => getTeamDashboard(ctx, id));
  const team = dash.team;
  const holders = team.workers.filter((w) => CASE_HOLDING_ROLES.includes(w.role));
  const others = team.workers.filter((w) => !CASE_HOLDING_ROLES.includes(w.role));
  const over = holders.filter((w) => w.overCap);
  return (
    <>
      <PageHeading caption="Team" title={team.name}>
        <p className="mt-2">
          {holders.length} case-holding {holders.length === 1 ? "worker" : "workers"}, {holders.reduce((n, w) => n + w.openCases, 0)} allocations to open
          cases. Loads are counted in {team.weighted ? `weighted ${team.unit}` : team.unit}.
        </p>
        {over.length > 0 && (
          <p className="mt-2 font-semibold text-danger">
            {over.length} {over.length === 1 ? "worker is" : "workers are"} over their cap: {over.map((w) => w.name).join(", ")}.
          </p>
        )}
      </PageHeading>
      <section aria-labelledby="workers-heading" className="card">
        <h2 id="workers-heading" className="mb-3 text-xl font-bold">
          Workers
        </h2>
        <ScrollTable label="Workers and their open cases">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Worker</th>
                <th scope="col">Role</th>
                <th scope="col">FTE</th>
                <th scope="col" className="text-right">
                  Open cases
                </th>
                <th scope="col" className="text-right">
                  Children
                </th>
                <th scope="col">Load against cap</th>
                <th scope="col" className="text-right">
                  Room
                </th>
                <th scope="col" className="text-right">
                  Drift amber / red
                </th>
                <th scope="col" className="text-right">
                  Overdue / due soon
                </th>
              </tr>
            </thead>
            <tbody>
              {[...holders, ...others].map((w) => (
                <tr key={w.id} data-worker-id={w.id} className={w.overCap ? "bg-[#fdf2f1]" : undefined}>
                  <th scope="row" className="font-semibold">
                    {w.name}
                    {w.employment === "AGENCY" && <span className="ml-2 text-sm font-normal text-muted">agency</span>}
                    {w.overrides.map((o) => (
                      <span key={o.caseId} className="mt-1 block text-sm font-normal text-warn">
                        Allocated over cap{o.by ? ` by ${o.by}` : ""} on {formatDate(o.on)} (<Link href={`/cases/${o.caseId}`}>{o.reference}</Link>): {o.reason}
                      </span>
                    ))}
                  </th>
                  <td>{ROLE_LABELS[w.role]}</td>
                  <td>{w.fte.toFixed(1)}</td>
                  <td className="text-right tabular-nums">{w.openCases}</td>
                  <td className="text-right tabular-nums">{w.children}</td>
                  <td>
                    {w.cap === null ? (
                      <span className="text-muted">No cap</span>
                    ) : (
                      <>
                        <span className="tabular-nums">
                          {w.load} of {w.cap}
                        </span>
                        {w.overCap && <strong className="ml-2 rounded bg-danger px-2 py-0.5 text-sm text-white">Over cap</strong>}
                        <LoadBar worker={w} />
                      </>
                    )}
                  </td>
                  <td className="text-right tabular-nums">{w.cap === null ? "—" : Math.max(0, Math.round((w.cap - w.load) * 100) / 100)}</td>
                  <td className="text-right tabular-nums">
                    {dash.perWorker[w.id]?.amber ?? 0} / <span className={(dash.perWorker[w.id]?.red ?? 0) > 0 ? "font-bold text-danger" : undefined}>{dash.perWorker[w.id]?.red ?? 0}</span>
                  </td>
                  <td className="text-right tabular-nums">
                    <span className={(dash.perWorker[w.id]?.overdue ?? 0) > 0 ? "font-bold text-danger" : undefined}>{dash.perWorker[w.id]?.overdue ?? 0}</span> / {dash.perWorker[w.id]?.dueSoon ?? 0}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="red-heading" className="card">
          <h2 id="red-heading" className="mb-3 text-xl font-bold">
            Cases in drift
          </h2>
          {dash.redCases.length === 0 ? (
            <p>No case is over its drift threshold.</p>
          ) : (
            <ul className="space-y-2">
              {dash.redCases.map((c) => (
                <li key={c.caseId}>
                  <Link href={`/cases/${c.caseId}`} className="font-semibold">
                    {c.familyName}
                  </Link>{" "}
                  <span className="text-muted">{c.reference}</span>
                  <span className="block text-sm">
                    <strong className="text-danger">{c.days} working days</strong> since the last significant intervention ({c.what}, {formatDate(c.since)}; threshold {c.threshold})
                    {c.workers.length > 0 ? ` · ${c.workers.join(", ")}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="waiting-heading" className="card">
          <h2 id="waiting-heading" className="mb-3 text-xl font-bold">
            Waiting for you
          </h2>
          <h3 className="mb-2 font-bold">Not allocated ({dash.unallocated.length})</h3>
          {dash.unallocated.length === 0 ? (
            <p className="mb-4">Every open case has a worker.</p>
          ) : (
            <ul className="mb-4 space-y-1">
              {dash.unallocated.map((c) => (
                <li key={c.caseId}>
                  <Link href={`/cases/${c.caseId}/allocate`}>{c.familyName}</Link>{" "}
                  <span className="text-sm text-muted">
                    {c.reference} · {LEVEL_LABELS[c.level as Level]} · {c.children} {c.children === 1 ? "child" : "children"} · open since {formatDate(c.openedOn)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h3 className="mb-2 font-bold">Awaiting a decision ({dash.awaiting.length})</h3>
          {dash.awaiting.length === 0 ? (
            <p>No requests are waiting.</p>
          ) : (
            <ul className="space-y-1">
              {dash.awaiting.map((t) => (
                <li key={t.id}>
                  <Link href={`/transitions/${t.id}`}>{t.familyName}</Link>{" "}
                  <span className="text-sm text-muted">
                    {KIND_LABELS[t.kind as TransitionKind]} · asked by {t.requestedBy}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="throughput-heading" className="card mt-6">
        <h2 id="throughput-heading" className="mb-3 text-xl font-bold">
          Throughput: cases closed per FTE each month
        </h2>
        <ScrollTable label="Cases closed per month">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Month</th>
                {dash.throughput.map((t) => (
                  <th key={t.month} scope="col" className="text-right">
                    {t.month}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Closed</th>
                {dash.throughput.map((t) => (
                  <td key={t.month} className="text-right tabular-nums">
                    {t.closed}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Per FTE</th>
                {dash.throughput.map((t) => (
                  <td key={t.month} className="text-right tabular-nums">
                    {t.perFte ?? "—"}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </ScrollTable>
      </section>
    </>
  );
}
