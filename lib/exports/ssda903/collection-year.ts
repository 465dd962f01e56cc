// The collection year of an SSDA903 return, and which records fall in it. For the year of 31 March Y
// the return covers 1 April Y-1 to 31 March Y. An episode (or social worker episode, or missing
// episode) is reported when it was open at some time in the year: it started by 31 March and had not
// ended before 1 April. An end date after 31 March is reported blank — on 31 March it had not ended —
// and so is everything that goes with it (REC, REASON_PLACE_CHANGE).
import { isIsoDate, type IsoDate } from "@/lib/domain/dates";
import { financialYear, type ReportingPeriod } from "@/lib/domain/placements";
import type { Ssda903Child, Ssda903Return } from "./types";

/** The years whose code lists the export knows: 2026 (the 2025-26 return). */
export const SUPPORTED_YEARS = [2026] as const;

export function collectionPeriod(year: number): ReportingPeriod {
  return financialYear(year);
}

/** DfE dates are dd/mm/yyyy. */
export function dfeDate(date: IsoDate | null | undefined): string {
  if (!date) return "";
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

export function openDuringYear(span: { startDate: IsoDate; endDate?: IsoDate | null }, period: ReportingPeriod): boolean {
  return span.startDate <= period.to && (!span.endDate || span.endDate >= period.from);
}

/** An end date as the return reports it: blank when it falls after 31 March. */
export function endAsAtYearEnd(endDate: IsoDate | null | undefined, period: ReportingPeriod): IsoDate | null {
  return endDate && endDate <= period.to ? endDate : null;
}

/** Open in the year; records with unreadable dates are kept, for the checker to report. */
const inYear = (period: ReportingPeriod) => (e: { startDate: IsoDate; endDate?: IsoDate | null }) =>
  !isIsoDate(e.startDate) || (!!e.endDate && !isIsoDate(e.endDate)) || openDuringYear(e, period);

/** A child's episodes in the return, earliest first. */
export function episodesInYear(child: Ssda903Child, period: ReportingPeriod) {
  return child.episodes.filter(inYear(period)).sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
}

export function socialWorkerEpisodesInYear(child: Ssda903Child, period: ReportingPeriod) {
  return (child.socialWorkerEpisodes ?? []).filter(inYear(period)).sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
}

export function missingEpisodesInYear(child: Ssda903Child, period: ReportingPeriod) {
  return (child.missingEpisodes ?? []).filter(inYear(period)).sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
}

export function reviewsInYear(child: Ssda903Child, period: ReportingPeriod) {
  return (child.reviews ?? [])
    .filter((r) => !isIsoDate(r.date) || (r.date >= period.from && r.date <= period.to))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Whether the child was an unaccompanied asylum seeker at some time in the year. */
export function uascInYear(child: Ssda903Child, period: ReportingPeriod): boolean {
  const uasc = child.unaccompaniedAsylumSeeker;
  return !!uasc && (!uasc.ceasedOn || !isIsoDate(uasc.ceasedOn) || uasc.ceasedOn >= period.from);
}

/**
 * The children in the return: those with an episode open at some time in the year, in CHILD order.
 * Children with none are left out of every table.
 */
export function childrenInReturn(input: Ssda903Return): Ssda903Child[] {
  const period = collectionPeriod(input.year);
  return input.children
    .filter((c) => episodesInYear(c, period).length > 0)
    .sort((a, b) => (a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0));
}
