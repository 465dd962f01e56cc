// The head of service's borough KPIs: loads the council's rows once, computes every KPI with the
// formulas in lib/domain/kpis.ts for the period and for each of the last 24 months, and keeps the
// result as a snapshot (kpi_snapshot) so the dashboard opens fast at county scale. Councils that opt
// in also publish their headline figures, small numbers suppressed, for their partnership.
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { inOrder } from "@/lib/db/in-order";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { driftOf } from "@/lib/domain/case-drift";
import { todayInEngland, type IsoDate } from "@/lib/domain/dates";
import { KPI_KEYS, type KpiKey } from "@/lib/domain/kpi-definitions";
import * as K from "@/lib/domain/kpis";
import type { Measure, Period } from "@/lib/domain/kpis";
import type { PeriodOfCare, PlacementEpisode } from "@/lib/domain/placements";
import { placementAnalytics, type LocatedChild, type LocatedEpisode, type PlacementAnalytics } from "@/lib/domain/placements-analytics";
import { inHouseFosteringShare, placementSpend, type CostedSpan } from "@/lib/domain/placements-spend";
import { longTermPlacementStability, overlapsPeriod, shortTermPlacementStability, socialWorkerChanges, type ChildAllocations, type LookedAfterChild } from "@/lib/domain/placements-stability";
import { CASE_HOLDING_ROLES, type Role } from "@/lib/domain/roles";
import type { TenantSettings } from "@/lib/domain/tenant-settings";
import { AppError } from "@/lib/errors";
import { lastInterventions } from "./drift";
import { loadSettings } from "./settings";

export type PeriodChoice = { kind: "fy"; year: number } | { kind: "rolling" } | { kind: "custom"; from: IsoDate; to: IsoDate };

export type Figure = Measure & {
  note?: string;
  /** a second measure shown under the value (drift: the median days since the last significant intervention) */
  detail?: string;
};
export type TrendPoint = { month: IsoDate; value: number | null };
export type TeamFigures = { teamId: string; teamName: string; figures: Partial<Record<KpiKey, Figure>> };

export type BoroughDashboard = {
  /** the shape of the snapshot: one kept with another version is shown, marked stale, and worked out again */
  version?: number;
  period: Period & { label: string; key: string };
  computedAt: string;
  figures: Record<KpiKey, Figure>;
  trends: Partial<Record<KpiKey, TrendPoint[]>>;
  byTeam: TeamFigures[];
  /** the figures that belong to one practitioner (caseload, drift of the cases they hold, assessments they recorded) */
  byWorker?: WorkerFigures[];
  flows: Record<string, number>;
  spendByProvider: Record<string, number>;
  cpRatePer10k: number | null;
  /** absent from snapshots kept before placements were measured as they are now */
  placements?: PlacementAnalytics;
  /** set when a setting the figures are worked out with changed after they were (markSnapshotsStale) */
  staleSince?: string;
};

/**
 * Raised when what a snapshot holds changes shape or a figure is worked out differently, so kept
 * snapshots are shown marked stale and worked out again (2: placements by group of types, fostering,
 * unknown areas; 5: 3+ social workers counts lead allocations only, not co-workers).
 */
const SNAPSHOT_VERSION = 6;

/** How long a snapshot is served before it is worked out again. */
const FRESH_MINUTES = 15;

export function resolvePeriod(choice: PeriodChoice, today: IsoDate): Period & { label: string; key: string } {
  if (choice.kind === "fy") {
    const p = { from: `${choice.year - 1}-04-01`, to: `${choice.year}-03-31` };
    return { ...p, label: `Financial year ${choice.year - 1}–${String(choice.year).slice(2)}`, key: `fy-${choice.year}` };
  }
  if (choice.kind === "rolling") return { ...K.rollingYear(today), label: "The last 12 months", key: `rolling-${today}` };
  const problem = K.customPeriodProblem(choice.from, choice.to);
  if (problem) throw new AppError("VALIDATION", problem, { to: [problem] });
  return { from: choice.from, to: choice.to, label: `${choice.from} to ${choice.to}`, key: `custom-${choice.from}-${choice.to}` };
}

type Rows = Awaited<ReturnType<typeof loadRows>>;

async function loadRows(tx: Tx, t: string) {
  // the largest reads on this connection, the rest on a second one, so the database works on both at once
  return withTenant(t, async (other) => {
    const [[referrals, closedCases, holdings], [episodes, cpPlans, carePeriods, assessments, enquiries, transitions, workers, careEpisodes, swAllocations]] = await Promise.all([
      // one chain of queries per connection: each connection runs its queries in turn, the two side by side
      inOrder([
        () => tx.$queryRaw<{ personId: string; referralDate: string; caseId: string; teamId: string | null }[]>`
          SELECT e.person_id AS "personId", to_char(e.referral_date, 'YYYY-MM-DD') AS "referralDate", e.case_id AS "caseId", c.team_id AS "teamId"
          FROM cin_episode e JOIN case_file c ON c.tenant_id = e.tenant_id AND c.id = e.case_id WHERE e.tenant_id = ${t}::uuid`,
        () => tx.$queryRaw<{ caseId: string; closedOn: string; teamId: string | null; childIds: string[] }[]>`
          SELECT c.id AS "caseId", to_char(c.closed_on, 'YYYY-MM-DD') AS "closedOn", c.team_id AS "teamId",
                 coalesce(array_agg(cc.person_id::text) FILTER (WHERE cc.person_id IS NOT NULL), '{}') AS "childIds"
          FROM case_file c LEFT JOIN case_child cc ON cc.tenant_id = c.tenant_id AND cc.case_id = c.id
          WHERE c.tenant_id = ${t}::uuid AND c.status = 'CLOSED' GROUP BY c.tenant_id, c.id`,
        // every allocation of a case-holding worker, with the case's number of children: caseload now and at each month end
        () => tx.$queryRaw<{ workerId: string; caseId: string; startDate: string; endDate: string | null; closedOn: string | null; children: number }[]>`
          SELECT a.worker_id AS "workerId", a.case_id AS "caseId", to_char(a.start_date, 'YYYY-MM-DD') AS "startDate", to_char(a.end_date, 'YYYY-MM-DD') AS "endDate",
                 to_char(c.closed_on, 'YYYY-MM-DD') AS "closedOn", coalesce(k.n, 0) AS children
          FROM allocation a JOIN case_file c ON c.tenant_id = a.tenant_id AND c.id = a.case_id
          -- children per case counted in one pass (a sub-select per allocation took twice as long at county scale)
          LEFT JOIN (SELECT cc.case_id, count(*)::int AS n FROM case_child cc WHERE cc.tenant_id = ${t}::uuid AND cc.removed_on IS NULL GROUP BY cc.case_id) k ON k.case_id = c.id
          WHERE a.tenant_id = ${t}::uuid`,
      ]),
      inOrder([
        () => other.$queryRaw<(K.Span & { teamId: string | null })[]>`
          SELECT e.person_id AS "personId", to_char(e.referral_date, 'YYYY-MM-DD') AS "startDate", to_char(e.closure_date, 'YYYY-MM-DD') AS "endDate", c.team_id AS "teamId"
          FROM cin_episode e JOIN case_file c ON c.tenant_id = e.tenant_id AND c.id = e.case_id WHERE e.tenant_id = ${t}::uuid`,
        () => other.$queryRaw<(K.Span & { teamId: string | null })[]>`
          SELECT p.person_id AS "personId", to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate", c.team_id AS "teamId"
          FROM cp_plan p JOIN case_file c ON c.tenant_id = p.tenant_id AND c.id = p.case_id WHERE p.tenant_id = ${t}::uuid`,
        () => other.$queryRaw<(K.Span & { id: string; teamId: string | null; dateOfBirth: string | null })[]>`
          SELECT p.id, p.person_id AS "personId", to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate", c.team_id AS "teamId",
                 to_char(pe.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth"
          FROM care_period p JOIN case_file c ON c.tenant_id = p.tenant_id AND c.id = p.case_id
          JOIN person pe ON pe.tenant_id = p.tenant_id AND pe.id = p.person_id WHERE p.tenant_id = ${t}::uuid`,
        () => other.$queryRaw<(K.AssessmentRow & { teamId: string | null; recordedById: string })[]>`
          SELECT to_char(a.start_date, 'YYYY-MM-DD') AS "startDate", to_char(a.authorised_date, 'YYYY-MM-DD') AS "authorisedDate", c.team_id AS "teamId", a.recorded_by_id AS "recordedById"
          FROM assessment a JOIN case_file c ON c.tenant_id = a.tenant_id AND c.id = a.case_id WHERE a.tenant_id = ${t}::uuid`,
        () => other.$queryRaw<(K.EnquiryRow & { teamId: string | null })[]>`
          SELECT to_char(s.start_date, 'YYYY-MM-DD') AS "startDate", to_char(s.icpc_date, 'YYYY-MM-DD') AS "icpcDate", c.team_id AS "teamId"
          FROM section47 s JOIN case_file c ON c.tenant_id = s.tenant_id AND c.id = s.case_id WHERE s.tenant_id = ${t}::uuid`,
        () => other.$queryRaw<K.TransitionRow[]>`
          SELECT t.from_level::text AS "from", coalesce(t.to_level::text, 'CLOSED') AS "to", to_char((t.decided_at AT TIME ZONE 'Europe/London')::date, 'YYYY-MM-DD') AS "decidedOn"
          FROM transition t WHERE t.tenant_id = ${t}::uuid AND t.status = 'APPROVED'`,
        () => other.$queryRaw<{ id: string; name: string; teamId: string | null; role: Role; fte: number; agency: boolean }[]>`
          SELECT u.id, u.name, u.team_id AS "teamId", u.role, u.fte::float8 AS fte, u.employment = 'AGENCY' AS agency
          FROM app_user u WHERE u.tenant_id = ${t}::uuid AND u.active AND u.role = ANY(${[...CASE_HOLDING_ROLES]}::role[])`,
        () => other.$queryRaw<
          {
            id: string;
            personId: string;
            periodId: string;
            startDate: string;
            endDate: string | null;
            place: string;
            provider: string | null;
            carerId: string | null;
            legalStatus: string;
            rne: string;
            weeklyCost: number | null;
            postcode: string | null;
            avoided: boolean;
            homeLat: number | null;
            homeLon: number | null;
            placeLat: number | null;
            placeLon: number | null;
            placeLa: string | null;
          }[]
        >`
          SELECT e.id, e.person_id AS "personId", e.care_period_id AS "periodId", to_char(e.start_date, 'YYYY-MM-DD') AS "startDate", to_char(e.end_date, 'YYYY-MM-DD') AS "endDate",
                 e.place, e.provider, e.carer_id AS "carerId", e.legal_status AS "legalStatus", e.reason_new_episode AS rne, e.weekly_cost::float8 AS "weeklyCost", e.placement_postcode AS postcode,
                 e.avoided_agency AS avoided, e.home_latitude AS "homeLat", e.home_longitude AS "homeLon", e.placement_latitude AS "placeLat", e.placement_longitude AS "placeLon", e.placement_la_code AS "placeLa"
          FROM care_episode e WHERE e.tenant_id = ${t}::uuid`,
        // every allocation of looked-after children's cases, per child, with the worker's role and their
        // role on the case: which of them make a child's allocated social worker is K.isAllocatedSocialWorker's call
        () => other.$queryRaw<K.ChildCaseAllocation[]>`
          SELECT cc.person_id AS "childId", a.worker_id AS "workerId", u.role AS "workerRole", a.role_on_case::text AS "roleOnCase",
                 to_char(a.start_date, 'YYYY-MM-DD') AS "startDate", to_char(a.end_date, 'YYYY-MM-DD') AS "endDate"
          FROM allocation a JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.worker_id
          JOIN case_child cc ON cc.tenant_id = a.tenant_id AND cc.case_id = a.case_id
          WHERE a.tenant_id = ${t}::uuid AND EXISTS (SELECT 1 FROM care_period p WHERE p.tenant_id = cc.tenant_id AND p.person_id = cc.person_id)`,
      ]),
    ]);
    return { referrals, closedCases, episodes, cpPlans, carePeriods, assessments, enquiries, transitions, workers, careEpisodes, swAllocations, holdings };
  });
}

/** Each looked-after child's periods of care and episodes, with where each placement is. */
function lookedAfterChildren(rows: Rows): (LookedAfterChild & LocatedChild)[] {
  const byChild = new Map<string, LookedAfterChild & { periods: PeriodOfCare[]; episodes: LocatedEpisode[] }>();
  for (const p of rows.carePeriods) {
    const child = byChild.get(p.personId) ?? { childId: p.personId, dateOfBirth: p.dateOfBirth ?? "2000-01-01", periods: [], episodes: [] };
    child.periods.push({ id: p.id, startDate: p.startDate, endDate: p.endDate });
    byChild.set(p.personId, child);
  }
  const at = (latitude: number | null, longitude: number | null) => (latitude !== null && longitude !== null ? { latitude, longitude } : null);
  for (const e of rows.careEpisodes) {
    const child = byChild.get(e.personId);
    if (!child) continue;
    child.episodes.push({
      id: e.id,
      startDate: e.startDate,
      endDate: e.endDate,
      placeType: e.place as PlacementEpisode["placeType"],
      provider: e.provider as PlacementEpisode["provider"],
      carerId: e.carerId,
      legalStatus: e.legalStatus as PlacementEpisode["legalStatus"],
      reasonNewEpisode: e.rne as PlacementEpisode["reasonNewEpisode"],
      weeklyCost: e.weeklyCost ?? undefined,
      placementPostcode: e.postcode ?? undefined,
      avoidedAgencyPlacement: e.avoided,
      home: at(e.homeLat, e.homeLon),
      placement: at(e.placeLat, e.placeLon),
      placementLaCode: e.placeLa,
    });
  }
  return [...byChild.values()];
}

const held = (rows: Rows, on: IsoDate, workerIds?: Set<string>) =>
  rows.holdings.filter((h) => h.startDate <= on && (!h.endDate || h.endDate > on) && (!h.closedOn || h.closedOn > on) && (!workerIds || workerIds.has(h.workerId))).reduce((n, h) => n + h.children, 0);

/** Every KPI for one period (and the drift states measured today). */
type Derived = { children: (LookedAfterChild & LocatedChild)[]; spans: CostedSpan[]; fostering: (CostedSpan & { placeType: PlacementEpisode["placeType"] })[]; swByChild: Map<string, ChildAllocations> };

// The shapes the domain's rules take, built once per load of the rows (the dashboard asks for 25 periods).
const derivedOf = new WeakMap<Rows, Derived>();
function derived(rows: Rows): Derived {
  const known = derivedOf.get(rows);
  if (known) return known;
  const spans: CostedSpan[] = rows.careEpisodes.map((e) => ({ startDate: e.startDate, endDate: e.endDate, provider: e.provider as CostedSpan["provider"], weeklyCost: e.weeklyCost ?? undefined }));
  // each looked-after child's allocated social workers: lead allocations of social work roles, not co-workers
  const swByChild = K.allocatedSocialWorkers(rows.swAllocations);
  const made: Derived = {
    children: lookedAfterChildren(rows),
    spans,
    fostering: spans.map((s, i) => ({ ...s, placeType: rows.careEpisodes[i]!.place as PlacementEpisode["placeType"] })),
    swByChild,
  };
  derivedOf.set(rows, made);
  return made;
}

/** Cases in drift, with the median working days since the last significant intervention. */
function driftFigure(cases: readonly { state: "ok" | "amber" | "red"; days: number }[]): Figure {
  const median = K.medianDays(cases.map((c) => c.days));
  return { ...K.driftRate(cases.map((c) => c.state)), ...(median === null ? {} : { detail: `Median ${median} working days since the last significant intervention` }) };
}

function figuresFor(rows: Rows, p: Period, population: number, driftStates: readonly { state: "ok" | "amber" | "red"; days: number }[], today: IsoDate): Record<KpiKey, Figure> {
  const fte = rows.workers.reduce((n, w) => n + w.fte, 0);
  const { children, spans, fostering, swByChild } = derived(rows);
  const asMeasure = (s: { count: number; outOf: number; rate: number | null }): Measure => ({ numerator: s.count, denominator: s.outOf, value: s.rate });
  // every child looked after for a day of the period, with or without a social worker allocated
  const lookedAfterInPeriod = [...new Set(rows.carePeriods.filter((c) => overlapsPeriod(c, p)).map((c) => c.personId))].map((id) => swByChild.get(id) ?? { childId: id, allocations: [] });
  const spend = placementSpend(spans, p);
  // children in care "at the end of the period" are counted on its last day, or today if it has not ended (as placementAnalytics does)
  const nowOrEnd = p.to < today ? p.to : today;
  const inHouse = inHouseFosteringShare(fostering, nowOrEnd);
  return {
    "re-referral": K.reReferralRate(rows.referrals, p),
    "re-referral-after-closure": K.reReferralAfterClosure(rows.closedCases, rows.referrals, p),
    "children-in-need": K.childrenInNeedRate(rows.episodes, p, population),
    "cp-plans": { ...K.childrenOnPlans(rows.cpPlans, p, population), value: K.childrenOnPlans(rows.cpPlans, p, population).numerator },
    "repeat-cp": K.repeatPlans(rows.cpPlans, p),
    "cp-two-years": K.plansLastingTwoYears(rows.cpPlans, p),
    "looked-after": K.lookedAfterRate(rows.carePeriods, p, population),
    "entries-to-care": K.entriesToCare(rows.carePeriods, p),
    "assessments-45": K.assessmentsOnTime(rows.assessments, p),
    "conferences-15": K.conferencesOnTime(rows.enquiries, p),
    "sw-changes": asMeasure(socialWorkerChanges(lookedAfterInPeriod, p)),
    caseload: K.caseloadPerFte(held(rows, nowOrEnd), fte),
    drift: driftFigure(driftStates),
    throughput: K.throughput(rows.closedCases.map((c) => c.closedOn), fte, p),
    "support-step-up": K.supportStepUpRate(rows.transitions, p),
    "stability-short": asMeasure(shortTermPlacementStability(children, { from: p.from, to: nowOrEnd })),
    "stability-long": asMeasure(longTermPlacementStability(children, nowOrEnd)),
    "in-house-share": { numerator: inHouse.inHouse, denominator: inHouse.fostering, value: inHouse.share },
    "placement-spend": { numerator: spend.total, denominator: null, value: spend.total },
    "agency-rate": K.agencyRate(rows.workers),
  };
}

export type WorkerFigures = { workerId: string; name: string; teamId: string | null; figures: Partial<Record<KpiKey, Figure>> };

/** The KPIs that are about one practitioner's work. */
export const WORKER_KPIS: readonly KpiKey[] = ["caseload", "drift", "assessments-45"];

/** Each case-holding practitioner's caseload per FTE, the drift of the cases they hold now, and the assessments they recorded. */
function workerFigures(rows: Rows, period: Period, driftStates: readonly { caseId: string; state: "ok" | "amber" | "red"; days: number }[], today: IsoDate): WorkerFigures[] {
  const on = period.to < today ? period.to : today;
  const driftByCase = new Map(driftStates.map((d) => [d.caseId, d]));
  // grouped once: a county has hundreds of workers and hundreds of thousands of allocations
  const childrenHeld = new Map<string, number>();
  const holding = new Map<string, string[]>();
  for (const h of rows.holdings) {
    if (h.startDate <= on && (!h.endDate || h.endDate > on) && (!h.closedOn || h.closedOn > on)) childrenHeld.set(h.workerId, (childrenHeld.get(h.workerId) ?? 0) + h.children);
    if (!h.endDate && !h.closedOn) (holding.get(h.workerId) ?? holding.set(h.workerId, []).get(h.workerId)!).push(h.caseId);
  }
  const recorded = new Map<string, K.AssessmentRow[]>();
  for (const a of rows.assessments) (recorded.get(a.recordedById) ?? recorded.set(a.recordedById, []).get(a.recordedById)!).push(a);
  return rows.workers
    .map((w) => ({
      workerId: w.id,
      name: w.name,
      teamId: w.teamId,
      figures: {
        caseload: K.caseloadPerFte(childrenHeld.get(w.id) ?? 0, w.fte),
        drift: driftFigure((holding.get(w.id) ?? []).flatMap((caseId) => driftByCase.get(caseId) ?? [])),
        "assessments-45": K.assessmentsOnTime(recorded.get(w.id) ?? [], period),
      },
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Measured now only: no history is kept of workers' employment or of drift. */
const NOW_ONLY: KpiKey[] = ["drift", "agency-rate"];

export async function computeBoroughDashboard(tx: Tx, tenantId: string, period: Period & { label: string; key: string }, today: IsoDate): Promise<BoroughDashboard> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { childPopulation: true, laCode: true } });
  const settings = await loadSettings(tx, tenantId);
  const rows = await loadRows(tx, tenantId);
  const interventions = await lastInterventions(tx, tenantId);
  const driftStates = interventions.map((i) => ({ teamId: i.teamId, caseId: i.caseId, ...driftOf(i.level, { date: i.date, what: i.what }, today, settings.drift) }));
  const population = tenant.childPopulation;
  const figures = figuresFor(rows, period, population, driftStates, today);

  // 24 months: stocks at each month end, flows over the 12 months to it
  const trends: Partial<Record<KpiKey, TrendPoint[]>> = {};
  const months = K.monthEnds(period.to < today ? period.to : today, 24);
  const perMonth = months.map((m) => ({ m, f: figuresFor(rows, K.rollingYear(m), population, [], m) }));
  const stock = (m: IsoDate) => ({ from: `${m.slice(0, 7)}-01`, to: m });
  const stockFigures = months.map((m) => ({
    m,
    cin: K.childrenInNeedRate(rows.episodes, stock(m), population).value,
    cp: K.childrenOnPlans(rows.cpPlans, stock(m), population).numerator,
    lac: K.lookedAfterRate(rows.carePeriods, stock(m), population).value,
  }));
  for (const key of KPI_KEYS) {
    if (NOW_ONLY.includes(key)) continue;
    if (key === "children-in-need") trends[key] = stockFigures.map((s) => ({ month: s.m, value: s.cin }));
    else if (key === "cp-plans") trends[key] = stockFigures.map((s) => ({ month: s.m, value: s.cp }));
    else if (key === "looked-after") trends[key] = stockFigures.map((s) => ({ month: s.m, value: s.lac }));
    else trends[key] = perMonth.map(({ m, f }) => ({ month: m, value: f[key].value }));
  }

  // drill-down to teams
  const teams = await tx.team.findMany({ where: { tenantId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  // each list split by team once (not filtered 45 times)
  const split = new Map<readonly { teamId: string | null }[], Map<string | null, { teamId: string | null }[]>>();
  const byTeamOf = <T extends { teamId: string | null }>(list: readonly T[]): Map<string | null, T[]> => {
    let groups = split.get(list) as Map<string | null, T[]> | undefined;
    if (!groups) {
      groups = new Map<string | null, T[]>();
      for (const x of list) {
        const group = groups.get(x.teamId);
        if (group) group.push(x);
        else groups.set(x.teamId, [x]);
      }
      split.set(list, groups);
    }
    return groups;
  };
  const byTeam = teams.map((team) => {
    const mine = <T extends { teamId: string | null }>(list: readonly T[]): T[] => byTeamOf(list).get(team.id) ?? [];
    const workers = mine(rows.workers);
    const workerIds = new Set(workers.map((w) => w.id));
    const fte = workers.reduce((n, w) => n + w.fte, 0);
    const f: Partial<Record<KpiKey, Figure>> = {
      "children-in-need": { ...K.childrenInNeedRate(mine(rows.episodes), period, population), value: K.childrenInNeedRate(mine(rows.episodes), period, population).numerator, note: "children" },
      "cp-plans": { ...K.childrenOnPlans(mine(rows.cpPlans), period, population), value: K.childrenOnPlans(mine(rows.cpPlans), period, population).numerator },
      "looked-after": { ...K.lookedAfterRate(mine(rows.carePeriods), period, population), value: K.lookedAfterRate(mine(rows.carePeriods), period, population).numerator, note: "children" },
      "re-referral": K.reReferralRate(mine(rows.referrals), period),
      "assessments-45": K.assessmentsOnTime(mine(rows.assessments), period),
      "conferences-15": K.conferencesOnTime(mine(rows.enquiries), period),
      caseload: K.caseloadPerFte(held(rows, period.to < today ? period.to : today, workerIds), fte),
      throughput: K.throughput(mine(rows.closedCases).map((c) => c.closedOn), fte, period),
      drift: driftFigure(mine(driftStates)),
      "agency-rate": K.agencyRate(workers),
    };
    return { teamId: team.id, teamName: team.name, figures: f };
  });

  const placements = placementAnalytics(derived(rows).children, period, today, tenant.laCode, settings.placements);
  return {
    version: SNAPSHOT_VERSION,
    period,
    computedAt: new Date().toISOString(),
    figures,
    trends,
    byTeam,
    byWorker: workerFigures(rows, period, driftStates, today),
    flows: K.transitionFlows(rows.transitions, period),
    spendByProvider: placements.periodSpend as Record<string, number>,
    cpRatePer10k: K.childrenOnPlans(rows.cpPlans, period, population).value,
    placements,
  };
}

const SHARED: KpiKey[] = ["re-referral", "children-in-need", "cp-plans", "looked-after", "assessments-45", "conferences-15", "cp-two-years", "repeat-cp", "caseload", "agency-rate", "stability-short", "in-house-share"];

/**
 * The dashboard for a period. A kept snapshot is served at once, however old, marked `stale` when it is
 * older than FRESH_MINUTES so the page can have it worked out again after answering
 * (refreshBoroughDashboard) — at county scale that takes seconds nobody should wait for. Only a period
 * never worked out before, or `refresh`, is computed while the caller waits.
 */
export async function getBoroughDashboard(
  ctx: Ctx,
  choice: PeriodChoice,
  options: { refresh?: boolean } = {},
): Promise<BoroughDashboard & { canSeeCases: boolean; stale: boolean }> {
  assertCan(ctx, "kpi:view", "see the borough's KPIs");
  const today = todayInEngland();
  const period = resolvePeriod(choice, today);
  return withTenant(
    ctx.tenantId,
    async (tx) => {
      const cached = options.refresh ? null : await tx.kpiSnapshot.findUnique({ where: { tenantId_periodKey: { tenantId: ctx.tenantId, periodKey: period.key } } });
      if (cached) {
        const kept = cached.payload as unknown as BoroughDashboard;
        const current = kept.version === SNAPSHOT_VERSION;
        const stale = !current || kept.staleSince !== undefined || Date.now() - cached.computedAt.getTime() >= FRESH_MINUTES * 60_000;
        return { ...kept, placements: current ? kept.placements : undefined, canSeeCases: can(ctx.role, "kpi:view-case-links"), stale };
      }
      const dashboard = await computeAndKeep(tx, ctx.tenantId, period, today);
      return { ...dashboard, canSeeCases: can(ctx.role, "kpi:view-case-links"), stale: false };
    },
    { timeoutMs: 120_000 },
  );
}

/** Works a period's figures out, keeps them as the council's snapshot and shares the headline figures if it opted in. */
async function computeAndKeep(tx: Tx, tenantId: string, period: ReturnType<typeof resolvePeriod>, today: IsoDate): Promise<BoroughDashboard> {
  const dashboard = await computeBoroughDashboard(tx, tenantId, period, today);
  const payload = JSON.parse(JSON.stringify(dashboard));
  await tx.kpiSnapshot.upsert({
    where: { tenantId_periodKey: { tenantId, periodKey: period.key } },
    create: { tenantId, periodKey: period.key, payload },
    update: { payload, computedAt: new Date() },
  });
  await publishBenchmark(tx, tenantId, period.key.startsWith("fy-") ? period.key : "rolling", dashboard);
  return dashboard;
}

const refreshing = new Set<string>();

/** Works a period's figures out again in the background, once at a time per council and period. */
export async function refreshBoroughDashboard(ctx: Ctx, choice: PeriodChoice): Promise<void> {
  const key = `${ctx.tenantId}:${resolvePeriod(choice, todayInEngland()).key}`;
  if (refreshing.has(key)) return;
  refreshing.add(key);
  try {
    await getBoroughDashboard(ctx, choice, { refresh: true });
  } catch (error) {
    console.error(`[kpis] working out ${key} again failed: ${(error as Error).message}`);
  } finally {
    refreshing.delete(key);
  }
}

const sharing = (settings: TenantSettings) => settings.benchmarking.optIn && settings.benchmarking.partners.length > 0;

/**
 * Headline figures shared with the partner councils when the council opts in: small numbers
 * suppressed, and readable only by the councils it names that name it back (the database's policy).
 */
async function publishBenchmark(tx: Tx, tenantId: string, periodKey: string, dashboard: BoroughDashboard): Promise<void> {
  const settings = await loadSettings(tx, tenantId);
  if (!sharing(settings)) {
    await tx.kpiBenchmark.deleteMany({ where: { tenantId } });
    return;
  }
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, laCode: true } });
  const kpiValues = Object.fromEntries(SHARED.map((key) => [key, K.suppressSmall(dashboard.figures[key])?.value ?? null]));
  const shared = { laCode: tenant.laCode, sharedWith: settings.benchmarking.partners, councilName: tenant.name, kpiValues };
  await tx.kpiBenchmark.upsert({
    where: { tenantId_periodKey: { tenantId, periodKey } },
    create: { tenantId, periodKey, ...shared },
    update: { ...shared, computedAt: new Date() },
  });
}

/**
 * A setting the figures are worked out with changed (Council settings): every kept snapshot of the
 * council is served marked stale, and so worked out again, at its next view. Working them all out now
 * would hold the administrator's save for as long as a recompute takes.
 */
export async function markSnapshotsStale(tx: Tx, tenantId: string, at: Date = new Date()): Promise<void> {
  await tx.$executeRaw`
    UPDATE kpi_snapshot SET payload = jsonb_set(payload, '{staleSince}', to_jsonb(${at.toISOString()}::text))
    WHERE tenant_id = ${tenantId}::uuid`;
}

/**
 * Benchmarking was switched on or off, or the partner councils changed: the council's shared figures follow
 * at once, inside the caller's transaction. Out: every shared row goes, so partners stop seeing them.
 * In: the kept snapshots' figures are shared straight away (each financial year, and the latest
 * rolling year), as a recompute would share them; the recompute the stale mark brings replaces them.
 */
export async function republishBenchmarks(tx: Tx, tenantId: string): Promise<void> {
  await tx.kpiBenchmark.deleteMany({ where: { tenantId } });
  const settings = await loadSettings(tx, tenantId);
  if (!sharing(settings)) return;
  const kept = await tx.kpiSnapshot.findMany({ where: { tenantId }, select: { periodKey: true, payload: true }, orderBy: { computedAt: "desc" } });
  const published = new Set<string>();
  for (const snapshot of kept) {
    const shareAs = snapshot.periodKey.startsWith("fy-") ? snapshot.periodKey : snapshot.periodKey.startsWith("rolling-") ? "rolling" : null;
    const dashboard = snapshot.payload as unknown as BoroughDashboard;
    if (!shareAs || published.has(shareAs) || dashboard.version !== SNAPSHOT_VERSION) continue;
    await publishBenchmark(tx, tenantId, shareAs, dashboard);
    published.add(shareAs);
  }
}

export type BenchmarkRow = { councilName: string; own: boolean; values: Record<string, number | null>; computedAt: Date };
export type Benchmarking = {
  sharing: boolean;
  /** what the council calls its partnership, if it named it */
  group: string | null;
  ownLaCode: string;
  rows: BenchmarkRow[];
  /** each partner council named, and its name once it shares back (null: not sharing with this council yet) */
  partners: { laCode: string; councilName: string | null }[];
};

/**
 * This council's shared figures beside those of the partner councils that share with it too: only
 * while this council opts in. Which partners' rows are readable is decided by the database (a row
 * is shared with this council's LA code, and this council names the row's council back).
 */
export async function getBenchmarking(ctx: Ctx, periodKey: string): Promise<Benchmarking> {
  assertCan(ctx, "kpi:view", "see benchmarking");
  return withTenant(ctx.tenantId, async (tx) => {
    const settings = await loadSettings(tx, ctx.tenantId);
    const { laCode: ownLaCode } = await tx.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { laCode: true } });
    const partners = settings.benchmarking.partners;
    if (!sharing(settings)) return { sharing: false, group: settings.benchmarking.group, ownLaCode, rows: [], partners: partners.map((laCode) => ({ laCode, councilName: null })) };
    const seen = await tx.kpiBenchmark.findMany({
      where: { OR: [{ tenantId: ctx.tenantId }, { laCode: { in: partners } }] },
      select: { tenantId: true, laCode: true, periodKey: true, councilName: true, kpiValues: true, computedAt: true },
      orderBy: [{ councilName: "asc" }, { computedAt: "desc" }],
    });
    const names = new Map(seen.filter((r) => r.tenantId !== ctx.tenantId).map((r) => [r.laCode, r.councilName]));
    return {
      sharing: true,
      group: settings.benchmarking.group,
      ownLaCode,
      rows: seen
        .filter((r) => r.periodKey === periodKey)
        .map((r) => ({ councilName: r.councilName, own: r.tenantId === ctx.tenantId, values: r.kpiValues as Record<string, number | null>, computedAt: r.computedAt })),
      partners: partners.map((laCode) => ({ laCode, councilName: names.get(laCode) ?? null })),
    };
  });
}

export { SHARED as BENCHMARKED_KPIS };

/**
 * Platform job: works out every council's snapshots for the current financial year and the last 12
 * months (the two periods a head of service opens; benchmark figures are published for councils that
 * opted in), one council at a time inside its own tenant transaction, and drops snapshots nobody will
 * open again: earlier days' rolling years and custom periods not worked out for a week. Run after
 * seeding and on a schedule (npm run kpis:refresh), so the first view of the day does not wait.
 */
export async function refreshAllSnapshots(log: (line: string) => void = () => {}): Promise<void> {
  const { withPlatformOperator } = await import("@/lib/db/tenant");
  const tenants = await withPlatformOperator((tx) => tx.tenant.findMany({ select: { id: true, name: true } }));
  const today = todayInEngland();
  const periods = [resolvePeriod({ kind: "fy", year: Number(K.financialYearOf(today).to.slice(0, 4)) }, today), resolvePeriod({ kind: "rolling" }, today)];
  for (const t of tenants) {
    const started = Date.now();
    await withTenant(
      t.id,
      async (tx) => {
        for (const period of periods) await computeAndKeep(tx, t.id, period, today);
        await tx.kpiSnapshot.deleteMany({
          where: {
            tenantId: t.id,
            OR: [
              { periodKey: { startsWith: "rolling-" }, NOT: { periodKey: periods[1]!.key } },
              { periodKey: { startsWith: "custom-" }, computedAt: { lt: new Date(Date.now() - 7 * 86_400_000) } },
            ],
          },
        });
      },
      { timeoutMs: 600_000 },
    );
    log(`${t.name}: KPIs worked out in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

/**
 * A KPI table was downloaded as CSV: audited like the statutory returns' downloads, since the figures
 * leave Continuum. (Imported here, not at the top, to keep this addition in one place.)
 */
export async function recordKpiDownload(ctx: Ctx, download: { table: string; kpi: KpiKey | null; periodKey: string; rows: number }): Promise<void> {
  assertCan(ctx, "kpi:view", "download the borough's KPIs");
  const { recordAudit } = await import("./audit");
  await withTenant(ctx.tenantId, (tx) =>
    recordAudit(tx, ctx, { action: "export.kpis", entityType: "tenant", entityId: ctx.tenantId, details: { table: download.table, kpi: download.kpi, period: download.periodKey, rows: download.rows } }),
  );
}
