// The Children in Need census: choose the year, see the check per child, download the XML when
// nothing is wrong.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ErrorSummary } from "@/components/error-summary";
import { SelectField } from "@/components/form/fields";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { exportCinCensus, type CinCensusExport } from "@/lib/data/cin-census";
import { formatDate } from "@/lib/domain/dates";
import { SUPPORTED_YEARS } from "@/lib/exports/cin-census/census-year";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Children in Need census" };

const yearLabel = (year: number) => `${year - 1}-${String(year).slice(2)}`;

export default async function CinCensusPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const ctx = await requireContext();
  if (!can(ctx.role, "export:statutory")) forbidden();
  const year = params.year ?? String(SUPPORTED_YEARS.at(-1));
  let result: CinCensusExport | null = null;
  let yearError: string | null = null;
  try {
    result = await pageData(() => exportCinCensus(ctx, { year, purpose: "check" }));
  } catch (error) {
    if (!isAppError(error) || error.code !== "VALIDATION") throw error;
    yearError = error.fieldErrors?.year?.[0] ?? error.message;
  }
  // roles that see cases get the children's names, linking to their statutory record; administrators the identifier only
  const linkToRecords = can(ctx.role, "case:view");

  return (
    <>
      <p className="mb-2">
        <Link href="/exports">Statutory returns</Link>
      </p>
      <PageHeading caption={ctx.tenantName} title="Children in Need census">
        <p className="mt-2">
          The Department for Education&apos;s census of children in need, as its XML file: every child with a CIN episode open at any point in the year. The data is checked
          first: the file can be downloaded once nothing is wrong.
        </p>
      </PageHeading>
      {yearError && <ErrorSummary errors={[{ field: "year", message: yearError }]} />}

      <form method="get" action="/exports/cin-census" className="card mb-6 flex flex-wrap items-end gap-4">
        <SelectField
          name="year"
          label="Year of the census"
          hint="The year ending 31 March. The export has the 2025-26 schema and code lists only."
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
            {result.ok ? "Ready to download" : "Fix these before the census can be written"}
          </h2>
          <p className="mt-2">
            {result.childCount} {result.childCount === 1 ? "child had" : "children had"} a CIN episode open at some time between {formatDate(result.period.from)} and{" "}
            {formatDate(result.period.to)}.
          </p>
          {result.ok ? (
            <>
              <p className="mt-2">
                {result.fileName}: local authority {result.laCode}, reference date {formatDate(result.period.to)}.
              </p>
              <p className="mt-4">
                <a className="btn text-white! no-underline! focus-visible:text-ink!" href={`/exports/cin-census/download?year=${result.year}`} download>
                  Download the {yearLabel(result.year)} census (XML)
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
              {result.children.length > 0 && (
                <ul className="mt-4 space-y-4" aria-label="Children with problems">
                  {result.children.map((child) => (
                    <li key={child.laChildId} className="border-l-4 border-danger pl-4">
                      <h3 className="text-lg font-bold">
                        {linkToRecords && child.personId ? <Link href={`/people/${child.personId}/statutory`}>{child.name ?? child.laChildId}</Link> : (child.name ?? `Child ${child.laChildId}`)}
                        {child.name && <span className="ml-2 font-normal text-muted">LA child ID {child.laChildId}</span>}
                      </h3>
                      <ul className="mt-1 list-disc pl-6">
                        {child.problems.map((p, i) => (
                          <li key={i}>
                            <span className="text-muted">{p.module}:</span> {p.message}
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </section>
      )}
    </>
  );
}
