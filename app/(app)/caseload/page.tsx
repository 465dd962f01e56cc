import type { Metadata } from "next";
import Link from "next/link";
import { DriftTag } from "@/components/drift-tag";
import { LevelTag } from "@/components/level-tag";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { listMyCaseload } from "@/lib/data/caseload";
import { formatDate } from "@/lib/domain/dates";
import { ALLOCATION_ROLE_LABELS, ROLE_LABELS } from "@/lib/domain/roles";

export const metadata: Metadata = { title: "My caseload" };

export default async function CaseloadPage() {
  const ctx = await requireContext();
  const rows = await pageData(() => listMyCaseload(ctx));
  const children = rows.reduce((n, r) => n + r.children.length, 0);
  return (
    <>
      <PageHeading title="My caseload">
        <p className="mt-2 text-lg">
          {rows.length === 0 ? "You hold no open cases." : `${rows.length} open ${rows.length === 1 ? "case" : "cases"}, ${children} ${children === 1 ? "child" : "children"}.`}
        </p>
      </PageHeading>
      {rows.length > 0 && (
        <ul className="space-y-3" aria-label="Open cases">
          {rows.map((row) => (
            <li key={row.caseId} className="card grid gap-2 sm:grid-cols-[2fr_2fr_1fr] sm:gap-4">
              <div>
                <h2 className="text-lg font-bold">
                  <Link href={`/cases/${row.caseId}`}>{row.familyName}</Link>
                </h2>
                <p className="text-sm text-muted">{row.reference}</p>
                <p className="mt-1">
                  <LevelTag level={row.level} />
                  {row.drift && row.drift.state !== "ok" && <DriftTag state={row.drift.state} className="ml-2" />}
                </p>
                {row.drift && (
                  <p className="mt-1 text-sm">
                    <span className="text-muted">Last significant intervention: </span>
                    {row.drift.what}, {row.drift.days === 0 ? "today" : `${row.drift.days} working ${row.drift.days === 1 ? "day" : "days"} ago`}
                    <span className="text-muted"> (threshold {row.drift.threshold})</span>
                  </p>
                )}
              </div>
              <div>
                <h3 className="sr-only">Children</h3>
                <ul className="text-base">
                  {row.children.map((child) => (
                    <li key={child.id}>
                      {child.name}
                      <span className="text-muted">{child.age === null ? " (unborn)" : `, ${child.age}`}</span>
                    </li>
                  ))}
                </ul>
                {row.coWorkers.length > 0 && (
                  <p className="mt-1 text-sm">
                    <span className="text-muted">With </span>
                    {row.coWorkers.map((w) => `${w.name} (${ROLE_LABELS[w.role].toLowerCase()}, ${ALLOCATION_ROLE_LABELS[w.roleOnCase].toLowerCase()})`).join("; ")}
                  </p>
                )}
              </div>
              <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-sm">
                <dt className="text-muted">Opened</dt>
                <dd>{formatDate(row.openedOn)}</dd>
                <dt className="text-muted">You are</dt>
                <dd>{ALLOCATION_ROLE_LABELS[row.myRole].toLowerCase()}</dd>
                <dt className="text-muted">Since</dt>
                <dd>{formatDate(row.mySince)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
