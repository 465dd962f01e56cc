// The SSDA903 return: choose the year, see the check, download the CSVs as a zip when nothing is wrong.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ErrorSummary } from "@/components/error-summary";
import { SelectField } from "@/components/form/fields";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { exportSsda903, SSDA903_NOT_HELD, type Ssda903Export } from "@/lib/data/ssda903";
import { formatDate } from "@/lib/domain/dates";
import { SUPPORTED_YEARS } from "@/lib/exports/ssda903/collection-year";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "SSDA903 return" };

const yearLabel = (year: number) => `${year - 1}-${String(year).slice(2)}`;
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

      <form method="get" action="/exports/ssda903" className="card mb-6 flex flex-wrap items-end gap-4">
        <SelectField
          name="year"
          label="Year of the return"
          hint="The year ending 31 March. The export has the 2025-26 code lists only."
          defaultValue={year}
          state={yearError ? { status: "error", fieldErrors: { year: yearError }, values: { year } } : undefined}
          options={SUPPORTED_YEARS.map((y) => ({ value: String(y), label: `${yearLabel(y)} (1 April ${y - 1} to 31 March ${y})` }))}
          className="w-full sm:w-96"
        />
        <button type="submit" className="btn-secondary">
          Check the data
        </button>
      </form>

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
            <>
              {result.general.length > 0 && (
                <ul className="mt-4 list-disc pl-6">
                  {result.general.map((g) => (
                    <li key={g}>{g}</li>
                  ))}
                </ul>
              )}
              <p className="mt-2">
                {result.children.length} {result.children.length === 1 ? "child has" : "children have"} problems. Correct their records, then check again.
              </p>
              <ul className="mt-4 space-y-4" aria-label="Children with problems">
                {result.children.map((child) => (
                  <li key={child.childId} className="border-l-4 border-danger pl-4">
                    <h3 className="text-lg font-bold">
                      {linkToRecords && child.personId ? <Link href={`/people/${child.personId}/statutory`}>{child.name ?? child.childId}</Link> : (child.name ?? `Child ${child.childId || "with no identifier"}`)}
                      {child.name && <span className="ml-2 font-normal text-muted">CHILD {child.childId || "not recorded"}</span>}
                    </h3>
                    <ul className="mt-1 list-disc pl-6">
                      {child.problems.map((p, i) => (
                        <li key={i}>
                          <span className="text-muted">{TABLE_LABELS[p.table]}:</span> {p.message}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
