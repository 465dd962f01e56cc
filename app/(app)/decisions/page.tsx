import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { ScrollTable } from "@/components/scroll-table";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { listAccessRequestsForMe } from "@/lib/data/access-requests";
import { listAwaitingDecision } from "@/lib/data/transitions";
import { formatDate, todayInEngland, daysBetween, toIsoDate } from "@/lib/domain/dates";
import { LEVEL_LABELS, ROLE_LABELS } from "@/lib/domain/roles";
import { KIND_LABELS, targetLabel } from "@/lib/domain/transitions";

export const metadata: Metadata = { title: "Awaiting my decision" };

const DONE: Record<string, string> = { approve: "The request was approved and the case has been updated.", reject: "The request was rejected. The practitioner can see your comment." };

export default async function DecisionsPage({ searchParams }: { searchParams: Promise<{ decided?: string }> }) {
  const { decided } = await searchParams;
  const ctx = await requireContext();
  const rows = await pageData(() => listAwaitingDecision(ctx));
  const requests = await pageData(() => listAccessRequestsForMe(ctx));
  const today = todayInEngland();
  const waitingFor = (at: Date) => {
    const days = daysBetween(toIsoDate(at), today);
    return { days, text: days === 0 ? "Today" : `${days} ${days === 1 ? "day" : "days"}` };
  };
  return (
    <>
      <PageHeading title="Awaiting my decision">
        <p className="mt-2">Step-ups, step-downs, changes of level and closures waiting for a manager, and requests to open restricted records.</p>
      </PageHeading>
      {decided && DONE[decided] && (
        <p role="status" className="mb-6 border-l-4 border-ok bg-white p-3">
          {DONE[decided]}
        </p>
      )}
      <h2 className="mb-3 text-xl font-bold">Changes to cases</h2>
      {rows.length === 0 ? (
        <p className="card">No step-up, step-down, change of level or closure is waiting for a decision.</p>
      ) : (
        <div className="card">
          <ScrollTable label="Requests awaiting a decision">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Family</th>
                  <th scope="col">Request</th>
                  <th scope="col">Asked by</th>
                  <th scope="col">Waiting</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const waiting = waitingFor(r.requestedAt);
                  return (
                    <tr key={r.id}>
                      <th scope="row">
                        <Link href={`/transitions/${r.id}`}>{r.familyName}</Link>
                        <span className="block text-sm font-normal text-muted">
                          {r.reference}
                          {r.teamName ? ` · ${r.teamName}` : ""}
                        </span>
                      </th>
                      <td>
                        {KIND_LABELS[r.kind]}: {LEVEL_LABELS[r.from]} → {targetLabel(r.to)}
                      </td>
                      <td>
                        {r.requestedBy}
                        <span className="block text-sm text-muted">{formatDate(toIsoDate(r.requestedAt))}</span>
                      </td>
                      <td className={waiting.days > 2 ? "font-semibold text-danger" : undefined}>{waiting.text}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollTable>
        </div>
      )}

      {requests.length > 0 && (
        <section className="mt-8" aria-labelledby="access-requests-heading">
          <h2 id="access-requests-heading" className="mb-3 text-xl font-bold">
            Requests to open restricted records
          </h2>
          <div className="card">
            <ScrollTable label="Requests to open restricted records">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Family</th>
                    <th scope="col">Asked by</th>
                    <th scope="col">Why</th>
                    <th scope="col">Waiting</th>
                  </tr>
                </thead>
                <tbody>
                  {requests.map((r) => {
                    const waiting = waitingFor(r.requestedAt);
                    return (
                      <tr key={r.id}>
                        <th scope="row">
                          <Link href={`/families/${r.familyId}/access`}>{r.familyName}</Link>
                        </th>
                        <td>
                          {r.requestedBy.name}
                          <span className="block text-sm text-muted">
                            {ROLE_LABELS[r.requestedBy.role]}
                            {r.requestedBy.team ? `, ${r.requestedBy.team}` : ""}
                          </span>
                        </td>
                        <td>{r.reason}</td>
                        <td className={waiting.days > 2 ? "font-semibold text-danger" : undefined}>{waiting.text}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollTable>
          </div>
        </section>
      )}
    </>
  );
}
