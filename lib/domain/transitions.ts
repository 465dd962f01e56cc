// Step-up, step-down, level change and closure as one explicit state machine (domain.md
// "Step-up and step-down"). Pure: the request form, the approval and the flow dashboards use it.
import { CASE_HOLDING_ROLES, KEYWORKER_ROLES, LEVEL_LABELS, SOCIAL_WORK_ROLES, type AllocationRole, type Level, type Role } from "./roles";

export type TransitionKind = "STEP_UP" | "STEP_DOWN" | "LEVEL_CHANGE" | "CLOSURE";
export type Target = Level | "CLOSED";

/** Every move the product allows, and what it is called. Anything else is refused. */
const MOVES: Record<Level, Partial<Record<Target, TransitionKind>>> = {
  EARLY_HELP: { SUPPORT: "LEVEL_CHANGE", CHILD_IN_NEED: "STEP_UP", CHILD_PROTECTION: "STEP_UP", CLOSED: "CLOSURE" },
  SUPPORT: { EARLY_HELP: "STEP_DOWN", CHILD_IN_NEED: "STEP_UP", CHILD_PROTECTION: "STEP_UP", CLOSED: "CLOSURE" },
  CHILD_IN_NEED: { SUPPORT: "STEP_DOWN", CHILD_PROTECTION: "LEVEL_CHANGE", LOOKED_AFTER: "LEVEL_CHANGE", CLOSED: "CLOSURE" },
  CHILD_PROTECTION: { CHILD_IN_NEED: "STEP_DOWN", LOOKED_AFTER: "LEVEL_CHANGE", CLOSED: "CLOSURE" },
  LOOKED_AFTER: { CHILD_IN_NEED: "LEVEL_CHANGE", CARE_LEAVER: "LEVEL_CHANGE", CLOSED: "CLOSURE" },
  CARE_LEAVER: { CLOSED: "CLOSURE" },
};

export const KIND_LABELS: Record<TransitionKind, string> = {
  STEP_UP: "Step-up",
  STEP_DOWN: "Step-down",
  LEVEL_CHANGE: "Change of level",
  CLOSURE: "Closure",
};

export const CLOSURE_REASONS: Record<string, string> = {
  RC1: "Adopted",
  RC2: "Died",
  RC3: "Child arrangements order",
  RC4: "Special guardianship order",
  RC5: "Transferred to services of another local authority",
  RC6: "Transferred to adult social care services",
  RC7: "Services ceased for any other reason, including child no longer in need",
  RC8: "Case closed after assessment, no further action",
  RC9: "Case closed after assessment, referred to early help",
};

export function targetLabel(target: Target): string {
  return target === "CLOSED" ? "Closed" : LEVEL_LABELS[target];
}

/** The moves open to a case at `from`, in a sensible order for a form. */
export function allowedTargets(from: Level): { target: Target; kind: TransitionKind }[] {
  return (Object.entries(MOVES[from]) as [Target, TransitionKind][]).map(([target, kind]) => ({ target, kind }));
}

export function kindOf(from: Level, to: Target): TransitionKind | null {
  return MOVES[from][to] ?? null;
}

/** Why a move is not allowed, and what to do instead. */
export function refusalFor(from: Level, to: Target): string {
  if (to !== "CLOSED" && to === from) return `The case is already at ${LEVEL_LABELS[from]}.`;
  const options = allowedTargets(from)
    .map((m) => `${KIND_LABELS[m.kind].toLowerCase()} to ${targetLabel(m.target)}`)
    .join(", ");
  return `A case at ${LEVEL_LABELS[from]} cannot move to ${targetLabel(to)} directly. From ${LEVEL_LABELS[from]} it can: ${options}.`;
}

export type TransitionRequest = {
  from: Level;
  to: Target;
  reason: string;
  /** step-down: the CIN or CP review held before it */
  reviewHeldOn?: string | null;
  /** step-down: who will lead afterwards */
  leadProfessional?: { id: string; role: Role } | null;
  /** step-down: the family has been told */
  familyInformed?: boolean;
  /** closure: DfE reason RC1–RC9 */
  closureReason?: string | null;
  /** the date the request is made (a review must be held on or before it) */
  today: string;
};

export type Problem = { field: string; message: string };

export type Validated = { ok: true; kind: TransitionKind } | { ok: false; problems: Problem[] };

const isNonStatutory = (level: Target) => level === "SUPPORT" || level === "EARLY_HELP";

/** Checks a request against the state machine and each kind's requirements. */
export function validateTransition(request: TransitionRequest): Validated {
  const kind = kindOf(request.from, request.to);
  if (!kind) return { ok: false, problems: [{ field: "to", message: refusalFor(request.from, request.to) }] };
  const problems: Problem[] = [];
  if (!request.reason.trim()) {
    problems.push({ field: "reason", message: kind === "STEP_DOWN" ? "Record the rationale for stepping down" : `Give the reason for the ${KIND_LABELS[kind].toLowerCase()}` });
  }
  if (kind === "STEP_DOWN") {
    const review = request.from === "CHILD_PROTECTION" ? "CP review" : request.from === "CHILD_IN_NEED" ? "CIN review" : "review";
    if (!request.reviewHeldOn) problems.push({ field: "reviewHeldOn", message: `Enter the date of the ${review} held before the step-down` });
    else if (request.reviewHeldOn > request.today) problems.push({ field: "reviewHeldOn", message: `The ${review} must have been held already: a step-down follows the review` });
    if (!request.leadProfessional) problems.push({ field: "leadProfessionalId", message: "Choose the lead professional after the step-down" });
    else if (!CASE_HOLDING_ROLES.includes(request.leadProfessional.role)) {
      problems.push({ field: "leadProfessionalId", message: "The lead professional must be a practitioner who holds cases: choose a keyworker or social worker" });
    } else if (!isNonStatutory(request.to) && !SOCIAL_WORK_ROLES.includes(request.leadProfessional.role)) {
      problems.push({ field: "leadProfessionalId", message: `At ${targetLabel(request.to)} the lead professional must be a social worker` });
    } else if (isNonStatutory(request.to) && !KEYWORKER_ROLES.includes(request.leadProfessional.role)) {
      // domain.md: on a step-down the keyworker becomes lead and social work ends
      problems.push({ field: "leadProfessionalId", message: `At ${targetLabel(request.to)} the lead professional is a family keyworker: the social worker's allocation ends with the step-down` });
    }
    if (!request.familyInformed) problems.push({ field: "familyInformed", message: "Tell the family before the step-down, then confirm it here" });
  }
  if (kind === "CLOSURE" && !(request.closureReason && request.closureReason in CLOSURE_REASONS)) {
    problems.push({ field: "closureReason", message: "Choose the reason for closure (RC1 to RC9)" });
  }
  return problems.length ? { ok: false, problems } : { ok: true, kind };
}

export type CurrentAllocation = { id: string; workerId: string; workerRole: Role; roleOnCase: AllocationRole };

export type Effects = {
  level: Level | null;
  closeCase: boolean;
  end: { allocationId: string; reason: string }[];
  create: { workerId: string; roleOnCase: AllocationRole }[];
};

/**
 * What approving a transition does to the case's allocations:
 * - step-up: the new social worker leads; the keyworker stays on as co-worker (the family keeps its person);
 * - step-down to Support or Early help: the named keyworker leads and social workers' allocations end;
 * - step-down CP → CIN: the named social worker leads; nobody leaves;
 * - closure: every allocation ends.
 */
export function transitionEffects(input: {
  kind: TransitionKind;
  to: Target;
  allocations: CurrentAllocation[];
  newSocialWorkerId?: string | null;
  leadProfessionalId?: string | null;
}): Effects {
  const { kind, to, allocations } = input;
  const label = targetLabel(to);
  const effects: Effects = { level: to === "CLOSED" ? null : to, closeCase: to === "CLOSED", end: [], create: [] };
  const lead = allocations.find((a) => a.roleOnCase === "LEAD");

  const makeLead = (workerId: string, because: string) => {
    const existing = allocations.find((a) => a.workerId === workerId);
    if (existing?.roleOnCase === "LEAD") return;
    if (lead && !effects.end.some((e) => e.allocationId === lead.id)) effects.end.push({ allocationId: lead.id, reason: because });
    if (existing) effects.end.push({ allocationId: existing.id, reason: because });
    effects.create.push({ workerId, roleOnCase: "LEAD" });
  };

  if (kind === "CLOSURE") {
    effects.end = allocations.map((a) => ({ allocationId: a.id, reason: "Case closed" }));
    return effects;
  }
  if (kind === "STEP_UP") {
    if (input.newSocialWorkerId) {
      makeLead(input.newSocialWorkerId, `Stepped up to ${label}`);
      // the previous lead (the keyworker) stays with the family as co-worker
      if (lead && lead.workerId !== input.newSocialWorkerId) effects.create.push({ workerId: lead.workerId, roleOnCase: "CO_WORKER" });
    }
    return effects;
  }
  if (kind === "STEP_DOWN") {
    if (input.leadProfessionalId) makeLead(input.leadProfessionalId, `Stepped down to ${label}`);
    if (isNonStatutory(to)) {
      for (const a of allocations) {
        if (SOCIAL_WORK_ROLES.includes(a.workerRole) && a.workerId !== input.leadProfessionalId && !effects.end.some((e) => e.allocationId === a.id)) {
          effects.end.push({ allocationId: a.id, reason: `Stepped down to ${label}: social work ended` });
        }
      }
    } else if (lead && input.leadProfessionalId && lead.workerId !== input.leadProfessionalId && !SOCIAL_WORK_ROLES.includes(lead.workerRole)) {
      // a keyworker who led stays as co-worker when a social worker takes the lead
      effects.create.push({ workerId: lead.workerId, roleOnCase: "CO_WORKER" });
    }
    return effects;
  }
  return effects;
}

/** What approving a move does to the children's statutory records, and what must be ended by hand first. */
export type StatutoryEndings = {
  /** child protection plans end on the effective date */
  cpPlans: boolean;
  /** CIN plans end on the effective date */
  cinPlans: boolean;
  /** CIN episodes close (the census's closure reason: the closure's, or RC7 on a step-down) */
  cinEpisodes: boolean;
  /** a care period still open refuses the move: it ends with its own SSDA903 reason, on the child's record */
  refuseOpenCare: boolean;
};

/**
 * A closed case holds no running plan; stepping down from CP ends the CP plan; leaving social care
 * (to Support or Early help) ends CIN plans and episodes too. Looked-after children stay looked after
 * until their care period is ended with its reason, so moving off Looked after, or closing, waits for it.
 */
export function statutoryEndings(from: Level, to: Target): StatutoryEndings {
  const leavesSocialCare = to === "CLOSED" || isNonStatutory(to);
  return {
    cpPlans: leavesSocialCare || (from === "CHILD_PROTECTION" && to === "CHILD_IN_NEED"),
    cinPlans: leavesSocialCare,
    cinEpisodes: leavesSocialCare,
    refuseOpenCare: to !== "LOOKED_AFTER",
  };
}
