// The parts the statutory returns' pages share: the year to check, and the children whose records
// stop the return being written, each with what to fix.
import Link from "next/link";
import { SelectField } from "@/components/form/fields";

export const yearLabel = (year: number) => `${year - 1}-${String(year).slice(2)}`;

export function ReturnYearForm({ action, label, hint, years, year, yearError }: { action: string; label: string; hint: string; years: readonly number[]; year: string; yearError: string | null }) {
  return (
    <form method="get" action={action} className="card mb-6 flex flex-wrap items-end gap-4">
      <SelectField
        name="year"
        label={label}
        hint={hint}
        defaultValue={year}
        state={yearError ? { status: "error", fieldErrors: { year: yearError }, values: { year } } : undefined}
        options={years.map((y) => ({ value: String(y), label: `${yearLabel(y)} (1 April ${y - 1} to 31 March ${y})` }))}
        className="w-full sm:w-96"
      />
      <button type="submit" className="btn-secondary">
        Check the data
      </button>
    </form>
  );
}

export type ChildWithProblems = {
  /** the identifier the return knows the child by */
  id: string;
  /** what that identifier is called ("LA child ID", "CHILD") */
  idLabel: string;
  personId: string | null;
  /** null for roles that do not see cases */
  name: string | null;
  /** `childDetails`: fixed on the child's identifiers and equality details (date of birth, sex, ethnicity, UPN, LA child id) */
  problems: { area: string; message: string; childDetails?: boolean; referral?: boolean }[];
};

/**
 * Problems for the whole return, then each child's; children's names link to their statutory record for
 * roles that see cases, and a problem with the child's own details links to the page that fixes it for
 * roles that may change them; a problem with a referral (CIN census) links to the referrals on the child's
 * statutory record, where they are corrected, for roles that may record statutory work.
 */
export function ReturnProblems({
  general,
  childList,
  linkToRecords,
  linkToDetails = false,
  linkToReferrals = false,
}: {
  general: string[];
  childList: ChildWithProblems[];
  linkToRecords: boolean;
  linkToDetails?: boolean;
  linkToReferrals?: boolean;
}) {
  return (
    <>
      {general.length > 0 && (
        <ul className="mt-4 list-disc pl-6">
          {general.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      )}
      <p className="mt-2">
        {childList.length} {childList.length === 1 ? "child has" : "children have"} problems. Correct their records, then check again.
      </p>
      {childList.length > 0 && (
        <ul className="mt-4 space-y-4" aria-label="Children with problems">
          {childList.map((child) => (
            <li key={`${child.id}-${child.personId}`} className="border-l-4 border-danger pl-4">
              <h3 className="text-lg font-bold">
                {linkToRecords && child.personId ? (
                  <Link href={`/people/${child.personId}/statutory`}>{child.name ?? child.id}</Link>
                ) : (
                  (child.name ?? `Child ${child.id || "with no identifier"}`)
                )}
                {child.name && (
                  <span className="ml-2 font-normal text-muted">
                    {child.idLabel} {child.id || "not recorded"}
                  </span>
                )}
              </h3>
              <ul className="mt-1 list-disc pl-6">
                {child.problems.map((p, i) => (
                  <li key={i}>
                    <span className="text-muted">{p.area}:</span> {p.message}
                    {linkToDetails && p.childDetails && child.personId && (
                      <>
                        {" "}
                        <Link href={`/people/${child.personId}/identifiers`}>
                          Change {child.name ? `${child.name}'s` : "the child's"} identifiers and equality details
                        </Link>
                      </>
                    )}
                    {linkToReferrals && p.referral && child.personId && (
                      <>
                        {" "}
                        <Link href={`/people/${child.personId}/statutory#referrals-h`}>Correct {child.name ? `${child.name}'s` : "the child's"} referral</Link>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
