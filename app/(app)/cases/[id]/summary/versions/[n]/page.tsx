import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getCaseSummaryVersion } from "@/lib/data/case-summary";
import { savedLine, SummaryText } from "../../../_components/summary-text";

export const metadata: Metadata = { title: "Case summary version" };

export default async function CaseSummaryVersionPage({ params }: { params: Promise<{ id: string; n: string }> }) {
  const { id, n } = await params;
  const ctx = await requireContext();
  const page = await pageData(() => getCaseSummaryVersion(ctx, id, n));
  const { summary } = page;
  const isCurrent = summary.version === page.latestVersion;
  return (
    <>
      <p className="mb-4">
        <Link href={`/cases/${page.caseId}/summary/history`}>Back to the version history</Link>
      </p>
      <PageHeading caption={`${page.familyName} · Case ${page.reference}`} title={`Case summary, version ${summary.version}`}>
        <p className="mt-2 text-muted">{savedLine(summary).replace(/^Version \d+, s/, "S")}</p>
        <p className={`mt-4 max-w-3xl border-l-4 bg-white p-3 ${isCurrent ? "border-ok" : "border-warn"}`}>
          {isCurrent ? (
            "This is the current version."
          ) : (
            <>
              This is an earlier version. The current one is version {page.latestVersion}: <Link href={`/cases/${page.caseId}`}>see it on the case page</Link>.
            </>
          )}
        </p>
      </PageHeading>
      <article aria-label={`Case summary, version ${summary.version}`} className="card max-w-3xl">
        <SummaryText summary={summary} headingLevel={2} />
      </article>
    </>
  );
}
