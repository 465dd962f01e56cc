// How the SSDA903 export reads values the product records in its own terms (lib/data/ssda903.ts):
// the UPN placeholder when no UPN is held, the reason a child's social worker changed (allocations
// record it in words), and a child's social worker episodes from their lead allocations.
import { ageOn, type IsoDate } from "@/lib/domain/dates";
import type { SocialWorkerChangeReason } from "@/lib/domain/ssda903-codes";
import { collectionPeriod } from "./collection-year";
import type { Ssda903SocialWorkerEpisode } from "./types";

/**
 * The UPN to report. With no UPN recorded: UN1 when the child was over compulsory school age on 31
 * March (16 by the previous 31 August: they left school at the end of June), UN2 when they were under
 * 5 (not yet at school); otherwise blank, for the checker to ask for it.
 */
export function upnForReturn(upn: string | null | undefined, dateOfBirth: IsoDate | null | undefined, year: number): string {
  if (upn?.trim()) return upn.trim().toUpperCase();
  if (!dateOfBirth) return "";
  const { to } = collectionPeriod(year);
  if (ageOn(dateOfBirth, `${year - 1}-08-31`) >= 16) return "UN1";
  if (ageOn(dateOfBirth, to) < 5) return "UN2";
  return "";
}

/** SW_REASON from the words an allocation was ended with; OTHERS when they say nothing more specific. */
export function socialWorkerChangeReason(endReason: string | null | undefined): SocialWorkerChangeReason {
  const text = (endReason ?? "").toLowerCase();
  if (/\bdied\b|\bdeath\b/.test(text)) return "SWDIED";
  if (/\bleft\b|\bleaving\b|\bresign|\bretire/.test(text)) return "LEFTRL";
  if (/contract/.test(text)) return "FCONTA";
  if (/request|family asked|child asked|complain/.test(text)) return "CHCHAN";
  if (/restructur|reorganis/.test(text)) return "ORGRST";
  if (/absen|\bsick|illness|maternity|paternity|long-term leave/.test(text)) return "ABSENC";
  if (/transfer|stepped|step-up|step up|step-down|step down|moved to the .* team|handed over/.test(text)) return "TSPROC";
  if (/placement|circumstance|moved area|moved house/.test(text)) return "PCCHAN";
  if (/rebalanc|caseload|manage/.test(text)) return "MANAGE";
  return "OTHERS";
}

export type LeadAllocation = {
  workerId: string;
  /** the worker's Social Work England registration number, when recorded */
  registration: string | null;
  startDate: IsoDate;
  endDate: IsoDate | null;
  endReason: string | null;
};

/**
 * A child's social worker episodes from the lead allocations of their care cases, earliest first. One
 * worker's back-to-back or overlapping allocations are one episode; each later episode carries the
 * reason the one before it ended. `socialWorkerId` is blank for a worker with no registration number.
 */
export function socialWorkerEpisodes(allocations: readonly LeadAllocation[]): (Ssda903SocialWorkerEpisode & { workerId: string })[] {
  const sorted = [...allocations].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  const merged: (LeadAllocation & { endReason: string | null })[] = [];
  for (const a of sorted) {
    const last = merged.at(-1);
    if (last && last.workerId === a.workerId && (!last.endDate || a.startDate <= last.endDate)) {
      if (!last.endDate || !a.endDate) {
        last.endDate = null;
        last.endReason = null;
      } else if (a.endDate > last.endDate) {
        last.endDate = a.endDate;
        last.endReason = a.endReason;
      }
      continue;
    }
    merged.push({ ...a });
  }
  return merged.map((a, i) => ({
    workerId: a.workerId,
    socialWorkerId: a.registration ?? "",
    startDate: a.startDate,
    endDate: a.endDate,
    reasonForChange: i === 0 ? null : socialWorkerChangeReason(merged[i - 1]!.endReason),
  }));
}
