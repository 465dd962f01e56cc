// Allocating workers to cases under caseload caps (domain.md "Caseload caps"). The cap check and the
// write happen in one transaction that first locks the worker's row, so simultaneous allocations to
// the same worker are checked one after another and can never all squeeze under the cap.
import "server-only";
import { assertCan, managesTeam, type Ctx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { checkAllocation, comparableLoad, membersWithRoom, overCapMessage, unitLabel, workerCap, workerLoad, type HeldCase } from "@/lib/domain/caseload";
import { formatDate, fromIsoDate, todayInEngland, toIsoDate } from "@/lib/domain/dates";
import { CASE_HOLDING_ROLES, type AllocationRole, type Level, type Role } from "@/lib/domain/roles";
import { AppError, notFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { heldCasesByWorker, toCapWorker } from "./caseloads";
import { parseId } from "./ids";
import { loadSettings } from "./settings";

export type Candidate = {
  id: string;
  name: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  fte: number;
  load: number;
  cap: number | null;
  capDescription: string;
  unit: string;
  wouldExceed: boolean;
  alreadyAllocated: boolean;
};

export type AllocationPage = {
  caseId: string;
  reference: string;
  familyName: string;
  level: Level;
  children: number;
  teamId: string | null;
  current: { id: string; workerId: string; name: string; role: Role; roleOnCase: AllocationRole; startDate: string; overrideReason: string | null }[];
  candidates: Candidate[];
  canOverride: boolean;
};

/** Allocating and ending allocations is for the managers of the team that holds the case, and the head of service. */
function assertManagesCase(ctx: Ctx, teamId: string | null): void {
  if (!managesTeam(ctx, teamId)) throw new AppError("FORBIDDEN", "This case belongs to another team: its managers or the head of service allocate its workers.");
}

async function loadCase(tx: Tx, tenantId: string, caseId: string) {
  const c = await tx.case.findFirst({
    where: { tenantId, id: caseId },
    select: {
      id: true,
      reference: true,
      level: true,
      status: true,
      teamId: true,
      openedOn: true,
      family: { select: { name: true } },
      _count: { select: { children: { where: { removedOn: null } } } },
      allocations: {
        where: { endDate: null },
        select: { id: true, workerId: true, roleOnCase: true, startDate: true, overrideReason: true, worker: { select: { name: true, role: true } } },
      },
    },
  });
  if (!c) throw notFoundError("case");
  return c;
}

export async function getAllocationPage(ctx: Ctx, caseIdInput: string): Promise<AllocationPage> {
  assertCan(ctx, "allocation:manage", "allocate cases");
  const caseId = parseId(caseIdInput, "case");
  return withTenant(ctx.tenantId, async (tx) => {
    const c = await loadCase(tx, ctx.tenantId, caseId);
    assertManagesCase(ctx, c.teamId);
    await recordAudit(tx, ctx, { action: "case.viewed", entityType: "case", entityId: c.id, caseId: c.id, details: { for: "allocate" } });
    const settings = await loadSettings(tx, ctx.tenantId);
    const workers = await tx.user.findMany({
      where: { tenantId: ctx.tenantId, active: true, role: { in: [...CASE_HOLDING_ROLES] } },
      select: { id: true, name: true, role: true, fte: true, caseloadCap: true, teamId: true, team: { select: { name: true } } },
      orderBy: { name: "asc" },
    });
    const held = await heldCasesByWorker(tx, ctx.tenantId, workers.map((w) => w.id));
    const newCase = { level: c.level, children: c._count.children };
    const allocated = new Set(c.allocations.map((a) => a.workerId));
    const candidates = workers.map((w) => {
      const worker = toCapWorker(w);
      const cases = held.get(w.id) ?? [];
      const check = checkAllocation(worker, cases, newCase, settings.caseload);
      return {
        id: w.id,
        name: w.name,
        role: w.role,
        teamId: w.teamId,
        teamName: w.team?.name ?? null,
        fte: worker.fte,
        load: check.comparedBefore,
        cap: workerCap(worker, cases, settings.caseload).value,
        capDescription: check.cap.description,
        unit: unitLabel(settings.caseload, 2),
        wouldExceed: !check.allowed,
        alreadyAllocated: allocated.has(w.id),
      };
    });
    // the case's own team first, then everyone else
    candidates.sort((a, b) => Number(b.teamId === c.teamId) - Number(a.teamId === c.teamId) || (a.teamName ?? "").localeCompare(b.teamName ?? "") || a.name.localeCompare(b.name));
    return {
      caseId: c.id,
      reference: c.reference,
      familyName: c.family.name,
      level: c.level,
      children: c._count.children,
      teamId: c.teamId,
      current: c.allocations.map((a) => ({
        id: a.id,
        workerId: a.workerId,
        name: a.worker.name,
        role: a.worker.role,
        roleOnCase: a.roleOnCase,
        startDate: toIsoDate(a.startDate),
        overrideReason: a.overrideReason,
      })),
      candidates,
      canOverride: can(ctx.role, "allocation:override-cap"),
    };
  });
}

export type AllocateInput = {
  caseId: string;
  workerId: string;
  roleOnCase: AllocationRole;
  startDate?: string;
  /** a manager's written reason for allocating over the cap */
  overrideReason?: string;
};

export type CapRefusal = { cap: number | null; load: number; loadAfter: number; withRoom: { workerId: string; name: string; load: number; cap: number }[] };

/**
 * Allocates inside the caller's transaction (also used when a step-up is approved). Locks the case's
 * row, then the worker's: concurrent allocations to one case (two managers naming different leads) or
 * to one worker (the cap) queue here and each sees the ones before it. Case before worker, as an
 * approved transition holds the case when it allocates.
 */
export async function allocateInTx(
  tx: Tx,
  ctx: Ctx,
  input: AllocateInput & { auditAction?: string; /** a worker already on the case changing role: their load does not change */ roleChange?: boolean },
): Promise<{ allocationId: string; overCap: boolean }> {
  await tx.$queryRaw`SELECT id FROM case_file WHERE tenant_id = ${ctx.tenantId}::uuid AND id = ${input.caseId}::uuid FOR UPDATE`;
  const locked = await tx.$queryRaw<{ id: string; name: string; role: Role; fte: string; caseload_cap: number | null; team_id: string | null; active: boolean }[]>`
    SELECT id, name, role, fte::text, caseload_cap, team_id, active FROM app_user
    WHERE tenant_id = ${ctx.tenantId}::uuid AND id = ${input.workerId}::uuid FOR UPDATE`;
  const row = locked[0];
  if (!row || !row.active) throw new AppError("VALIDATION", "Choose a worker from the list.", { workerId: ["Choose a worker from the list"] });
  if (!CASE_HOLDING_ROLES.includes(row.role)) {
    throw new AppError("VALIDATION", `${row.name} does not hold cases in their role. Choose a practitioner.`, { workerId: ["Choose a practitioner who holds cases"] });
  }
  const c = await loadCase(tx, ctx.tenantId, input.caseId);
  if (c.status !== "OPEN") throw new AppError("REFUSED", "This case is closed, so nobody can be allocated to it. Re-open it through the front door if the family needs help again.");
  if (c.allocations.some((a) => a.workerId === input.workerId)) {
    throw new AppError("REFUSED", `${row.name} is already allocated to this case.`, { workerId: ["Already allocated to this case"] });
  }
  if (input.roleOnCase === "LEAD") {
    const lead = c.allocations.find((a) => a.roleOnCase === "LEAD");
    if (lead) {
      throw new AppError("REFUSED", `${lead.worker.name} already leads this case. End their allocation first, or allocate ${row.name} as co-worker.`, {
        roleOnCase: ["The case already has a lead"],
      });
    }
  }

  const today = todayInEngland();
  const startDate = input.startDate ?? today;
  const openedOn = toIsoDate(c.openedOn);
  if (startDate > today) throw new AppError("VALIDATION", "An allocation cannot start in the future.", { startDate: ["Enter today or an earlier date"] });
  if (startDate < openedOn) {
    throw new AppError("VALIDATION", `The case opened on ${formatDate(openedOn)}, so an allocation cannot start before then.`, { startDate: [`Enter ${formatDate(openedOn)} or later`] });
  }

  const settings = await loadSettings(tx, ctx.tenantId);
  const worker = toCapWorker({ id: row.id, name: row.name, role: row.role, fte: row.fte, caseloadCap: row.caseload_cap });
  const held = (await heldCasesByWorker(tx, ctx.tenantId, [row.id])).get(row.id) ?? [];
  const newCase = { level: c.level, children: c._count.children };
  const check = checkAllocation(worker, held, newCase, settings.caseload);
  const overCap = !check.allowed && !input.roleChange;
  const overrideReason = input.overrideReason?.trim() || undefined;

  if (overCap && !overrideReason) {
    const teamMates = row.team_id
      ? await tx.user.findMany({
          where: { tenantId: ctx.tenantId, teamId: row.team_id, active: true, role: { in: [...CASE_HOLDING_ROLES] } },
          select: { id: true, name: true, role: true, fte: true, caseloadCap: true },
        })
      : [];
    const mateHeld = await heldCasesByWorker(tx, ctx.tenantId, teamMates.map((m) => m.id));
    const room = membersWithRoom(teamMates.map((m) => ({ worker: toCapWorker(m), held: mateHeld.get(m.id) ?? [] })), newCase, settings.caseload, row.id);
    const details: CapRefusal = { cap: check.cap.value, load: check.comparedBefore, loadAfter: check.comparedAfter, withRoom: room };
    throw new AppError("REFUSED", overCapMessage(worker, check, room, settings.caseload), undefined, details);
  }
  if (overCap && !can(ctx.role, "allocation:override-cap")) {
    throw new AppError("FORBIDDEN", "Only a team manager can allocate over a worker's cap. Ask your team manager, or choose someone with room.");
  }

  const created = await tx.allocation.create({
    data: {
      tenantId: ctx.tenantId,
      caseId: c.id,
      workerId: row.id,
      roleOnCase: input.roleOnCase,
      startDate: fromIsoDate(startDate),
      overrideReason: overCap ? overrideReason : null,
      createdById: ctx.userId,
    },
    select: { id: true },
  });
  await recordAudit(tx, ctx, {
    action: input.auditAction ?? "allocation.created",
    entityType: "allocation",
    entityId: created.id,
    caseId: c.id,
    details: { workerId: row.id, roleOnCase: input.roleOnCase, startDate, load: check.comparedAfter, cap: check.cap.value },
  });
  if (overCap) {
    await recordAudit(tx, ctx, {
      action: "allocation.cap_overridden",
      entityType: "allocation",
      entityId: created.id,
      caseId: c.id,
      details: { workerId: row.id, reason: overrideReason, load: check.comparedAfter, cap: check.cap.value, capDescription: check.cap.description },
    });
  }
  return { allocationId: created.id, overCap };
}

export async function allocateWorker(ctx: Ctx, input: AllocateInput): Promise<{ allocationId: string; overCap: boolean }> {
  assertCan(ctx, "allocation:manage", "allocate cases");
  const caseId = parseId(input.caseId, "case");
  const workerId = parseId(input.workerId, "worker");
  if (input.overrideReason?.trim()) assertCan(ctx, "allocation:override-cap", "allocate over a worker's cap");
  return withTenant(ctx.tenantId, async (tx) => {
    const c = await tx.case.findFirst({ where: { tenantId: ctx.tenantId, id: caseId }, select: { teamId: true } });
    if (!c) throw notFoundError("case");
    assertManagesCase(ctx, c.teamId);
    return allocateInTx(tx, ctx, { ...input, caseId, workerId });
  });
}

/** Ends allocations inside the caller's transaction, keeping them as history. */
export async function endAllocationsInTx(tx: Tx, ctx: Ctx, caseId: string, ends: { allocationId: string; reason: string }[], endDate: string): Promise<void> {
  for (const end of ends) {
    const updated = await tx.allocation.updateMany({
      where: { tenantId: ctx.tenantId, id: end.allocationId, caseId, endDate: null },
      data: { endDate: fromIsoDate(endDate), endReason: end.reason },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "Someone changed this case's allocations at the same time. Reload the page and try again.");
    await recordAudit(tx, ctx, { action: "allocation.ended", entityType: "allocation", entityId: end.allocationId, caseId, details: { endDate, reason: end.reason } });
  }
}

export async function endAllocation(ctx: Ctx, input: { caseId: string; allocationId: string; endDate: string; reason: string }): Promise<void> {
  assertCan(ctx, "allocation:manage", "end allocations");
  const caseId = parseId(input.caseId, "case");
  const allocationId = parseId(input.allocationId, "allocation");
  await withTenant(ctx.tenantId, async (tx) => {
    const a = await tx.allocation.findFirst({ where: { tenantId: ctx.tenantId, id: allocationId, caseId }, select: { startDate: true, endDate: true, case: { select: { teamId: true } } } });
    if (!a) throw notFoundError("allocation");
    assertManagesCase(ctx, a.case.teamId);
    if (a.endDate) throw new AppError("REFUSED", "That allocation has already ended.");
    if (input.endDate < toIsoDate(a.startDate)) {
      throw new AppError("VALIDATION", "The end date cannot be before the allocation started.", { endDate: [`Enter a date on or after ${toIsoDate(a.startDate)}`] });
    }
    await endAllocationsInTx(tx, ctx, caseId, [{ allocationId, reason: input.reason }], input.endDate);
  });
}

/** Workers' loads against their caps, for the team page and dashboards. */
export function loadSummary(held: HeldCase[], worker: Parameters<typeof workerCap>[0], settings: Parameters<typeof workerCap>[2]) {
  const load = workerLoad(held, settings);
  const cap = workerCap(worker, held, settings);
  const compared = comparableLoad(load, settings);
  return { load, cap, compared, over: cap.value !== null && compared > cap.value };
}
