// The borough KPIs, computed exactly as timescales-and-kpis.md defines them. Each formula lives here
// once; the dashboard, the trend charts, the benchmarking summary and the tests all call these.
// Inputs are plain rows; a period includes both its first and its last day.
import { addMonths, type IsoDate } from "./dates";
import type { ChildAllocations } from "./placements-stability";
import { isWithinReReferralWindow } from "./re-referral";
import { MANAGER_ROLES, SOCIAL_WORK_ROLES, type Role } from "./roles";
import { workingDaysBetween } from "./working-days";

export type Period = { from: IsoDate; to: IsoDate };

/** A KPI value with what it was worked out from. `value` is null when there is nothing to divide by. */
export type Measure = { value: number | null; numerator: number; denominator: number | null };

const share = (numerator: number, denominator: number): Measure => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
const count = (n: number): Measure => ({ numerator: n, denominator: null, value: n });
const per10k = (n: number, population: number): Measure => ({ numerator: n, denominator: population, value: population > 0 ? (n * 10_000) / population : null });

const within = (date: IsoDate | null | undefined, p: Period) => !!date && date >= p.from && date <= p.to;
/** Open on `date`: started on or before it, not ended before or on it. */
const openOn = (start: IsoDate, end: IsoDate | null | undefined, date: IsoDate) => start <= date && (!end || end > date);

export type Referral = { personId: string; referralDate: IsoDate };

/** Re-referral rate (DfE): referrals in the period where the same child had another referral in the 12 months before ÷ referrals in the period. */
export function reReferralRate(referrals: readonly Referral[], period: Period): Measure {
  const flags = remembered(reReferrals, referrals, () => {
    const byChild = datesByPerson(referrals, "referralDate");
    return referrals.map((r) => (byChild.get(r.personId) ?? []).some((earlier) => isWithinReReferralWindow(earlier, r.referralDate)));
  });
  let inPeriod = 0;
  let re = 0;
  referrals.forEach((r, i) => {
    if (!within(r.referralDate, period)) return;
    inPeriod++;
    if (flags[i]) re++;
  });
  return share(re, inPeriod);
}

// Whether a referral is a re-referral, a closure was followed by one, or a timescale was met does not
// depend on the period asked about: the dashboard asks for 25 periods, so each is worked out once per
// list (or row) and remembered while that list is alive.
const reReferrals = new WeakMap<object, boolean[]>();
const referredAgain = new WeakMap<object, WeakMap<object, boolean[]>>();
const onTime = new WeakMap<object, boolean>();
function remembered<T>(cache: WeakMap<object, T>, key: object, work: () => T): T {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const value = work();
  cache.set(key, value);
  return value;
}

export type ClosedCase = { caseId: string; closedOn: IsoDate; childIds: readonly string[] };

/** Re-referral after closure (local variant): cases closed in the period whose children were referred again within 12 months of closure ÷ cases closed in the period. */
export function reReferralAfterClosure(closed: readonly ClosedCase[], referrals: readonly Referral[], period: Period): Measure {
  const perReferrals = remembered(referredAgain, closed, () => new WeakMap<object, boolean[]>());
  const flags = remembered(perReferrals, referrals, () => {
    const byChild = datesByPerson(referrals, "referralDate");
    return closed.map((c) => {
      const limit = addMonths(c.closedOn, 12);
      return c.childIds.some((id) => (byChild.get(id) ?? []).some((d) => d > c.closedOn && d <= limit));
    });
  });
  let cohort = 0;
  let again = 0;
  closed.forEach((c, i) => {
    if (!within(c.closedOn, period)) return;
    cohort++;
    if (flags[i]) again++;
  });
  return share(again, cohort);
}

// The dashboard asks for the same list's dates by person for 25 periods: keep the grouping per list.
const grouped = new WeakMap<object, Map<string, Map<string, IsoDate[]>>>();
function datesByPerson<T extends { personId: string }, K extends keyof T & string>(rows: readonly T[], field: K): Map<string, IsoDate[]> {
  const byField = grouped.get(rows) ?? new Map<string, Map<string, IsoDate[]>>();
  grouped.set(rows, byField);
  const known = byField.get(field);
  if (known) return known;
  const map = new Map<string, IsoDate[]>();
  for (const r of rows) {
    const date = r[field] as IsoDate;
    const list = map.get(r.personId);
    if (list) list.push(date);
    else map.set(r.personId, [date]);
  }
  byField.set(field, map);
  return map;
}

export type Span = { personId: string; startDate: IsoDate; endDate: IsoDate | null };

/** Children in need: children with an open CIN episode at the end of the period, per 10,000 children. */
export function childrenInNeedRate(episodes: readonly Span[], period: Period, population: number): Measure {
  return per10k(new Set(episodes.filter((e) => openOn(e.startDate, e.endDate, period.to)).map((e) => e.personId)).size, population);
}

/** Children on child protection plans at the end of the period (count, and per 10,000). */
export function childrenOnPlans(plans: readonly Span[], period: Period, population: number): Measure {
  return per10k(new Set(plans.filter((p) => openOn(p.startDate, p.endDate, period.to)).map((p) => p.personId)).size, population);
}

/** Repeat CP plans: plans started in the period for a child who had any earlier plan ÷ plans started. */
export function repeatPlans(plans: readonly Span[], period: Period): Measure {
  const starts = datesByPerson(plans, "startDate");
  const started = plans.filter((p) => within(p.startDate, period));
  const repeats = started.filter((p) => (starts.get(p.personId) ?? []).some((d) => d < p.startDate));
  return share(repeats.length, started.length);
}

/** CP plans lasting 2 years or more: plans ending in the period that lasted ≥ 2 years ÷ plans ending. */
export function plansLastingTwoYears(plans: readonly Span[], period: Period): Measure {
  const ended = plans.filter((p) => within(p.endDate, period));
  return share(ended.filter((p) => p.endDate! >= addMonths(p.startDate, 24)).length, ended.length);
}

/** Children looked after at the end of the period, per 10,000. */
export function lookedAfterRate(periods: readonly Span[], period: Period, population: number): Measure {
  return per10k(new Set(periods.filter((p) => openOn(p.startDate, p.endDate, period.to)).map((p) => p.personId)).size, population);
}

/** Entries to care: periods of care starting in the period. */
export function entriesToCare(periods: readonly Span[], period: Period): Measure {
  return count(periods.filter((p) => within(p.startDate, period)).length);
}

export type AssessmentRow = { startDate: IsoDate; authorisedDate: IsoDate | null };

/** Assessments within 45 working days: completed in the period with workingDaysBetween(start, authorised) ≤ 45 ÷ completed. */
export function assessmentsOnTime(assessments: readonly AssessmentRow[], period: Period): Measure {
  const completed = assessments.filter((a) => within(a.authorisedDate, period));
  return share(completed.filter((a) => remembered(onTime, a, () => workingDaysBetween(a.startDate, a.authorisedDate!) <= 45)).length, completed.length);
}

export type EnquiryRow = { startDate: IsoDate; icpcDate: IsoDate | null };

/** Initial conferences within 15 working days: ICPCs in the period within 15 working days of the s47 start ÷ ICPCs. */
export function conferencesOnTime(enquiries: readonly EnquiryRow[], period: Period): Measure {
  const held = enquiries.filter((e) => within(e.icpcDate, period));
  return share(held.filter((e) => remembered(onTime, e, () => workingDaysBetween(e.startDate, e.icpcDate!) <= 15)).length, held.length);
}

/** Caseload: open cases held (each child = 1) ÷ FTE of case-holding practitioners, agency included. */
export function caseloadPerFte(childrenInOpenCases: number, practitionerFte: number): Measure {
  return { numerator: childrenInOpenCases, denominator: practitionerFte, value: practitionerFte > 0 ? childrenInOpenCases / practitionerFte : null };
}

/** Throughput: cases closed in the period per FTE practitioner per month. */
export function throughput(closedOn: readonly IsoDate[], practitionerFte: number, period: Period): Measure {
  const closed = closedOn.filter((d) => within(d, period)).length;
  const months = monthsIn(period);
  return { numerator: closed, denominator: practitionerFte * months, value: practitionerFte > 0 && months > 0 ? closed / (practitionerFte * months) : null };
}

/** Months in a period: exact for whole calendar months (a financial year is 12), otherwise by days. */
export function monthsIn(period: Period): number {
  const to = new Date(`${period.to}T00:00:00Z`);
  const lastOfMonth = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() + 1, 0)).getUTCDate() === to.getUTCDate();
  if (period.from.endsWith("-01") && lastOfMonth) {
    const [fy, fm] = period.from.split("-").map(Number) as [number, number];
    return (to.getUTCFullYear() - fy) * 12 + (to.getUTCMonth() + 1 - fm) + 1;
  }
  const days = (to.getTime() - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000 + 1;
  return Math.round((days / (365.25 / 12)) * 100) / 100;
}

export type TransitionRow = { from: string; to: string; decidedOn: IsoDate };

/** Step-ups and step-downs: approved transitions in the period by from → to level. */
export function transitionFlows(transitions: readonly TransitionRow[], period: Period): Record<string, number> {
  const flows: Record<string, number> = {};
  for (const t of transitions.filter((t) => within(t.decidedOn, period))) flows[`${t.from}→${t.to}`] = (flows[`${t.from}→${t.to}`] ?? 0) + 1;
  return flows;
}

/** Support cases stepping up to social care ÷ Support cases closed, in the period. */
export function supportStepUpRate(transitions: readonly TransitionRow[], period: Period): Measure {
  const fromSupport = transitions.filter((t) => t.from === "SUPPORT" && within(t.decidedOn, period));
  const up = fromSupport.filter((t) => t.to === "CHILD_IN_NEED" || t.to === "CHILD_PROTECTION").length;
  const closed = fromSupport.filter((t) => t.to === "CLOSED").length;
  return share(up, closed);
}

/** A worker's allocation to a case a child is on: the rows the social worker changes KPI reads. */
export type ChildCaseAllocation = {
  childId: string;
  workerId: string;
  workerRole: Role;
  roleOnCase: "LEAD" | "CO_WORKER" | "CLINICIAN";
  startDate: IsoDate;
  endDate: IsoDate | null;
};

/**
 * Whether an allocation makes the worker the child's allocated social worker, for "Social worker
 * changes" (timescales-and-kpis.md): the case's lead, held by a social worker, newly qualified social
 * worker, senior practitioner or a (registered social worker) team manager covering the case — the
 * workers the SSDA903 SWEpisodes name. A co-worker or clinician alongside the lead is not a change of
 * the child's social worker, nor is a keyworker leading.
 */
export function isAllocatedSocialWorker(a: Pick<ChildCaseAllocation, "roleOnCase" | "workerRole">): boolean {
  return a.roleOnCase === "LEAD" && (SOCIAL_WORK_ROLES.includes(a.workerRole) || MANAGER_ROLES.includes(a.workerRole));
}

/**
 * Each child's allocated social workers over time (the input of socialWorkerChanges in
 * placements-stability.ts, which counts the different ones in the period): lead allocations of social
 * work roles only.
 */
export function allocatedSocialWorkers(allocations: readonly ChildCaseAllocation[]): Map<string, ChildAllocations> {
  const byChild = new Map<string, { childId: string; allocations: { socialWorkerId: string; startDate: IsoDate; endDate: IsoDate | null }[] }>();
  for (const a of allocations) {
    if (!isAllocatedSocialWorker(a)) continue;
    const child = byChild.get(a.childId) ?? byChild.set(a.childId, { childId: a.childId, allocations: [] }).get(a.childId)!;
    child.allocations.push({ socialWorkerId: a.workerId, startDate: a.startDate, endDate: a.endDate });
  }
  return byChild;
}

export type WorkerRow = { fte: number; agency: boolean };

/** Agency rate: FTE of agency practitioners ÷ FTE of all case-holding practitioners. */
export function agencyRate(workers: readonly WorkerRow[]): Measure {
  const total = workers.reduce((n, w) => n + w.fte, 0);
  const agency = workers.filter((w) => w.agency).reduce((n, w) => n + w.fte, 0);
  return { numerator: agency, denominator: total, value: total > 0 ? agency / total : null };
}

/** Drift: open cases over their drift threshold ÷ open cases. */
export function driftRate(openCaseStates: readonly ("ok" | "amber" | "red")[]): Measure {
  return share(openCaseStates.filter((s) => s === "red").length, openCaseStates.length);
}

/** Drift's second measure: the median working days since open cases' last significant intervention (null without cases). */
export function medianDays(days: readonly number[]): number | null {
  if (days.length === 0) return null;
  const sorted = [...days].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The last day of each of the `n` months ending with the month of `date`, oldest first. */
export function monthEnds(date: IsoDate, n: number): IsoDate[] {
  const first = `${date.slice(0, 7)}-01`;
  return Array.from({ length: n }, (_, i) => {
    const start = addMonths(first, i - n + 1);
    const next = addMonths(start, 1);
    const end = new Date(`${next}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() - 1);
    return end.toISOString().slice(0, 10);
  });
}

/** The financial year (1 April – 31 March) containing `date`. */
export function financialYearOf(date: IsoDate): Period {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= "04-01" ? year : year - 1;
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

/** The 12 months ending on `date`. */
/** What is wrong with a period chosen by its dates, or null: it must end on or after the day it starts. */
export function customPeriodProblem(from: IsoDate, to: IsoDate): string | null {
  return to < from ? "Enter a last day on or after the first day" : null;
}

export function rollingYear(date: IsoDate): Period {
  const from = new Date(`${addMonths(date, -12)}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() + 1);
  return { from: from.toISOString().slice(0, 10), to: date };
}

/** Small numbers are not shared between councils: a count under 5 (or a rate built on one) is suppressed. */
export function suppressSmall(m: Measure): Measure | null {
  if (m.numerator > 0 && m.numerator < 5) return null;
  if (m.denominator !== null && m.denominator > 0 && m.denominator < 5) return null;
  return m;
}
