// How the census export reads what the product records in its own terms (lib/data/cin-census.ts):
// the LA child identifier of a child who has none yet, the reason a UPN is not known, which episode a
// module belongs to when it was recorded without one, the number of previous child protection plans
// and the initial conference target date.
import { ageOn, type IsoDate } from "@/lib/domain/dates";
import { addWorkingDays } from "@/lib/domain/working-days";
import { censusPeriod } from "./census-year";

/**
 * LAchildID: the child's recorded LA child identifier, or one derived from their record's id that never
 * changes; the SSDA903 uses the same (lib/domain/identifiers.ts).
 */
export { laChildIdFor } from "@/lib/domain/identifiers";

/**
 * UPNunknown for a child with no UPN: UN7 when each of their referrals in the year ended with no
 * further action; UN6 when they were under 6 on 31 March (or not yet born), not yet at school;
 * otherwise none, for the checker to ask for the UPN.
 */
export function upnUnknownFor(
  child: { upn: string | null | undefined; dateOfBirth: IsoDate | null | undefined },
  referralsInYear: readonly { referralNfa: boolean }[],
  year: number,
): string | null {
  if (child.upn?.trim()) return null;
  if (referralsInYear.length > 0 && referralsInYear.every((r) => r.referralNfa)) return "UN7";
  if (!child.dateOfBirth || ageOn(child.dateOfBirth, censusPeriod(year).to) < 6) return "UN6";
  return null;
}

export type EpisodeSpan = { id: string; referralDate: IsoDate; closureDate: IsoDate | null };

/**
 * The episode a module (assessment, plan, enquiry) belongs to: the one it was recorded against; when
 * none was, the episode open on its date (the latest referral on or before it); null when there is none.
 */
export function episodeFor(module: { cinEpisodeId: string | null; date: IsoDate }, episodes: readonly EpisodeSpan[]): string | null {
  if (module.cinEpisodeId && episodes.some((e) => e.id === module.cinEpisodeId)) return module.cinEpisodeId;
  const open = episodes
    .filter((e) => e.referralDate <= module.date && (!e.closureDate || e.closureDate >= module.date))
    .sort((a, b) => (a.referralDate < b.referralDate ? 1 : a.referralDate > b.referralDate ? -1 : 0));
  return open[0]?.id ?? null;
}

/** NumberOfPreviousCPP: for each of a child's plans (by id), how many of their plans started before it. */
export function previousPlanCounts(plans: readonly { id: string; startDate: IsoDate }[]): Map<string, number> {
  return new Map(plans.map((p) => [p.id, plans.filter((q) => q.startDate < p.startDate).length]));
}

/** InitialCPCtarget: 15 working days from the strategy discussion. */
export function initialCpcTarget(strategyDiscussionDate: IsoDate): IsoDate {
  return addWorkingDays(strategyDiscussionDate, 15);
}
