// The SSDA903 return: choose the year, see the check, download the CSVs as a zip when nothing is wrong.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ErrorSummary } from "@/components/error-summary";
import { PageHeading } from "@/components/page-heading";
import { ReturnProblems, ReturnYearForm, yearLabel } from "@/components/return-check";
import { pageData } from "@/lib/auth/page-data";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { exportSsda903, SSDA903_NOT_HELD, type Ssda903Export } from "@/lib/data/ssda903";
import { formatDate } from "@/lib/domain/dates";
import { SUPPORTED_YEARS } from "@/lib/exports/ssda903/collection-year";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "SSDA903 return" };

const TABLE_LABELS: Record<string, string> = { Header: "Child details", Episodes: "Episodes", Reviews: "Reviews", SWEpisodes: "Social worker episodes", UASC: "UASC", Missing: "Missing" };

export default async function Ssda903Page({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const ctx = await requireContext();
  if (!can(ctx.role, "export:statutory")) forbidden();
  const year = params.year ?? String(SUPPORTED_YEARS.at(-1));
  let result: Ssda903Export | null = null;
  let yearError: string | null = null;
  try {
    result = await pageData(() => exportSsda903(ctx, { year, purpose: "check" }));
  } catch (error) {
    if (!isAppError(error) || error.code !== "VALIDATION") throw error;
    yearError = error.fieldErrors?.year?.[0] ?? error.message;
  }
  const linkToRecords = can(ctx.role, "case:view");
  const linkToDetails = linkToRecords && can(ctx.role, "person:edit");

  return (
    <>
      <p className="mb-2">
        <Link href="/exports">Statutory returns</Link>
      </p>
      <PageHeading caption={ctx.tenantName} title="SSDA903 return (children looked after)">
        <p className="mt-2">
          The Department for Education&apos;s return of children looked after, as CSV files with its exact header rows. The data is checked first: the files can be downloaded
          once nothing is wrong.
        </p>
      </PageHeading>
      {yearError && <ErrorSummary errors={[{ field: "year", message: yearError }]} />}

      <ReturnYearForm action="/exports/ssda903" label="Year of the return" hint="The year ending 31 March. The export has the 2025-26 code lists only." years={SUPPORTED_YEARS} year={year} yearError={yearError} />

      {result && (
        <section aria-labelledby="check-title" className="card">
          <h2 id="check-title" className="text-2xl font-bold">
            {result.ok ? "Ready to download" : "Fix these before the return can be written"}
          </h2>
          <p className="mt-2">
            {result.childCount} {result.childCount === 1 ? "child was" : "children were"} looked after at some time between {formatDate(result.period.from)} and {formatDate(result.period.to)}.
          </p>
          {result.ok ? (
            <>
              <ul className="mt-4 list-disc pl-6">
                {result.files.map((f) => (
                  <li key={f.table}>
                    {f.fileName}: {TABLE_LABELS[f.table]}, {f.csv.split("\r\n").length - 2} rows
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-muted">{SSDA903_NOT_HELD}</p>
              <p className="mt-4">
                <a className="btn text-white! no-underline! focus-visible:text-ink!" href={`/exports/ssda903/download?year=${result.year}`} download>
                  Download the {yearLabel(result.year)} return (zip of {result.files.length} CSV files)
                </a>
              </p>
            </>
          ) : (
            <ReturnProblems general={result.general} childList={result.children.map((c) => ({ id: c.childId, idLabel: "CHILD", personId: c.personId, name: c.name, problems: c.problems.map((p) => ({ area: TABLE_LABELS[p.table] ?? p.table, message: p.message, childDetails: p.table === "Header" })) }))} linkToRecords={linkToRecords} linkToDetails={linkToDetails} />
          )}
        </section>
      )}
    </>
  );
}
