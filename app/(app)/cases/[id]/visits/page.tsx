import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { getCaseForView } from "@/lib/data/cases";
import { listVisitsForCase } from "@/lib/data/visits";
import { VisitList } from "../_components/visit-list";

export const metadata: Metadata = { title: "Visits" };

export default async function CaseVisitsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireContext();
  // viewing the case is what is audited; the visits are part of it
  const [c, { visits, total }] = await pageData(() => Promise.all([getCaseForView(ctx, id), listVisitsForCase(ctx, id)]));
  return (
    <>
      <p className="mb-4">
        <Link href={`/cases/${c.id}`}>Back to the case</Link>
      </p>
      <PageHeading caption={`${c.family.name} · Case ${c.reference}`} title="Visits">
        <p className="mt-2">
          {total === 1 ? "1 visit" : `${total} visits`}, newest first.
        </p>
        {c.status === "OPEN" && can(ctx.role, "visit:record") && (
          <p className="mt-4">
            <Link href={`/cases/${c.id}/visits/new`} className="btn text-white! no-underline">
              Log a visit
            </Link>
          </p>
        )}
      </PageHeading>
      <div className="card">
        {total === 0 ? <p>No visits have been recorded yet.</p> : <VisitList visits={visits} />}
      </div>
    </>
  );
}
