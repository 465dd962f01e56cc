// Re-referrals, the DfE way (domain.md "Re-referrals"; timescales-and-kpis.md "Re-referral rate"): a
// referral is a re-referral when the same child had a previous referral within the 12 months before
// it. Pure: the contact page (before the decision), the decision itself and the KPIs all use this one
// rule.
//
// The exact window, for a referral dated R:
//
//     addMonths(R, -12)  <=  previous referral date  <  R
//
// - Twelve calendar months, inclusive at the far end: for a referral on 3 Mar 2026, a referral on
//   3 Mar 2025 counts ("exactly 12 months" is within) and one on 2 Mar 2025 does not.
// - Leap days: the month arithmetic clamps to the end of the month (lib/domain/dates.ts addMonths),
//   so a referral on 29 Feb 2028 looks back to 28 Feb 2027. A referral on 28 Feb 2025 looks back to
//   28 Feb 2024, so 28 and 29 Feb 2024 both count; a referral on 1 Mar 2025 looks back to
//   1 Mar 2024, so 29 Feb 2024 does not.
// - The same day is not "before": a second referral dated the same day as another one for the same
//   child is one referral event (two contacts about one incident), not a re-referral of itself.
// - Per child, whatever the case or family: an earlier referral in another case counts; a sibling's
//   referral does not. Callers pass the child's own earlier referrals.
import { addMonths, type IsoDate } from "./dates";

export type EarlierReferral = { referralDate: IsoDate };

/** The first date that still counts as "within the 12 months before" a referral on `referralDate`. */
export function reReferralWindowStart(referralDate: IsoDate): IsoDate {
  return addMonths(referralDate, -12);
}

/** Whether a referral on `previousDate` makes a referral on `referralDate` a re-referral. */
export function isWithinReReferralWindow(previousDate: IsoDate, referralDate: IsoDate): boolean {
  // ISO dates compare correctly as strings
  return previousDate >= reReferralWindowStart(referralDate) && previousDate < referralDate;
}

/** The child's referrals that make a referral on `referralDate` a re-referral, most recent first. */
export function referralsInWindow<T extends EarlierReferral>(referralDate: IsoDate, childReferrals: readonly T[]): T[] {
  return childReferrals
    .filter((r) => isWithinReReferralWindow(r.referralDate, referralDate))
    .sort((a, b) => (a.referralDate < b.referralDate ? 1 : a.referralDate > b.referralDate ? -1 : 0));
}

export type ReReferral<T> = { reReferral: true; previous: T } | { reReferral: false; previous: null };

/**
 * Is a referral on `referralDate` a re-referral, given the child's other referrals? The previous
 * referral it is measured from is the most recent one in the window.
 */
export function classifyReferral<T extends EarlierReferral>(referralDate: IsoDate, childReferrals: readonly T[]): ReReferral<T> {
  const previous = referralsInWindow(referralDate, childReferrals)[0];
  return previous ? { reReferral: true, previous } : { reReferral: false, previous: null };
}
