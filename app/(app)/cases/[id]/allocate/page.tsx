import type { Metadata } from "next";
import Link from "next/link";
import { LevelTag } from "@/components/level-tag";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getAllocationPage } from "@/lib/data/allocations";
import { formatDate, todayInEngland } from "@/lib/domain/dates";
import { ALLOCATION_ROLE_LABELS, ROLE_LABELS } from "@/lib/domain/roles";
import { AllocateForm } from "./allocate-form";
import { EndAllocationForm } from "./end-allocation-form";

export const metadata: Metadata = { title: "Allocate" };

export default async function AllocatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ ended?: string }> }) {
  const { id } = await params;
  const { ended } = await searchParams;
  const ctx = await requireContext();
  const page = await pageData(() => getAllocationPage(ctx, id));
  const today = todayInEngland();
  return (
    <>
      <p className="mb-4">
        <Link href={`/cases/${page.caseId}`}>Back to the case</Link>
      </p>
      <PageHeading caption={`Case ${page.reference}`} title={`Allocate: ${page.familyName}`}>
        <p className="mt-2 flex flex-wrap items-center gap-3">
          <LevelTag level={page.level} />
          <span>
            {page.children} {page.children === 1 ? "child" : "children"}
          </span>
        </p>
      </PageHeading>
      {ended && (
        <p role="status" className="mb-6 border-l-4 border-ok bg-white p-3">
          The allocation has ended. It stays in the case&apos;s history.
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="allocate-heading" className="card">
          <h2 id="allocate-heading" className="mb-4 text-xl font-bold">
            Allocate a worker
          </h2>
          <AllocateForm caseId={page.caseId} candidates={page.candidates} today={today} canOverride={page.canOverride} hasLead={page.current.some((a) => a.roleOnCase === "LEAD")} />
        </section>
        <section aria-labelledby="current-heading" className="card">
          <h2 id="current-heading" className="mb-4 text-xl font-bold">
            Allocated now
          </h2>
          {page.current.length === 0 ? (
            <p>Nobody is allocated.</p>
          ) : (
            <ul className="space-y-4">
              {page.current.map((a) => (
                <li key={a.id}>
                  <span className="font-semibold">{a.name}</span>
                  <span className="block text-sm text-muted">
                    {ALLOCATION_ROLE_LABELS[a.roleOnCase]} · {ROLE_LABELS[a.role]} · since {formatDate(a.startDate)}
                  </span>
                  {a.overrideReason && <span className="block text-sm text-warn">Allocated over cap: {a.overrideReason}</span>}
                  <EndAllocationForm caseId={page.caseId} allocationId={a.id} workerName={a.name} today={today} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
