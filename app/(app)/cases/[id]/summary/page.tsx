import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getCaseSummaryForEdit } from "@/lib/data/case-summary";
import { getDraft } from "@/lib/data/drafts";
import { SummaryForm } from "./summary-form";

export const metadata: Metadata = { title: "Case summary" };

export default async function EditCaseSummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireContext();
  const page = await pageData(() => getCaseSummaryForEdit(ctx, id));
  // what this person was typing here before, if the page was closed or the connection lost
  const draft = page.status === "OPEN" ? await pageData(() => getDraft(ctx, page.caseId, "SUMMARY")) : null;
  return (
    <>
      <p className="mb-4">
        <Link href={`/cases/${page.caseId}`}>Back to the case</Link>
      </p>
      <PageHeading caption={`${page.familyName} · Case ${page.reference}`} title={page.current ? "Update the case summary" : "Write the case summary"}>
        <p className="mt-2 max-w-3xl">
          One concise, analytical summary of the case, kept up to date. Saving makes a new version; earlier versions are kept.
        </p>
        {page.current && (
          <p className="mt-2">
            <Link href={`/cases/${page.caseId}/summary/history`}>Version history</Link>
          </p>
        )}
      </PageHeading>
      {page.status === "OPEN" ? (
        <div className="card max-w-5xl">
          <SummaryForm caseId={page.caseId} current={page.current} draft={draft} />
        </div>
      ) : (
        <p className="card max-w-3xl">This case is closed, so its summary can no longer be changed.</p>
      )}
    </>
  );
}
