import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { ScrollTable } from "@/components/scroll-table";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { listCaseSummaryVersions } from "@/lib/data/case-summary";
import { formatLondonDateTime } from "@/lib/domain/london-time";

export const metadata: Metadata = { title: "Case summary history" };

export default async function CaseSummaryHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireContext();
  const page = await pageData(() => listCaseSummaryVersions(ctx, id));
  return (
    <>
      <p className="mb-4">
        <Link href={`/cases/${page.caseId}`}>Back to the case</Link>
      </p>
      <PageHeading caption={`${page.familyName} · Case ${page.reference}`} title="Case summary history">
        <p className="mt-2">Every saved version of the summary, newest first. Nothing is ever overwritten.</p>
      </PageHeading>
      <div className="card">
        {page.versions.length === 0 ? (
          <p>No case summary has been written yet.</p>
        ) : (
          <ScrollTable label="Versions of the case summary">
            <table className="table [&_td]:align-middle [&_th]:align-middle">
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Saved</th>
                  <th scope="col">By</th>
                  <th scope="col">Safety scale</th>
                </tr>
              </thead>
              <tbody>
                {page.versions.map((v, i) => (
                  <tr key={v.version}>
                    <th scope="row" className="font-normal">
                      <Link href={`/cases/${page.caseId}/summary/versions/${v.version}`} className="inline-flex min-h-11 items-center whitespace-nowrap">
                        Version {v.version}
                      </Link>
                      {i === 0 && <span className="block text-sm text-muted">Current</span>}
                    </th>
                    <td className="whitespace-nowrap">{formatLondonDateTime(v.savedAt)}</td>
                    <td>{v.savedBy}</td>
                    <td>{v.safetyScale}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </div>
    </>
  );
}
