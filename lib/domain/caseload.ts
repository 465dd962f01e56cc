// Caseload caps (domain.md "Caseload caps"): how much a worker holds, what their cap is, and whether
// one more case would take them over it. Pure: the allocation action, the team page and the
// dashboards all call these.
import type { TenantSettings } from "./tenant-settings";
import { LEVEL_LABELS, ROLE_LABELS, type AllocationRole, type Level, type Role } from "./roles";

export type CaseloadSettings = TenantSettings["caseload"];

/** One current allocation of a worker to an open case. */
export type HeldCase = { caseId: string; level: Level; children: number; roleOnCase: AllocationRole };

export type CapWorker = { id: string; name: string; role: Role; fte: number; personalCap: number | null };

export type Load = {
  /** cases counted in the council's unit: each child, or each family */
  count: number;
  /** the same, weighted by level when the council weights caseloads (else equal to count) */
  weighted: number;
};

export type Cap = {
  /** null: this role holds no cases, so there is no cap to check */
  value: number | null;
  source: "personal" | "role" | "level";
  /** plain English, e.g. "the social worker cap of 18 children, scaled to 0.6 FTE" */
  description: string;
};

export function unitLabel(settings: CaseloadSettings, n: number): string {
  if (settings.countingUnit === "FAMILIES") return n === 1 ? "family" : "families";
  return n === 1 ? "child" : "children";
}

/** What one case counts for: its children (or 1 family), times the level's weight when weighting is on. */
export function caseUnits(c: Pick<HeldCase, "level" | "children">, settings: CaseloadSettings): Load {
  const count = settings.countingUnit === "FAMILIES" ? 1 : c.children;
  const weighted = settings.weightsEnabled ? count * settings.weights[c.level] : count;
  return { count, weighted: round2(weighted) };
}

export function workerLoad(cases: Pick<HeldCase, "level" | "children">[], settings: CaseloadSettings): Load {
  return cases.reduce<Load>(
    (sum, c) => {
      const u = caseUnits(c, settings);
      return { count: sum.count + u.count, weighted: round2(sum.weighted + u.weighted) };
    },
    { count: 0, weighted: 0 },
  );
}

/** The load the cap is compared with: weighted when the council weights caseloads. */
export function comparableLoad(load: Load, settings: CaseloadSettings): number {
  return settings.weightsEnabled ? load.weighted : load.count;
}

/**
 * A worker's cap. A personal cap wins (it is set for that person, part-time included). Otherwise the
 * role's cap, or a level's lower cap when at least half of what they would hold is at that level
 * (a children-in-care worker: 15 children), scaled by FTE and rounded down when the council scales.
 */
export function workerCap(worker: CapWorker, cases: Pick<HeldCase, "level" | "children">[], settings: CaseloadSettings): Cap {
  const unit = unitLabel(settings, 2);
  if (worker.personalCap !== null) {
    return { value: worker.personalCap, source: "personal", description: `their personal cap of ${worker.personalCap} ${unit}` };
  }
  const roleCap = settings.capsByRole[worker.role];
  if (roleCap === null) return { value: null, source: "role", description: `no cap: a ${ROLE_LABELS[worker.role].toLowerCase()} does not hold cases` };

  let base = roleCap;
  let source: Cap["source"] = "role";
  let what = `the ${ROLE_LABELS[worker.role].toLowerCase()} cap of ${roleCap} ${unit}`;
  const total = workerLoad(cases, settings).count;
  for (const [level, levelCap] of Object.entries(settings.capsByLevel) as [Level, number][]) {
    const atLevel = workerLoad(cases.filter((c) => c.level === level), settings).count;
    if (total > 0 && atLevel * 2 >= total && levelCap < base) {
      base = levelCap;
      source = "level";
      what = `the ${LEVEL_LABELS[level].toLowerCase()} cap of ${levelCap} ${unit}`;
    }
  }
  if (settings.fteScaling && worker.fte < 1) {
    const scaled = Math.floor(base * worker.fte);
    return { value: scaled, source, description: `${what}, scaled to ${worker.fte} FTE: ${scaled}` };
  }
  return { value: base, source, description: what };
}

export type CapCheck = {
  allowed: boolean;
  cap: Cap;
  before: Load;
  after: Load;
  /** the numbers compared with the cap (weighted when weighting is on) */
  comparedBefore: number;
  comparedAfter: number;
};

/** Would allocating `newCase` to the worker keep them within their cap? */
export function checkAllocation(worker: CapWorker, held: HeldCase[], newCase: Pick<HeldCase, "level" | "children">, settings: CaseloadSettings): CapCheck {
  const before = workerLoad(held, settings);
  const after = workerLoad([...held, newCase], settings);
  const cap = workerCap(worker, [...held, newCase], settings);
  const comparedBefore = comparableLoad(before, settings);
  const comparedAfter = comparableLoad(after, settings);
  return { allowed: cap.value === null || comparedAfter <= cap.value, cap, before, after, comparedBefore, comparedAfter };
}

export type TeamMemberLoad = { worker: CapWorker; held: HeldCase[] };

export type Room = { workerId: string; name: string; load: number; cap: number; room: number };

/** Team members who could take `newCase` within their cap, most room first. */
export function membersWithRoom(members: TeamMemberLoad[], newCase: Pick<HeldCase, "level" | "children">, settings: CaseloadSettings, exceptId?: string): Room[] {
  return members
    .filter((m) => m.worker.id !== exceptId)
    .map((m) => ({ m, check: checkAllocation(m.worker, m.held, newCase, settings) }))
    .filter(({ check }) => check.allowed && check.cap.value !== null)
    .map(({ m, check }) => ({
      workerId: m.worker.id,
      name: m.worker.name,
      load: check.comparedBefore,
      cap: check.cap.value!,
      room: round2(check.cap.value! - check.comparedBefore),
    }))
    .sort((a, b) => b.room - a.room || a.name.localeCompare(b.name));
}

/** Whether a worker is over their cap now (for the flags on team pages and dashboards). */
export function isOverCap(worker: CapWorker, held: HeldCase[], settings: CaseloadSettings): boolean {
  const cap = workerCap(worker, held, settings);
  return cap.value !== null && comparableLoad(workerLoad(held, settings), settings) > cap.value;
}

/** The refusal a manager sees: the cap, the current load, and who has room. */
export function overCapMessage(worker: CapWorker, check: CapCheck, room: Room[], settings: CaseloadSettings): string {
  const unit = (n: number) => `${fmt(n)} ${settings.weightsEnabled ? "weighted " : ""}${unitLabel(settings, n)}`;
  const others = room.length
    ? `Team members with room: ${room.slice(0, 5).map((r) => `${r.name} (${fmt(r.load)} of ${r.cap})`).join(", ")}.`
    : "Nobody else in the team has room for it either.";
  return (
    `${worker.name} would go over their cap: this case takes them from ${unit(check.comparedBefore)} to ${unit(check.comparedAfter)}, ` +
    `and their cap is ${check.cap.description}. ${others} A team manager can allocate anyway with a written reason.`
  );
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, "");
}
