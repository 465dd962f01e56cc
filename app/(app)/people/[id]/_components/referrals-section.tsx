// A child's referrals to children's social care (CIN episodes), newest first, with re-referrals
// flagged and linked to the referral they were measured from.
import Link from "next/link";
import { LevelTag } from "@/components/level-tag";
import type { PersonReferral } from "@/lib/data/front-door";
import { formatDate } from "@/lib/domain/dates";
import { primaryNeedLabel, referralSourceLabel } from "@/lib/domain/referral-codes";

export function ReferralsSection({ referrals }: { referrals: PersonReferral[] }) {
  return (
    <section aria-labelledby="referrals-heading" className="card">
      <h2 id="referrals-heading" className="mb-3 text-xl font-bold">
        Referrals
      </h2>
      {referrals.length === 0 ? (
        <p>No referrals to children&apos;s social care.</p>
      ) : (
        <ul className="space-y-4">
          {referrals.map((r) => (
            <li key={r.id}>
              <span className="font-semibold">Referred {formatDate(r.referralDate)}</span>
              {r.reReferral && <strong className="ml-2 inline-block rounded bg-[#fff4e5] px-2 py-0.5 text-sm text-warn">Re-referral</strong>}
              <span className="block text-sm">
                Case <Link href={`/cases/${r.case.id}`}>{r.case.reference}</Link> <LevelTag level={r.case.level} />
                {r.contactId && (
                  <>
                    {" "}
                    · <Link href={`/contacts/${r.contactId}`}>the contact</Link>
                  </>
                )}
              </span>
              <span className="block text-sm text-muted">
                From {referralSourceLabel(r.source)}
                {r.primaryNeedCode ? ` · ${primaryNeedLabel(r.primaryNeedCode)}` : ""}
                {r.closureDate ? ` · closed ${formatDate(r.closureDate)} (${r.closureReason})` : " · open"}
              </span>
              {r.reReferral && r.previous && (
                <span className="block text-sm">
                  Previous referral {formatDate(r.previous.referralDate)}, case <Link href={`/cases/${r.previous.caseId}`}>{r.previous.caseReference}</Link>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
