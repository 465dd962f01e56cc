// The Children in Need census: choose the year, see the check per child, download the XML when
// nothing is wrong.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ErrorSummary } from "@/components/error-summary";
import { PageHeading } from "@/components/page-heading";
import { ReturnProblems, ReturnYearForm, yearLabel } from "@/components/return-check";
import { pageData } from "@/lib/auth/page-data";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { exportCinCensus, type CinCensusExport } from "@/lib/data/cin-census";
import { formatDate } from "@/lib/domain/dates";
import { SUPPORTED_YEARS } from "@/lib/exports/cin-census/census-year";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Children in Need census" };

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
  // the child's own details are fixed on their identifiers page; disabilities, on the statutory record their name links to
  const linkToDetails = linkToRecords && can(ctx.role, "person:edit");
  // a referral's date, source, need and closure are corrected in the Referrals section of the statutory record (decision 0022)
  const linkToReferrals = linkToRecords && can(ctx.role, "statutory:record");

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

      <ReturnYearForm action="/exports/cin-census" label="Year of the census" hint="The year ending 31 March. The export has the 2025-26 schema and code lists only." years={SUPPORTED_YEARS} year={year} yearError={yearError} />

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
            <ReturnProblems general={result.general} childList={result.children.map((c) => ({ id: c.laChildId, idLabel: "LA child ID", personId: c.personId, name: c.name, problems: c.problems.map((p) => ({ area: p.module, message: p.message, childDetails: p.module === "Child" && !/disabilit/i.test(p.message), referral: p.module === "Referral" })) }))} linkToRecords={linkToRecords} linkToDetails={linkToDetails} linkToReferrals={linkToReferrals} />
          )}
        </section>
      )}
    </>
  );
}
