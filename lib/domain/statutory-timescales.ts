// Statutory timescales (timescales-and-kpis.md "Statutory timescales"): from a child's records, the
// next date each duty falls due, and whether it is due, due soon, overdue or met. Pure: the case page,
// "what's due" and the managers' overdue counts all call childTimescales.
import { addDays, addMonths, ageOn, formatDate, type IsoDate } from "./dates";
import { addWorkingDays, workingDaysBetween } from "./working-days";

export type DueState = "overdue" | "due-soon" | "due" | "done";

export type DueKind =
  | "contact-decision"
  | "assessment"
  | "initial-conference"
  | "cp-review"
  | "cp-visit"
  | "core-group"
  | "la-review"
  | "la-visit"
  | "health-assessment"
  | "pathway-plan";

export type DueItem = {
  kind: DueKind;
  label: string;
  dueDate: IsoDate;
  /** how the date was worked out, in plain English */
  basis: string;
  state: DueState;
  /** when it was done (for a met one-off duty) */
  doneOn?: IsoDate;
  onTime?: boolean;
};

export type TimescaleSettings = { dueSoonWorkingDays: number; cpVisitWorkingDays: number };

export type ChildRecords = {
  dateOfBirth: IsoDate | null;
  contacts?: { receivedOn: IsoDate; decisionOn: IsoDate | null }[];
  referrals: { id: string; referralDate: IsoDate; closureDate: IsoDate | null }[];
  assessments: { episodeId: string | null; startDate: IsoDate; authorisedDate: IsoDate | null }[];
  enquiries: { strategyDiscussionDate: IsoDate; icpcDate: IsoDate | null; icpcNotRequired: boolean }[];
  cpPlans: { startDate: IsoDate; endDate: IsoDate | null; reviews: IsoDate[]; coreGroups?: IsoDate[] }[];
  carePeriods: {
    startDate: IsoDate;
    endDate: IsoDate | null;
    placements: { startDate: IsoDate; endDate: IsoDate | null; placedWithParents?: boolean; temporaryApproval?: boolean; intendedUntil18?: boolean }[];
    reviews: IsoDate[];
  }[];
  healthAssessments: IsoDate[];
  /** dates the child was seen on a visit that counts as a statutory visit (STATUTORY_VISIT_TYPES) */
  visits: IsoDate[];
  /** set while the child (a young person) has an open care-leaver case: since when, and the pathway plan's reviews */
  careLeaver?: { since: IsoDate; pathwayPlanReviews: IsoDate[] } | null;
};

type Placement = ChildRecords["carePeriods"][number]["placements"][number];

/**
 * The placements of a period of care from its SSDA903 episodes. An episode begun by a change of legal
 * status only (RNE L) is the same placement going on, so it does not start the regulation 28 clock
 * again; every other new episode (S, P, T, B, U) is a new placement, so a move does.
 */
export function placementsFromEpisodes(episodes: readonly (Placement & { reasonNewEpisode: string })[]): Placement[] {
  const out: Placement[] = [];
  for (const { reasonNewEpisode, ...e } of [...episodes].sort((a, b) => a.startDate.localeCompare(b.startDate))) {
    const previous = out.at(-1);
    // the same placement under a new legal status: its start stays, the rest is the latest episode's
    if (reasonNewEpisode === "L" && previous && previous.endDate === e.startDate) out[out.length - 1] = { ...e, startDate: previous.startDate };
    else out.push(e);
  }
  return out;
}

function state(due: IsoDate, today: IsoDate, settings: TimescaleSettings): DueState {
  if (today > due) return "overdue";
  return workingDaysBetween(today, due) <= settings.dueSoonWorkingDays ? "due-soon" : "due";
}

const latest = (dates: readonly IsoDate[], from?: IsoDate, to?: IsoDate) =>
  dates.filter((d) => (!from || d >= from) && (!to || d <= to)).sort().at(-1) ?? null;

/** Contact decisions: within 1 working day of the contact. */
export function contactDecisions(contacts: ChildRecords["contacts"], today: IsoDate, settings: TimescaleSettings): DueItem[] {
  return (contacts ?? [])
    .filter((c) => !c.decisionOn)
    .map((c) => {
      const due = addWorkingDays(c.receivedOn, 1);
      return { kind: "contact-decision", label: "Decision on the contact", dueDate: due, basis: `1 working day from the contact on ${formatDate(c.receivedOn)}`, state: state(due, today, settings) };
    });
}

/** Child and family assessment: completed within 45 working days of the referral. */
export function assessmentDue(r: ChildRecords, today: IsoDate, settings: TimescaleSettings): DueItem[] {
  return r.referrals
    .filter((e) => !e.closureDate || e.closureDate > today)
    .map((e) => {
      const due = addWorkingDays(e.referralDate, 45);
      const done = r.assessments
        .filter((a) => (a.episodeId ? a.episodeId === e.id : a.startDate >= e.referralDate) && a.authorisedDate)
        .map((a) => a.authorisedDate!)
        .sort()[0];
      const basis = `45 working days from the referral on ${formatDate(e.referralDate)}`;
      return done
        ? { kind: "assessment", label: "Assessment completed", dueDate: due, basis, state: "done", doneOn: done, onTime: done <= due }
        : { kind: "assessment", label: "Assessment completed", dueDate: due, basis, state: state(due, today, settings) };
    });
}

/** Initial child protection conference: within 15 working days of the strategy discussion. */
export function conferenceDue(r: ChildRecords, today: IsoDate, settings: TimescaleSettings): DueItem[] {
  return r.enquiries
    .filter((s) => !s.icpcNotRequired)
    .map((s) => {
      const due = addWorkingDays(s.strategyDiscussionDate, 15);
      const basis = `15 working days from the strategy discussion on ${formatDate(s.strategyDiscussionDate)}`;
      return s.icpcDate
        ? { kind: "initial-conference", label: "Initial child protection conference", dueDate: due, basis, state: "done", doneOn: s.icpcDate, onTime: s.icpcDate <= due }
        : { kind: "initial-conference", label: "Initial child protection conference", dueDate: due, basis, state: state(due, today, settings) };
    });
}

/** CP reviews: the first within 3 months of the plan starting (the initial conference), then at most every 6 months. CP visits: every cpVisitWorkingDays working days. */
export function cpPlanDue(r: ChildRecords, today: IsoDate, settings: TimescaleSettings): DueItem[] {
  const items: DueItem[] = [];
  for (const plan of r.cpPlans.filter((p) => !p.endDate || p.endDate > today)) {
    const last = latest(plan.reviews, plan.startDate);
    const due = last ? addMonths(last, 6) : addMonths(plan.startDate, 3);
    items.push({
      kind: "cp-review",
      label: "Child protection review conference",
      dueDate: due,
      basis: last ? `6 months from the last review on ${formatDate(last)}` : `3 months from the initial conference on ${formatDate(plan.startDate)}`,
      state: state(due, today, settings),
    });
    const seen = latest(r.visits, plan.startDate);
    const visitDue = addWorkingDays(seen ?? plan.startDate, settings.cpVisitWorkingDays);
    items.push({
      kind: "cp-visit",
      label: "Child protection visit",
      dueDate: visitDue,
      basis: `${settings.cpVisitWorkingDays} working days from ${seen ? `the last visit on ${formatDate(seen)}` : `the plan's start on ${formatDate(plan.startDate)}`} (council setting)`,
      state: state(visitDue, today, settings),
    });
  }
  return items;
}

/** Core group: the first meeting within 10 working days of the initial conference (the plan's start), by local procedures. */
export function coreGroupDue(r: ChildRecords, today: IsoDate, settings: TimescaleSettings): DueItem[] {
  return r.cpPlans
    .filter((p) => !p.endDate || p.endDate > today)
    .map((plan) => {
      const due = addWorkingDays(plan.startDate, 10);
      const basis = `10 working days from the initial conference on ${formatDate(plan.startDate)}`;
      const first = (plan.coreGroups ?? []).filter((d) => d >= plan.startDate).sort()[0];
      return first
        ? { kind: "core-group", label: "First core group meeting", dueDate: due, basis, state: "done", doneOn: first, onTime: first <= due }
        : { kind: "core-group", label: "First core group meeting", dueDate: due, basis, state: state(due, today, settings) };
    });
}

/**
 * Care leaver pathway plan: reviewed at least every 6 months. With no review recorded yet, 6 months
 * from when the care-leaver case began (the plan itself was made while the young person was looked after).
 */
export function pathwayPlanDue(r: ChildRecords, today: IsoDate, settings: TimescaleSettings): DueItem[] {
  if (!r.careLeaver) return [];
  const last = latest(r.careLeaver.pathwayPlanReviews);
  const due = addMonths(last ?? r.careLeaver.since, 6);
  const basis = last ? `6 months from the last review on ${formatDate(last)}` : `6 months from the start of care-leaver support on ${formatDate(r.careLeaver.since)} (no review recorded yet)`;
  return [{ kind: "pathway-plan", label: "Pathway plan review", dueDate: due, basis, state: state(due, today, settings) }];
}

/**
 * Looked-after visits (Care Planning, Placement and Case Review Regulations 2010, reg 28): within 1
 * week of the start of any placement; then at most every 6 weeks in the placement's first year; after
 * that at most every 3 months if the placement is intended to last until 18, otherwise every 6 weeks.
 * Placed with parents before assessment, or a temporary connected-person placement: weekly until the
 * first review, then at most every 6 weeks (4 weeks for a connected person or interim order at home).
 */
export function regulation28NextVisit(
  placement: ChildRecords["carePeriods"][number]["placements"][number],
  visitsInPlacement: readonly IsoDate[],
  firstReview: IsoDate | null,
  today: IsoDate,
): { due: IsoDate; basis: string } {
  const last = latest(visitsInPlacement, placement.startDate);
  if (!last) return { due: addDays(placement.startDate, 7), basis: `1 week from the start of the placement on ${formatDate(placement.startDate)}` };
  if (placement.placedWithParents || placement.temporaryApproval) {
    const who = placement.placedWithParents ? "placed with parents" : "temporary connected-person placement";
    if (!firstReview || firstReview > today) return { due: addDays(last, 7), basis: `weekly until the first review (${who}): 1 week from the visit on ${formatDate(last)}` };
    // 4 weeks for a temporary connected-person placement; 6 for a child placed with parents
    const weeks = placement.temporaryApproval ? 4 : 6;
    return { due: addDays(last, weeks * 7), basis: `${weeks} weeks from the visit on ${formatDate(last)} (${who}, after the first review)` };
  }
  const firstYearEnds = addMonths(placement.startDate, 12);
  if (last < firstYearEnds) {
    const due = addDays(last, 42);
    return { due, basis: `6 weeks from the visit on ${formatDate(last)} (the placement's first year)` };
  }
  if (placement.intendedUntil18) return { due: addMonths(last, 3), basis: `3 months from the visit on ${formatDate(last)} (a placement intended to last until 18, after its first year)` };
  return { due: addDays(last, 42), basis: `6 weeks from the visit on ${formatDate(last)}` };
}

/** Looked-after reviews (reg 33): first within 20 working days; second within 3 months of the first; then at most every 6 months. Health: initial within 20 working days; then every 6 months under 5, yearly from 5. */
export function lookedAfterDue(r: ChildRecords, today: IsoDate, settings: TimescaleSettings): DueItem[] {
  const items: DueItem[] = [];
  const period = r.carePeriods.find((p) => !p.endDate || p.endDate > today);
  if (!period) return items;
  const reviews = period.reviews.filter((d) => d >= period.startDate).sort();
  let reviewDue: IsoDate;
  let basis: string;
  if (reviews.length === 0) {
    reviewDue = addWorkingDays(period.startDate, 20);
    basis = `20 working days from becoming looked after on ${formatDate(period.startDate)}`;
  } else if (reviews.length === 1) {
    reviewDue = addMonths(reviews[0]!, 3);
    basis = `3 months from the first review on ${formatDate(reviews[0]!)}`;
  } else {
    reviewDue = addMonths(reviews.at(-1)!, 6);
    basis = `6 months from the last review on ${formatDate(reviews.at(-1)!)}`;
  }
  items.push({ kind: "la-review", label: "Looked-after review", dueDate: reviewDue, basis, state: state(reviewDue, today, settings) });

  const current = period.placements.filter((p) => !p.endDate || p.endDate > today).sort((a, b) => a.startDate.localeCompare(b.startDate)).at(-1);
  if (current) {
    const visit = regulation28NextVisit(current, r.visits.filter((v) => v >= current.startDate), reviews[0] ?? null, today);
    items.push({ kind: "la-visit", label: "Looked-after visit (regulation 28)", dueDate: visit.due, basis: visit.basis, state: state(visit.due, today, settings) });
  }

  const health = r.healthAssessments.filter((d) => d >= period.startDate).sort();
  let healthDue: IsoDate;
  let healthBasis: string;
  if (health.length === 0) {
    healthDue = addWorkingDays(period.startDate, 20);
    healthBasis = `initial health assessment: 20 working days from becoming looked after on ${formatDate(period.startDate)}`;
  } else {
    const last = health.at(-1)!;
    const under5 = r.dateOfBirth !== null && ageOn(r.dateOfBirth, last) < 5;
    healthDue = addMonths(last, under5 ? 6 : 12);
    healthBasis = `${under5 ? "6 months (under 5)" : "12 months (5 and over)"} from the last health assessment on ${formatDate(last)}`;
  }
  items.push({ kind: "health-assessment", label: "Health assessment", dueDate: healthDue, basis: healthBasis, state: state(healthDue, today, settings) });
  return items;
}

/** Everything due for one child, soonest first; met one-off duties last. */
export function childTimescales(r: ChildRecords, today: IsoDate, settings: TimescaleSettings): DueItem[] {
  const items = [
    ...contactDecisions(r.contacts, today, settings), ...assessmentDue(r, today, settings), ...conferenceDue(r, today, settings), ...cpPlanDue(r, today, settings),
    ...coreGroupDue(r, today, settings),
    ...lookedAfterDue(r, today, settings),
    ...pathwayPlanDue(r, today, settings),
  ];
  const rank = (i: DueItem) => (i.state === "done" ? 1 : 0);
  return items.sort((a, b) => rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate));
}
