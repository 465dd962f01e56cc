// What each worker holds now: the input to the caseload-cap rules in lib/domain/caseload.ts.
import "server-only";
import type { Tx } from "@/lib/db/tenant";
import type { CapWorker, HeldCase } from "@/lib/domain/caseload";
import type { AllocationRole, Level, Role } from "@/lib/domain/roles";

/** Current allocations on open cases, with each case's level and number of children, per worker. */
export async function heldCasesByWorker(tx: Tx, tenantId: string, workerIds?: string[]): Promise<Map<string, HeldCase[]>> {
  const rows = await tx.$queryRaw<{ worker_id: string; case_id: string; level: Level; role_on_case: AllocationRole; children: number }[]>`
    SELECT a.worker_id, c.id AS case_id, c.level, a.role_on_case,
           (SELECT count(*)::int FROM case_child cc WHERE cc.tenant_id = c.tenant_id AND cc.case_id = c.id AND cc.removed_on IS NULL) AS children
    FROM allocation a
    JOIN case_file c ON c.tenant_id = a.tenant_id AND c.id = a.case_id AND c.status = 'OPEN'
    WHERE a.tenant_id = ${tenantId}::uuid AND a.end_date IS NULL
      AND (${workerIds ?? null}::uuid[] IS NULL OR a.worker_id = ANY(${workerIds ?? null}::uuid[]))`;
  const map = new Map<string, HeldCase[]>();
  for (const r of rows) {
    const list = map.get(r.worker_id) ?? [];
    list.push({ caseId: r.case_id, level: r.level, children: r.children, roleOnCase: r.role_on_case });
    map.set(r.worker_id, list);
  }
  return map;
}

export type WorkerRow = CapWorker & { teamId: string | null; teamName: string | null; employment: "PERMANENT" | "AGENCY" };

export function toCapWorker(u: { id: string; name: string; role: Role; fte: unknown; caseloadCap: number | null }): CapWorker {
  return { id: u.id, name: u.name, role: u.role, fte: Number(u.fte), personalCap: u.caseloadCap };
}
