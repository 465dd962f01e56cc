// A practitioner's own caseload.
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { withTenant } from "@/lib/db/tenant";
import { driftOf, type Drift } from "@/lib/domain/case-drift";
import { ageOn, todayInEngland, toIsoDate } from "@/lib/domain/dates";
import type { AllocationRole, Level, Role } from "@/lib/domain/roles";
import { lastInterventions } from "./drift";
import { loadSettings } from "./settings";

export type CaseloadRow = {
  caseId: string;
  reference: string;
  familyName: string;
  level: Level;
  openedOn: string;
  myRole: AllocationRole;
  mySince: string;
  children: { id: string; name: string; age: number | null }[];
  coWorkers: { id: string; name: string; role: Role; roleOnCase: AllocationRole }[];
  /** working days since the last significant intervention, against the level's threshold */
  drift: Drift | null;
};

export async function listMyCaseload(ctx: Ctx): Promise<CaseloadRow[]> {
  assertCan(ctx, "caseload:view-own", "see a caseload");
  const today = todayInEngland();
  return withTenant(ctx.tenantId, async (tx) => {
    const allocations = await tx.allocation.findMany({
      where: { tenantId: ctx.tenantId, workerId: ctx.userId, endDate: null, case: { status: "OPEN" } },
      select: {
        roleOnCase: true,
        startDate: true,
        case: {
          select: {
            id: true,
            reference: true,
            level: true,
            openedOn: true,
            family: { select: { name: true } },
            children: {
              where: { removedOn: null },
              select: { person: { select: { id: true, firstName: true, lastName: true, dateOfBirth: true } } },
              orderBy: { person: { dateOfBirth: "asc" } },
            },
            allocations: {
              where: { endDate: null, workerId: { not: ctx.userId } },
              select: { roleOnCase: true, worker: { select: { id: true, name: true, role: true } } },
            },
          },
        },
      },
      orderBy: [{ case: { openedOn: "desc" } }],
    });
    const settings = await loadSettings(tx, ctx.tenantId);
    const last = new Map((await lastInterventions(tx, ctx.tenantId, allocations.map((a) => a.case.id))).map((l) => [l.caseId, l]));
    return allocations.map(({ roleOnCase, startDate, case: c }) => ({
      caseId: c.id,
      reference: c.reference,
      familyName: c.family.name,
      level: c.level,
      openedOn: toIsoDate(c.openedOn),
      myRole: roleOnCase,
      mySince: toIsoDate(startDate),
      children: c.children.map(({ person: p }) => ({
        id: p.id,
        name: `${p.firstName} ${p.lastName}`,
        age: p.dateOfBirth ? ageOn(toIsoDate(p.dateOfBirth), today) : null,
      })),
      coWorkers: c.allocations.map((a) => ({ id: a.worker.id, name: a.worker.name, role: a.worker.role, roleOnCase: a.roleOnCase })),
      drift: last.has(c.id) ? driftOf(c.level, { date: last.get(c.id)!.date, what: last.get(c.id)!.what }, today, settings.drift) : null,
    }));
  });
}
