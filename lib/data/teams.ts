// Teams and their workers' open-case counts, for managers.
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { inOrder } from "@/lib/db/in-order";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { driftOf } from "@/lib/domain/case-drift";
import { unitLabel } from "@/lib/domain/caseload";
import { addMonths, todayInEngland, toIsoDate } from "@/lib/domain/dates";
import { CASE_HOLDING_ROLES, type Level, type Role } from "@/lib/domain/roles";
import { forbiddenError, notFoundError } from "@/lib/errors";
import { loadSummary } from "./allocations";
import { heldCasesByWorker, toCapWorker } from "./caseloads";
import { lastInterventions } from "./drift";
import { parseId } from "./ids";
import { dueCountsForWorkers } from "./timescales";
import { loadSettings } from "./settings";

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
async function loadsByWorker(tx: Tx, tenantId: string, workerIds: string[]): Promise<Map<string, { openCases: number; children: number }>> {
  const rows = await tx.$queryRaw<{ worker_id: string; open_cases: bigint; children: bigint }[]>`
    SELECT a.worker_id,
           count(DISTINCT a.case_id) AS open_cases,
           count(cc.person_id) AS children
    FROM allocation a
    JOIN case_file c ON c.tenant_id = a.tenant_id AND c.id = a.case_id AND c.status = 'OPEN'
    LEFT JOIN case_child cc ON cc.tenant_id = c.tenant_id AND cc.case_id = c.id AND cc.removed_on IS NULL
    WHERE a.tenant_id = ${tenantId}::uuid AND a.end_date IS NULL AND a.worker_id = ANY(${workerIds}::uuid[])
    GROUP BY a.worker_id`;
  return new Map(rows.map((r) => [r.worker_id, { openCases: Number(r.open_cases), children: Number(r.children) }]));
}

function assertTeamAccess(ctx: Ctx, teamId: string) {
  if (!can(ctx.role, "team:view-any")) {
    assertCan(ctx, "team:view-own", "see team caseloads");
    if (ctx.teamId !== teamId) throw forbiddenError("see another team's caseloads");
  }
}

export async function getTeamWithWorkers(ctx: Ctx, teamIdInput: string): Promise<TeamView> {
  const teamId = parseId(teamIdInput, "team");
  assertTeamAccess(ctx, teamId);
  return withTenant(ctx.tenantId, (tx) => teamView(tx, ctx, teamId));
}

async function teamView(tx: Tx, ctx: Ctx, teamId: string): Promise<TeamView> {
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
    const loads = await loadsByWorker(tx, ctx.tenantId, team.members.map((m) => m.id));
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

export type TeamDashboard = {
  team: TeamView;
  perWorker: Record<string, { amber: number; red: number; overdue: number; dueSoon: number }>;
  redCases: { caseId: string; reference: string; familyName: string; workers: string[]; days: number; threshold: number; since: string; what: string }[];
  unallocated: { caseId: string; reference: string; familyName: string; level: string; openedOn: string; children: number }[];
  awaiting: { id: string; caseId: string; reference: string; familyName: string; kind: string; requestedBy: string; requestedAt: Date }[];
  /** cases closed per FTE per month, the last 12 months, oldest first */
  throughput: { month: string; closed: number; perFte: number | null }[];
};

/** The team manager's dashboard: loads against caps, drift, what is overdue, what waits for them, throughput. */
export async function getTeamDashboard(ctx: Ctx, teamIdInput: string): Promise<TeamDashboard> {
  const teamId = parseId(teamIdInput, "team");
  assertTeamAccess(ctx, teamId);
  const today = todayInEngland();
  // The statutory duties of every child the team holds are the heaviest part: they are worked out on
  // a second connection while this one reads the rest (docs/performance.md).
  const members = withTenant(ctx.tenantId, (tx) => tx.user.findMany({ where: { tenantId: ctx.tenantId, teamId, active: true }, select: { id: true } }));
  const dueCounts = members.then((list) => withTenant(ctx.tenantId, (tx) => dueCountsForWorkers(tx, ctx.tenantId, list.map((m) => m.id))));
  dueCounts.catch(() => {}); // awaited below; a failure there is reported there
  return withTenant(ctx.tenantId, async (tx) => {
    const team = await teamView(tx, ctx, teamId);
    const settings = await loadSettings(tx, ctx.tenantId);
    const workerIds = team.workers.map((w) => w.id);
    const [held, open, waiting, closures] = await inOrder([
      () => tx.allocation.findMany({ where: { tenantId: ctx.tenantId, workerId: { in: workerIds }, endDate: null, case: { status: "OPEN" } }, select: { workerId: true, caseId: true } }),
      // counted in SQL: Prisma's filtered _count was seven times slower at county scale (docs/performance.md)
      () => tx.$queryRaw<{ id: string; reference: string; level: Level; openedOn: Date; familyName: string; children: number; led: boolean }[]>`
        SELECT c.id, c.reference, c.level::text AS level, c.opened_on AS "openedOn", f.name AS "familyName",
          (SELECT count(*)::int FROM case_child cc WHERE cc.tenant_id = c.tenant_id AND cc.case_id = c.id AND cc.removed_on IS NULL) AS children,
          -- "not allocated": nobody leads it (a keyworker kept on as co-worker after a step-up does not)
          EXISTS (SELECT 1 FROM allocation a WHERE a.tenant_id = c.tenant_id AND a.case_id = c.id AND a.end_date IS NULL AND a.role_on_case = 'LEAD') AS led
        FROM case_file c JOIN family f ON f.tenant_id = c.tenant_id AND f.id = c.family_id
        WHERE c.tenant_id = ${ctx.tenantId}::uuid AND c.team_id = ${teamId}::uuid AND c.status = 'OPEN'`,
      () => tx.transition.findMany({
        where: { tenantId: ctx.tenantId, status: "REQUESTED", case: { teamId } },
        select: { id: true, kind: true, requestedAt: true, requestedBy: { select: { name: true } }, case: { select: { id: true, reference: true, family: { select: { name: true } } } } },
        orderBy: { requestedAt: "asc" },
      }),
      () => tx.$queryRaw<{ month: string; closed: number }[]>`
        SELECT to_char(c.closed_on, 'YYYY-MM') AS month, count(*)::int AS closed FROM case_file c
        WHERE c.tenant_id = ${ctx.tenantId}::uuid AND c.team_id = ${teamId}::uuid AND c.status = 'CLOSED' AND c.closed_on > ${addMonths(today, -12)}::date
        GROUP BY 1`,
    ]);
    const caseIds = [...new Set([...held.map((h) => h.caseId), ...open.map((c) => c.id)])];
    const last = await lastInterventions(tx, ctx.tenantId, caseIds);
    const counts = await dueCounts;
    const drift = new Map(last.map((l) => [l.caseId, driftOf(l.level, { date: l.date, what: l.what }, today, settings.drift)]));
    const perWorker: TeamDashboard["perWorker"] = {};
    for (const w of team.workers) perWorker[w.id] = { amber: 0, red: 0, overdue: counts.get(w.id)?.overdue ?? 0, dueSoon: counts.get(w.id)?.dueSoon ?? 0 };
    const workersByCase = new Map<string, string[]>();
    for (const h of held) {
      const state = drift.get(h.caseId)?.state;
      if (state === "amber") perWorker[h.workerId]!.amber++;
      if (state === "red") perWorker[h.workerId]!.red++;
      workersByCase.set(h.caseId, [...(workersByCase.get(h.caseId) ?? []), team.workers.find((w) => w.id === h.workerId)!.name]);
    }
    const caseInfo = new Map(open.map((c) => [c.id, c]));
    const redCaseIds = caseIds.filter((id) => drift.get(id)?.state === "red");
    const redInfo = await tx.case.findMany({ where: { tenantId: ctx.tenantId, id: { in: redCaseIds.filter((id) => !caseInfo.has(id)) } }, select: { id: true, reference: true, family: { select: { name: true } } } });
    const names = new Map([...open.map((c) => ({ id: c.id, reference: c.reference, family: { name: c.familyName } })), ...redInfo].map((c) => [c.id, { reference: c.reference, familyName: c.family.name }]));
    const fte = team.workers.filter((w) => CASE_HOLDING_ROLES.includes(w.role)).reduce((n, w) => n + w.fte, 0);
    const byMonth = new Map(closures.map((c) => [c.month, c.closed]));
    return {
      team,
      perWorker,
      redCases: redCaseIds
        .map((id) => ({ caseId: id, ...names.get(id)!, workers: workersByCase.get(id) ?? [], ...drift.get(id)! }))
        .sort((a, b) => b.days - a.days),
      unallocated: open
        .filter((c) => !c.led)
        .sort((a, b) => a.openedOn.getTime() - b.openedOn.getTime() || a.reference.localeCompare(b.reference))
        .map((c) => ({ caseId: c.id, reference: c.reference, familyName: c.familyName, level: c.level, openedOn: toIsoDate(c.openedOn), children: c.children })),
      awaiting: waiting.map((t) => ({ id: t.id, caseId: t.case.id, reference: t.case.reference, familyName: t.case.family.name, kind: t.kind, requestedBy: t.requestedBy.name, requestedAt: t.requestedAt })),
      throughput: Array.from({ length: 12 }, (_, i) => {
        const month = addMonths(`${today.slice(0, 7)}-01`, i - 11).slice(0, 7);
        const closed = byMonth.get(month) ?? 0;
        return { month, closed, perFte: fte > 0 ? Math.round((closed / fte) * 100) / 100 : null };
      }),
    };
  });
}
