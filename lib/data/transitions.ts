// Requests to step a case up or down, change its level or close it, and managers' decisions.
// The rules are lib/domain/transitions.ts; approval applies them atomically.
import "server-only";
import { assertCan, managesTeam, type Ctx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { checkAllocation } from "@/lib/domain/caseload";
import { formatDate, fromIsoDate, todayInEngland, toIsoDate } from "@/lib/domain/dates";
import { CASE_HOLDING_ROLES, KEYWORKER_ROLES, SOCIAL_WORK_ROLES, type AllocationRole, type Level, type Role } from "@/lib/domain/roles";
import { allowedTargets, statutoryEndings, transitionEffects, validateTransition, type Target, type TransitionKind } from "@/lib/domain/transitions";
import { AppError, notFoundError } from "@/lib/errors";
import { allocateInTx, endAllocationsInTx } from "./allocations";
import { recordAudit } from "./audit";
import { heldCasesByWorker, toCapWorker } from "./caseloads";
import { parseId } from "./ids";
import { loadSettings } from "./settings";
import { assertMayOpen } from "./restricted";

type Person = { id: string; name: string; role: Role };

export type TransitionFormData = {
  caseId: string;
  reference: string;
  familyName: string;
  level: Level;
  status: "OPEN" | "CLOSED";
  targets: { target: Target; kind: TransitionKind }[];
  allocated: (Person & { roleOnCase: AllocationRole })[];
  /** people who could lead after a step-down: those allocated, then the case team's practitioners */
  leadCandidates: Person[];
  openRequest: { id: string; kind: TransitionKind; to: Target } | null;
};

async function caseForTransition(tx: Tx, tenantId: string, caseId: string) {
  const c = await tx.case.findFirst({
    where: { tenantId, id: caseId },
    select: {
      id: true,
      reference: true,
      level: true,
      status: true,
      teamId: true,
      version: true,
      family: { select: { name: true } },
      allocations: { where: { endDate: null }, select: { id: true, workerId: true, roleOnCase: true, startDate: true, worker: { select: { id: true, name: true, role: true } } } },
    },
  });
  if (!c) throw notFoundError("case");
  return c;
}

export async function getTransitionForm(ctx: Ctx, caseIdInput: string): Promise<TransitionFormData> {
  assertCan(ctx, "transition:request", "request a step-up, step-down or closure");
  const caseId = parseId(caseIdInput, "case");
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { caseId });
    const c = await caseForTransition(tx, ctx.tenantId, caseId);
    await recordAudit(tx, ctx, { action: "case.viewed", entityType: "case", entityId: c.id, caseId: c.id, details: { for: "request a step-up, step-down or closure" } });
    const team = c.teamId
      ? await tx.user.findMany({
          where: { tenantId: ctx.tenantId, teamId: c.teamId, active: true, role: { in: [...CASE_HOLDING_ROLES] } },
          select: { id: true, name: true, role: true },
          orderBy: { name: "asc" },
        })
      : [];
    // a step-down to Support hands the family to a keyworker, often from another (early help) team
    const keyworkers = await tx.user.findMany({
      where: { tenantId: ctx.tenantId, active: true, role: { in: [...KEYWORKER_ROLES] }, ...(c.teamId ? { NOT: { teamId: c.teamId } } : {}) },
      select: { id: true, name: true, role: true },
      orderBy: { name: "asc" },
    });
    const allocated = c.allocations.map((a) => ({ ...a.worker, roleOnCase: a.roleOnCase }));
    const seen = new Set(allocated.map((a) => a.id));
    const open = await tx.transition.findFirst({ where: { tenantId: ctx.tenantId, caseId, status: "REQUESTED" }, select: { id: true, kind: true, toLevel: true } });
    return {
      caseId: c.id,
      reference: c.reference,
      familyName: c.family.name,
      level: c.level,
      status: c.status,
      targets: allowedTargets(c.level),
      allocated,
      leadCandidates: [...allocated.map(({ id, name, role }) => ({ id, name, role })), ...[...team, ...keyworkers].filter((t) => !seen.has(t.id))],
      openRequest: open ? { id: open.id, kind: open.kind, to: open.toLevel ?? "CLOSED" } : null,
    };
  });
}

export type RequestInput = {
  caseId: string;
  to: Target;
  reason: string;
  reviewHeldOn?: string;
  leadProfessionalId?: string;
  familyInformed?: boolean;
  closureReason?: string;
  newWorkerId?: string;
};

export async function requestTransition(ctx: Ctx, input: RequestInput): Promise<{ transitionId: string }> {
  assertCan(ctx, "transition:request", "request a step-up, step-down or closure");
  const caseId = parseId(input.caseId, "case");
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { caseId });
    const c = await caseForTransition(tx, ctx.tenantId, caseId);
    if (c.status !== "OPEN") throw new AppError("REFUSED", "This case is closed. A new contact at the front door re-opens help for the family.");
    const lead = input.leadProfessionalId
      ? await tx.user.findFirst({ where: { tenantId: ctx.tenantId, id: parseId(input.leadProfessionalId, "lead professional"), active: true }, select: { id: true, role: true } })
      : null;
    if (input.leadProfessionalId && !lead) throw new AppError("VALIDATION", "Choose the lead professional from the list.", { leadProfessionalId: ["Choose the lead professional from the list"] });
    const newWorker = input.newWorkerId
      ? await tx.user.findFirst({ where: { tenantId: ctx.tenantId, id: parseId(input.newWorkerId, "worker"), active: true }, select: { id: true, role: true } })
      : null;
    if (newWorker && !SOCIAL_WORK_ROLES.includes(newWorker.role)) {
      throw new AppError("VALIDATION", "The worker proposed for a step-up must be a social worker.", { newWorkerId: ["Choose a social worker"] });
    }
    const today = todayInEngland();
    const result = validateTransition({
      from: c.level,
      to: input.to,
      reason: input.reason,
      reviewHeldOn: input.reviewHeldOn,
      leadProfessional: lead,
      familyInformed: input.familyInformed,
      closureReason: input.closureReason,
      today,
    });
    if (!result.ok) {
      throw new AppError(
        "VALIDATION",
        result.problems.length === 1 && result.problems[0]!.field === "to" ? result.problems[0]!.message : "This request is not complete yet: see the answers marked below.",
        Object.fromEntries(result.problems.map((p) => [p.field, [p.message]])),
      );
    }
    try {
      const created = await tx.transition.create({
        data: {
          tenantId: ctx.tenantId,
          caseId,
          kind: result.kind,
          fromLevel: c.level,
          toLevel: input.to === "CLOSED" ? null : input.to,
          reason: input.reason.trim(),
          reviewHeldOn: input.reviewHeldOn ? fromIsoDate(input.reviewHeldOn) : null,
          leadProfessionalId: lead?.id ?? null,
          familyInformed: Boolean(input.familyInformed),
          closureReason: input.to === "CLOSED" ? input.closureReason : null,
          newWorkerId: newWorker?.id ?? null,
          requestedById: ctx.userId,
        },
        select: { id: true },
      });
      await recordAudit(tx, ctx, { action: "transition.requested", entityType: "transition", entityId: created.id, caseId, details: { kind: result.kind, from: c.level, to: input.to } });
      return { transitionId: created.id };
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") {
        throw new AppError("CONFLICT", "There is already a request waiting for a manager's decision on this case. It must be decided before another is made.");
      }
      throw error;
    }
  });
}

export type AwaitingRow = {
  id: string;
  caseId: string;
  reference: string;
  familyName: string;
  kind: TransitionKind;
  from: Level;
  to: Target;
  requestedBy: string;
  requestedAt: Date;
  teamName: string | null;
};

/** Requests waiting for a decision: a manager's own team, or every team for a head of service. */
export async function listAwaitingDecision(ctx: Ctx): Promise<AwaitingRow[]> {
  assertCan(ctx, "transition:decide", "decide step-ups, step-downs and closures");
  return withTenant(ctx.tenantId, async (tx) => {
    const rows = await tx.transition.findMany({
      where: {
        tenantId: ctx.tenantId,
        status: "REQUESTED",
        ...(can(ctx.role, "team:view-any") ? {} : { case: { teamId: ctx.teamId ?? "00000000-0000-0000-0000-000000000000" } }),
      },
      select: {
        id: true,
        kind: true,
        fromLevel: true,
        toLevel: true,
        requestedAt: true,
        requestedBy: { select: { name: true } },
        case: { select: { id: true, reference: true, family: { select: { name: true } }, team: { select: { name: true } } } },
      },
      orderBy: { requestedAt: "asc" },
    });
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case.id,
      reference: r.case.reference,
      familyName: r.case.family.name,
      kind: r.kind,
      from: r.fromLevel,
      to: r.toLevel ?? "CLOSED",
      requestedBy: r.requestedBy.name,
      requestedAt: r.requestedAt,
      teamName: r.case.team?.name ?? null,
    }));
  });
}

export type TransitionView = {
  id: string;
  caseId: string;
  reference: string;
  familyName: string;
  caseLevel: Level;
  kind: TransitionKind;
  from: Level;
  to: Target;
  status: "REQUESTED" | "APPROVED" | "REJECTED" | "WITHDRAWN";
  reason: string;
  reviewHeldOn: string | null;
  leadProfessional: Person | null;
  familyInformed: boolean;
  closureReason: string | null;
  proposedWorker: Person | null;
  requestedBy: Person;
  requestedAt: Date;
  decidedBy: Person | null;
  decidedAt: Date | null;
  decisionComment: string | null;
  effectiveOn: string | null;
  allocated: (Person & { roleOnCase: AllocationRole })[];
  /** for a step-up: social workers who could be allocated, with their load against their cap */
  socialWorkers: (Person & { load: number; cap: number | null; wouldExceed: boolean })[];
  canDecide: boolean;
  whyNot: string | null;
};

export async function getTransition(ctx: Ctx, idInput: string): Promise<TransitionView> {
  assertCan(ctx, "case:view", "see case records");
  const id = parseId(idInput, "request");
  return withTenant(ctx.tenantId, async (tx) => {
    const t = await tx.transition.findFirst({
      where: { tenantId: ctx.tenantId, id },
      select: {
        id: true,
        kind: true,
        fromLevel: true,
        toLevel: true,
        status: true,
        reason: true,
        reviewHeldOn: true,
        familyInformed: true,
        closureReason: true,
        requestedAt: true,
        decidedAt: true,
        decisionComment: true,
        effectiveOn: true,
        requestedById: true,
        leadProfessional: { select: { id: true, name: true, role: true } },
        newWorker: { select: { id: true, name: true, role: true } },
        requestedBy: { select: { id: true, name: true, role: true } },
        decidedBy: { select: { id: true, name: true, role: true } },
        case: {
          select: {
            id: true,
            reference: true,
            level: true,
            teamId: true,
            family: { select: { name: true } },
            _count: { select: { children: { where: { removedOn: null } } } },
            allocations: { where: { endDate: null }, select: { roleOnCase: true, worker: { select: { id: true, name: true, role: true } } } },
          },
        },
      },
    });
    if (!t) throw notFoundError("request");
    await assertMayOpen(tx, ctx, { caseId: t.case.id });
    await recordAudit(tx, ctx, { action: "case.viewed", entityType: "case", entityId: t.case.id, caseId: t.case.id, details: { for: "a step-up, step-down or closure request", transitionId: t.id } });
    let socialWorkers: TransitionView["socialWorkers"] = [];
    if (t.kind === "STEP_UP" && t.status === "REQUESTED") {
      const settings = await loadSettings(tx, ctx.tenantId);
      const workers = await tx.user.findMany({
        where: { tenantId: ctx.tenantId, active: true, role: { in: [...SOCIAL_WORK_ROLES] } },
        select: { id: true, name: true, role: true, fte: true, caseloadCap: true, teamId: true },
        orderBy: { name: "asc" },
      });
      const held = await heldCasesByWorker(tx, ctx.tenantId, workers.map((w) => w.id));
      const newCase = { level: (t.toLevel ?? t.fromLevel) as Level, children: t.case._count.children };
      socialWorkers = workers
        .map((w) => {
          const check = checkAllocation(toCapWorker(w), held.get(w.id) ?? [], newCase, settings.caseload);
          return { id: w.id, name: w.name, role: w.role, load: check.comparedBefore, cap: check.cap.value, wouldExceed: !check.allowed, sameTeam: w.teamId === t.case.teamId };
        })
        .sort((a, b) => Number(b.sameTeam) - Number(a.sameTeam) || a.name.localeCompare(b.name))
        .map(({ sameTeam: _sameTeam, ...rest }) => rest);
    }
    const decider = can(ctx.role, "transition:decide");
    const whyNot = !decider
      ? "Only a manager can decide this request."
      : !managesTeam(ctx, t.case.teamId)
        ? "This case belongs to another team: its manager or the head of service decides."
        : t.requestedById === ctx.userId
          ? "You made this request, so another manager must decide it."
          : null;
    return {
      id: t.id,
      caseId: t.case.id,
      reference: t.case.reference,
      familyName: t.case.family.name,
      caseLevel: t.case.level,
      kind: t.kind,
      from: t.fromLevel,
      to: t.toLevel ?? "CLOSED",
      status: t.status,
      reason: t.reason,
      reviewHeldOn: t.reviewHeldOn ? toIsoDate(t.reviewHeldOn) : null,
      leadProfessional: t.leadProfessional,
      familyInformed: t.familyInformed,
      closureReason: t.closureReason,
      proposedWorker: t.newWorker,
      requestedBy: t.requestedBy,
      requestedAt: t.requestedAt,
      decidedBy: t.decidedBy,
      decidedAt: t.decidedAt,
      decisionComment: t.decisionComment,
      effectiveOn: t.effectiveOn ? toIsoDate(t.effectiveOn) : null,
      allocated: t.case.allocations.map((a) => ({ ...a.worker, roleOnCase: a.roleOnCase })),
      socialWorkers,
      canDecide: t.status === "REQUESTED" && whyNot === null,
      whyNot: t.status === "REQUESTED" ? whyNot : null,
    };
  });
}

export type DecideInput = {
  transitionId: string;
  decision: "APPROVE" | "REJECT";
  comment?: string;
  effectiveOn?: string;
  newWorkerId?: string;
  overrideReason?: string;
};

/** Approves (applying every change at once) or rejects a request. */
export async function decideTransition(ctx: Ctx, input: DecideInput): Promise<{ caseId: string }> {
  assertCan(ctx, "transition:decide", "decide step-ups, step-downs and closures");
  const id = parseId(input.transitionId, "request");
  return withTenant(ctx.tenantId, async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM transition WHERE tenant_id = ${ctx.tenantId}::uuid AND id = ${id}::uuid FOR UPDATE`;
    if (!locked.length) throw notFoundError("request");
    const t = await tx.transition.findFirstOrThrow({
      where: { tenantId: ctx.tenantId, id },
      select: {
        id: true,
        caseId: true,
        kind: true,
        fromLevel: true,
        toLevel: true,
        status: true,
        reason: true,
        reviewHeldOn: true,
        familyInformed: true,
        closureReason: true,
        requestedById: true,
        requestedAt: true,
        leadProfessional: { select: { id: true, role: true } },
        newWorkerId: true,
      },
    });
    await assertMayOpen(tx, ctx, { caseId: t.caseId });
    if (t.status !== "REQUESTED") throw new AppError("REFUSED", `This request has already been ${t.status.toLowerCase()}.`);
    const c = await caseForTransition(tx, ctx.tenantId, t.caseId);
    if (!managesTeam(ctx, c.teamId)) throw new AppError("FORBIDDEN", "This case belongs to another team: its manager or the head of service decides.");
    if (t.requestedById === ctx.userId) throw new AppError("FORBIDDEN", "You made this request, so another manager must decide it.");
    const today = todayInEngland();
    const effectiveOn = input.effectiveOn ?? today;
    const comment = input.comment?.trim() || null;

    if (input.decision === "REJECT") {
      if (!comment) throw new AppError("VALIDATION", "Say why you are rejecting the request: the practitioner will read it.", { comment: ["Say why you are rejecting the request"] });
      await tx.transition.update({
        where: { tenantId_id: { tenantId: ctx.tenantId, id } },
        data: { status: "REJECTED", decidedById: ctx.userId, decidedAt: new Date(), decisionComment: comment },
      });
      await recordAudit(tx, ctx, { action: "transition.rejected", entityType: "transition", entityId: id, caseId: c.id, details: { comment } });
      return { caseId: c.id };
    }

    if (c.status !== "OPEN" || c.level !== t.fromLevel) {
      throw new AppError("REFUSED", "The case has changed since this was requested (its level or status is different). Reject this request and ask for a new one.");
    }
    const to: Target = t.toLevel ?? "CLOSED";
    const check = validateTransition({
      from: t.fromLevel,
      to,
      reason: t.reason,
      reviewHeldOn: t.reviewHeldOn ? toIsoDate(t.reviewHeldOn) : null,
      leadProfessional: t.leadProfessional,
      familyInformed: t.familyInformed,
      closureReason: t.closureReason,
      today: effectiveOn,
    });
    if (!check.ok) throw new AppError("REFUSED", `This request cannot be approved as it stands: ${check.problems.map((p) => p.message).join("; ")}.`);
    if (effectiveOn > today) throw new AppError("VALIDATION", "The change cannot take effect in the future.", { effectiveOn: ["Enter today or an earlier date"] });
    if (effectiveOn < toIsoDate(t.requestedAt)) {
      throw new AppError("VALIDATION", "The change cannot take effect before it was requested.", { effectiveOn: [`Enter ${toIsoDate(t.requestedAt)} or later`] });
    }

    const endings = statutoryEndings(t.fromLevel, to);
    if (endings.refuseOpenCare) {
      const inCare = await tx.carePeriod.findMany({
        where: { tenantId: ctx.tenantId, caseId: c.id, endDate: null },
        select: { startDate: true, person: { select: { firstName: true, lastName: true } } },
        orderBy: { startDate: "asc" },
      });
      if (inCare.length > 0) {
        const who = inCare.map((p) => `${p.person.firstName} ${p.person.lastName} (since ${formatDate(toIsoDate(p.startDate))})`).join(", ");
        throw new AppError(
          "REFUSED",
          `${inCare.length === 1 ? "A child is" : "Children are"} still looked after: ${who}. End the care period on the child's statutory record first, with the date and the reason it ended (the SSDA903 return needs them); then approve this request.`,
        );
      }
    }

    const lateStart = [
      ...(endings.cpPlans ? await tx.cpPlan.findMany({ where: { tenantId: ctx.tenantId, caseId: c.id, endDate: null, startDate: { gt: fromIsoDate(effectiveOn) } }, select: { startDate: true } }) : []),
      ...(endings.cinPlans ? await tx.cinPlan.findMany({ where: { tenantId: ctx.tenantId, caseId: c.id, endDate: null, startDate: { gt: fromIsoDate(effectiveOn) } }, select: { startDate: true } }) : []),
    ].sort((a, b) => b.startDate.getTime() - a.startDate.getTime())[0];
    if (lateStart) {
      const started = formatDate(toIsoDate(lateStart.startDate));
      throw new AppError("VALIDATION", `A plan this ends started on ${started}, so the change cannot take effect before then.`, { effectiveOn: [`Enter ${started} or later`] });
    }

    const allocations = c.allocations.map((a) => ({ id: a.id, workerId: a.workerId, workerRole: a.worker.role, roleOnCase: a.roleOnCase }));
    let newSocialWorkerId = input.newWorkerId ? parseId(input.newWorkerId, "social worker") : (t.newWorkerId ?? null);
    if (input.newWorkerId) {
      // the manager's choice is checked as the practitioner's proposal was: a statutory case is led by a social worker
      const chosen = await tx.user.findFirst({ where: { tenantId: ctx.tenantId, id: newSocialWorkerId!, active: true }, select: { role: true } });
      if (!chosen || !SOCIAL_WORK_ROLES.includes(chosen.role)) {
        throw new AppError("VALIDATION", "The worker allocated on a step-up must be a social worker in this council.", { newWorkerId: ["Choose a social worker from the list"] });
      }
    }
    if (t.kind === "STEP_UP" && !newSocialWorkerId) {
      const existing = allocations.find((a) => SOCIAL_WORK_ROLES.includes(a.workerRole));
      if (!existing) throw new AppError("VALIDATION", "Choose the social worker to allocate: a step-up puts a social worker on the case.", { newWorkerId: ["Choose a social worker"] });
      newSocialWorkerId = existing.workerId;
    }
    const effects = transitionEffects({ kind: t.kind, to, allocations, newSocialWorkerId, leadProfessionalId: t.leadProfessional?.id ?? null });
    const endsTooEarly = c.allocations.find((a) => effects.end.some((e) => e.allocationId === a.id) && toIsoDate(a.startDate) > effectiveOn);
    if (endsTooEarly) {
      const started = toIsoDate(endsTooEarly.startDate);
      throw new AppError("VALIDATION", `${endsTooEarly.worker.name}'s allocation started on ${formatDate(started)}, so the change cannot take effect before then.`, {
        effectiveOn: [`Enter ${formatDate(started)} or later`],
      });
    }

    await endAllocationsInTx(tx, ctx, c.id, effects.end, effectiveOn);
    const before = new Set(allocations.map((a) => a.workerId));
    // the case moves first, so cap checks for new allocations count it at its new level
    await tx.case.update({
      where: { tenantId_id: { tenantId: ctx.tenantId, id: c.id } },
      data: effects.closeCase
        ? { status: "CLOSED", closedOn: fromIsoDate(effectiveOn), closureReason: t.closureReason, version: { increment: 1 } }
        : { level: effects.level!, version: { increment: 1 } },
    });
    for (const create of effects.create) {
      await allocateInTx(tx, ctx, {
        caseId: c.id,
        workerId: create.workerId,
        roleOnCase: create.roleOnCase,
        startDate: effectiveOn,
        overrideReason: input.overrideReason,
        roleChange: before.has(create.workerId),
        auditAction: "allocation.created_by_transition",
      });
    }
    // Running plans and episodes end with the case, or as the family steps down (statutoryEndings).
    const ended = fromIsoDate(effectiveOn);
    const running = { tenantId: ctx.tenantId, caseId: c.id, endDate: null };
    const closed = {
      cpPlans: endings.cpPlans ? (await tx.cpPlan.updateMany({ where: running, data: { endDate: ended } })).count : 0,
      cinPlans: endings.cinPlans ? (await tx.cinPlan.updateMany({ where: running, data: { endDate: ended } })).count : 0,
      cinEpisodes: endings.cinEpisodes
        ? (await tx.cinEpisode.updateMany({ where: { tenantId: ctx.tenantId, caseId: c.id, closureDate: null }, data: { closureDate: ended, closureReason: effects.closeCase ? t.closureReason : "RC7" } })).count
        : 0,
    };
    await tx.transition.update({
      where: { tenantId_id: { tenantId: ctx.tenantId, id } },
      data: { status: "APPROVED", decidedById: ctx.userId, decidedAt: new Date(), decisionComment: comment, effectiveOn: fromIsoDate(effectiveOn), newWorkerId: newSocialWorkerId },
    });
    await recordAudit(tx, ctx, {
      action: "transition.approved",
      entityType: "transition",
      entityId: id,
      caseId: c.id,
      details: { kind: t.kind, from: t.fromLevel, to, effectiveOn, ended: effects.end, created: effects.create, statutoryRecordsEnded: closed },
    });
    return { caseId: c.id };
  });
}

export type TransitionHistoryRow = {
  id: string;
  kind: TransitionKind;
  from: Level;
  to: Target;
  status: TransitionView["status"];
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionComment: string | null;
};

/** Every transition of a case, newest first (for the case page and the chronology). */
export async function listCaseTransitions(ctx: Ctx, caseIdInput: string): Promise<TransitionHistoryRow[]> {
  assertCan(ctx, "case:view", "see case records");
  const caseId = parseId(caseIdInput, "case");
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { caseId });
    const rows = await tx.transition.findMany({
      where: { tenantId: ctx.tenantId, caseId },
      select: {
        id: true,
        kind: true,
        fromLevel: true,
        toLevel: true,
        status: true,
        requestedAt: true,
        decidedAt: true,
        decisionComment: true,
        requestedBy: { select: { name: true } },
        decidedBy: { select: { name: true } },
      },
      orderBy: { requestedAt: "desc" },
    });
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      from: r.fromLevel,
      to: r.toLevel ?? "CLOSED",
      status: r.status,
      requestedBy: r.requestedBy.name,
      requestedAt: r.requestedAt,
      decidedBy: r.decidedBy?.name ?? null,
      decidedAt: r.decidedAt,
      decisionComment: r.decisionComment,
    }));
  });
}
