import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { ScrollTable } from "@/components/scroll-table";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getTeamWithWorkers, type WorkerLoad } from "@/lib/data/teams";
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
  const team = await pageData(() => getTeamWithWorkers(ctx, id));
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
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>
    </>
  );
}
