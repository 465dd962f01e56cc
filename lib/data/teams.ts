// Teams and their workers' open-case counts, for managers.
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { withTenant, type Tx } from "@/lib/db/tenant";
import type { Role } from "@/lib/domain/roles";
import { forbiddenError, notFoundError } from "@/lib/errors";
import { loadSummary } from "./allocations";
import { heldCasesByWorker, toCapWorker } from "./caseloads";
import { parseId } from "./ids";
import { loadSettings } from "./settings";
import { unitLabel } from "@/lib/domain/caseload";

export type WorkerLoad = {
  id: string;
  name: string;
  role: Role;
  fte: number;
  employment: "PERMANENT" | "AGENCY";
  openCases: number;
  children: number;
  /** load in the council's unit (weighted when it weights), against the cap */
  load: number;
  cap: number | null;
  capDescription: string;
  overCap: boolean;
  /** allocations a manager made over this worker's cap, shown while the worker is still over it */
  overrides: { caseId: string; reference: string; reason: string; by: string | null; on: string }[];
};

export type TeamView = { id: string; name: string; kind: string; unit: string; weighted: boolean; workers: WorkerLoad[] };

export type TeamSummary = { id: string; name: string; kind: string; workers: number; openCases: number };

/** Open cases and children per worker, counting every current allocation on an open case. */
async function loadsByWorker(tx: Tx, tenantId: string): Promise<Map<string, { openCases: number; children: number }>> {
  const rows = await tx.$queryRaw<{ worker_id: string; open_cases: bigint; children: bigint }[]>`
    SELECT a.worker_id,
           count(DISTINCT a.case_id) AS open_cases,
           count(cc.person_id) AS children
    FROM allocation a
    JOIN case_file c ON c.tenant_id = a.tenant_id AND c.id = a.case_id AND c.status = 'OPEN'
    LEFT JOIN case_child cc ON cc.tenant_id = c.tenant_id AND cc.case_id = c.id AND cc.removed_on IS NULL
    WHERE a.tenant_id = ${tenantId}::uuid AND a.end_date IS NULL
    GROUP BY a.worker_id`;
  return new Map(rows.map((r) => [r.worker_id, { openCases: Number(r.open_cases), children: Number(r.children) }]));
}

export async function getTeamWithWorkers(ctx: Ctx, teamIdInput: string): Promise<TeamView> {
  const teamId = parseId(teamIdInput, "team");
  if (!can(ctx.role, "team:view-any")) {
    assertCan(ctx, "team:view-own", "see team caseloads");
    if (ctx.teamId !== teamId) throw forbiddenError("see another team's caseloads");
  }
  return withTenant(ctx.tenantId, async (tx) => {
    const team = await tx.team.findFirst({
      where: { tenantId: ctx.tenantId, id: teamId },
      select: {
        id: true,
        name: true,
        kind: true,
        members: { where: { active: true }, select: { id: true, name: true, role: true, fte: true, employment: true, caseloadCap: true }, orderBy: { name: "asc" } },
      },
    });
    if (!team) throw notFoundError("team");
    const loads = await loadsByWorker(tx, ctx.tenantId);
    const settings = await loadSettings(tx, ctx.tenantId);
    const held = await heldCasesByWorker(tx, ctx.tenantId, team.members.map((m) => m.id));
    const overrides = await tx.allocation.findMany({
      where: { tenantId: ctx.tenantId, workerId: { in: team.members.map((m) => m.id) }, endDate: null, overrideReason: { not: null }, case: { status: "OPEN" } },
      select: { workerId: true, overrideReason: true, startDate: true, caseId: true, case: { select: { reference: true } }, createdById: true },
    });
    const overriders = await tx.user.findMany({
      where: { tenantId: ctx.tenantId, id: { in: overrides.map((o) => o.createdById).filter((x): x is string => !!x) } },
      select: { id: true, name: true },
    });
    const nameOf = new Map(overriders.map((u) => [u.id, u.name]));
    return {
      id: team.id,
      name: team.name,
      kind: team.kind,
      unit: unitLabel(settings.caseload, 2),
      weighted: settings.caseload.weightsEnabled,
      workers: team.members.map((m) => {
        const summary = loadSummary(held.get(m.id) ?? [], toCapWorker(m), settings.caseload);
        return {
          id: m.id,
          name: m.name,
          role: m.role,
          fte: Number(m.fte),
          employment: m.employment,
          openCases: loads.get(m.id)?.openCases ?? 0,
          children: loads.get(m.id)?.children ?? 0,
          load: summary.compared,
          cap: summary.cap.value,
          capDescription: summary.cap.description,
          overCap: summary.over,
          overrides: summary.over
            ? overrides
                .filter((o) => o.workerId === m.id)
                .map((o) => ({ caseId: o.caseId, reference: o.case.reference, reason: o.overrideReason!, by: o.createdById ? (nameOf.get(o.createdById) ?? null) : null, on: o.startDate.toISOString().slice(0, 10) }))
            : [],
        };
      }),
    };
  });
}

export async function listTeams(ctx: Ctx): Promise<TeamSummary[]> {
  assertCan(ctx, "team:view-any", "see every team");
  return withTenant(ctx.tenantId, async (tx) => {
    const teams = await tx.team.findMany({
      where: { tenantId: ctx.tenantId },
      select: { id: true, name: true, kind: true, _count: { select: { members: { where: { active: true } } } } },
      orderBy: { name: "asc" },
    });
    const open = await tx.case.groupBy({ by: ["teamId"], where: { tenantId: ctx.tenantId, status: "OPEN" }, _count: { _all: true } });
    const openByTeam = new Map(open.map((o) => [o.teamId, o._count._all]));
    return teams.map((t) => ({ id: t.id, name: t.name, kind: t.kind, workers: t._count.members, openCases: openByTeam.get(t.id) ?? 0 }));
  });
}
