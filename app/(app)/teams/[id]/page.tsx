import type { Metadata } from "next";
import { PageHeading } from "@/components/page-heading";
import { ScrollTable } from "@/components/scroll-table";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getTeamWithWorkers } from "@/lib/data/teams";
import { CASE_HOLDING_ROLES, ROLE_LABELS } from "@/lib/domain/roles";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireContext();
  const team = await pageData(() => getTeamWithWorkers(ctx, id));
  const holders = team.workers.filter((w) => CASE_HOLDING_ROLES.includes(w.role));
  const others = team.workers.filter((w) => !CASE_HOLDING_ROLES.includes(w.role));
  return (
    <>
      <PageHeading caption="Team" title={team.name}>
        <p className="mt-2">
          {holders.length} case-holding {holders.length === 1 ? "worker" : "workers"}, {holders.reduce((n, w) => n + w.openCases, 0)} allocations to open
          cases.
        </p>
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
              </tr>
            </thead>
            <tbody>
              {[...holders, ...others].map((w) => (
                <tr key={w.id} data-worker-id={w.id}>
                  <th scope="row" className="font-semibold">
                    {w.name}
                    {w.employment === "AGENCY" && <span className="ml-2 text-sm font-normal text-muted">agency</span>}
                  </th>
                  <td>{ROLE_LABELS[w.role]}</td>
                  <td>{w.fte.toFixed(1)}</td>
                  <td className="text-right tabular-nums">{w.openCases}</td>
                  <td className="text-right tabular-nums">{w.children}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>
    </>
  );
}
