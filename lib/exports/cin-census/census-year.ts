// The census year and what falls in it. For the year of 31 March Y the census covers 1 April Y-1 to
// 31 March Y. A child is in the census when a CIN episode of theirs was open at some time in the year:
// referred by 31 March and not closed before 1 April. Within each such episode the census holds what
// was open in the year: assessments not authorised before 1 April, CIN and CP plans not ended before
// 1 April, section 47 enquiries that started in the year or whose conference fell in it (or is still
// awaited), and CP reviews held in the year. A date after 31 March is left out, with what goes with it
// (a closure reason), because on 31 March it had not happened.
//
// Overlapping episodes: the census allows one CIN episode at a time. A child referred again while an
// episode is open (or on the day it closed) stays in that episode, so the two are joined: the first
// referral's date, source and need, the later closure (open if either is), and all their modules.
import { isIsoDate, type IsoDate } from "@/lib/domain/dates";
import { financialYear, type ReportingPeriod } from "@/lib/domain/placements";
import type { CinCensusAssessment, CinCensusChild, CinCensusCpPlan, CinCensusEpisode, CinCensusInput, CinCensusPlanDates, CinCensusSection47 } from "./types";

/** The years whose code lists and schema the export knows: 2026 (the 2025-26 census). */
export const SUPPORTED_YEARS = [2026] as const;

export function censusPeriod(year: number): ReportingPeriod {
  return financialYear(year);
}

/** The census's reference date: 31 March of the year. */
export function referenceDate(year: number): IsoDate {
  return censusPeriod(year).to;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const readable = (date: string | null | undefined) => !date || isIsoDate(date);

/** Joins a child's overlapping episodes (see the top of this file), earliest first. */
export function joinOverlappingEpisodes(episodes: readonly CinCensusEpisode[]): CinCensusEpisode[] {
  const sorted = [...episodes].sort((a, b) => compare(a.referralDate, b.referralDate));
  const joined: CinCensusEpisode[] = [];
  for (const e of sorted) {
    const last = joined.at(-1);
    const datesReadable = last && readable(last.referralDate) && readable(last.closureDate) && readable(e.referralDate) && readable(e.closureDate);
    if (!last || !datesReadable || (last.closureDate && e.referralDate > last.closureDate)) {
      joined.push(e);
      continue;
    }
    const open = !last.closureDate || !e.closureDate;
    const later = !open && e.closureDate! >= last.closureDate! ? e : last;
    joined[joined.length - 1] = {
      ...last,
      primaryNeedCode: last.primaryNeedCode || e.primaryNeedCode,
      closureDate: open ? null : later.closureDate,
      reasonForClosure: open ? null : later.reasonForClosure,
      referralNfa: last.referralNfa && e.referralNfa,
      assessments: [...(last.assessments ?? []), ...(e.assessments ?? [])],
      cinPlans: [...(last.cinPlans ?? []), ...(e.cinPlans ?? [])],
      section47s: [...(last.section47s ?? []), ...(e.section47s ?? [])],
      cpPlans: [...(last.cpPlans ?? []), ...(e.cpPlans ?? [])],
    };
  }
  return joined;
}

export type CensusEpisode = Omit<CinCensusEpisode, "assessments" | "cinPlans" | "section47s" | "cpPlans"> & {
  closureDate: IsoDate | null;
  reasonForClosure: string | null;
  /** DateOfInitialCPC of the episode: the latest initial conference in the year */
  initialCpcDate: IsoDate | null;
  assessments: (CinCensusAssessment & { authorisationDate: IsoDate | null })[];
  cinPlans: (CinCensusPlanDates & { endDate: IsoDate | null })[];
  section47s: (CinCensusSection47 & { initialCpcDate: IsoDate | null })[];
  cpPlans: (CinCensusCpPlan & { endDate: IsoDate | null; reviewDates: IsoDate[] })[];
};

export type CensusChild = { child: CinCensusChild; episodes: CensusEpisode[] };

/**
 * What the census holds for the year: the children with an episode open in it (in LAchildID order)
 * and, for each, those episodes with the modules of the year. Records with unreadable dates are kept,
 * for the checker to report.
 */
export function childrenInCensus(input: CinCensusInput): CensusChild[] {
  const { from, to } = censusPeriod(input.year);
  const asAtYearEnd = (date: IsoDate | null | undefined): IsoDate | null => (!date ? null : !isIsoDate(date) || date <= to ? date : null);
  const startedByYearEnd = (date: IsoDate) => !isIsoDate(date) || date <= to;
  const notEndedBeforeYear = (date: IsoDate | null | undefined) => !date || !isIsoDate(date) || date >= from;
  const inYear = (date: IsoDate | null | undefined) => !!date && (!isIsoDate(date) || (date >= from && date <= to));
  const byStart = <T extends { startDate: IsoDate }>(a: T, b: T) => compare(a.startDate, b.startDate);

  const result: CensusChild[] = [];
  for (const child of input.children) {
    const episodes: CensusEpisode[] = [];
    for (const e of joinOverlappingEpisodes(child.episodes)) {
      if (!startedByYearEnd(e.referralDate) || !notEndedBeforeYear(e.closureDate)) continue;
      const closureDate = asAtYearEnd(e.closureDate);
      const section47s = (e.section47s ?? [])
        .filter((s) => startedByYearEnd(s.startDate) && (inYear(s.startDate) || inYear(s.initialCpcDate) || (!s.initialCpcDate && !s.icpcNotRequired)))
        .map((s) => ({ ...s, initialCpcDate: asAtYearEnd(s.initialCpcDate) }))
        .sort(byStart);
      const conferences = section47s.map((s) => s.initialCpcDate).filter((d): d is IsoDate => inYear(d) && isIsoDate(d!)).sort(compare);
      episodes.push({
        referralDate: e.referralDate,
        referralSource: e.referralSource,
        primaryNeedCode: e.primaryNeedCode ?? null,
        closureDate,
        reasonForClosure: closureDate ? (e.reasonForClosure ?? null) : null,
        referralNfa: e.referralNfa,
        initialCpcDate: conferences.at(-1) ?? null,
        assessments: (e.assessments ?? [])
          .filter((a) => startedByYearEnd(a.startDate) && notEndedBeforeYear(a.authorisationDate))
          .map((a) => ({ ...a, authorisationDate: asAtYearEnd(a.authorisationDate) }))
          .sort(byStart),
        cinPlans: (e.cinPlans ?? [])
          .filter((p) => startedByYearEnd(p.startDate) && notEndedBeforeYear(p.endDate))
          .map((p) => ({ ...p, endDate: asAtYearEnd(p.endDate) }))
          .sort(byStart),
        section47s,
        cpPlans: (e.cpPlans ?? [])
          .filter((p) => startedByYearEnd(p.startDate) && notEndedBeforeYear(p.endDate))
          .map((p) => ({ ...p, endDate: asAtYearEnd(p.endDate), reviewDates: (p.reviewDates ?? []).filter(inYear).sort(compare) }))
          .sort(byStart),
      });
    }
    if (episodes.length > 0) result.push({ child, episodes });
  }
  return result.sort((a, b) => compare(a.child.laChildId, b.child.laChildId));
}
