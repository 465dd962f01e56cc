// The last significant intervention of each open case: the input to the drift rule (lib/domain/case-drift.ts).
import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/tenant";
import type { Level } from "@/lib/domain/roles";

export type LastIntervention = { caseId: string; level: Level; teamId: string | null; date: string; what: string };

/**
 * For each open case (or those given): the latest of a visit where a child was seen and that was
 * significant, a case summary revision, a CP review, a looked-after review, an initial conference, a
 * plan started, an approved transition — or the day the case opened when there is none yet.
 */
export async function lastInterventions(tx: Tx, tenantId: string, caseIds?: string[]): Promise<LastIntervention[]> {
  // Given cases: every branch is narrowed to them, so a team's dashboard reads its own cases' events
  // through the case_id indexes instead of the whole council's.
  const only = (column: string) => (caseIds ? Prisma.sql`AND ${Prisma.raw(column)} = ANY(${caseIds}::uuid[])` : Prisma.empty);
  return tx.$queryRaw<LastIntervention[]>`
    WITH open_cases AS (
      SELECT c.id, c.level, c.team_id, c.opened_on FROM case_file c
      WHERE c.tenant_id = ${tenantId}::uuid AND c.status = 'OPEN' ${only("c.id")}
    ),
    events AS (
      SELECT v.case_id, (v.visited_at AT TIME ZONE 'Europe/London')::date AS day, 'Visit: child seen' AS what
      FROM visit v WHERE v.tenant_id = ${tenantId}::uuid AND v.significant ${only("v.case_id")}
        AND EXISTS (SELECT 1 FROM visit_child vc WHERE vc.tenant_id = v.tenant_id AND vc.visit_id = v.id)
      UNION ALL SELECT s.case_id, (s.saved_at AT TIME ZONE 'Europe/London')::date, 'Case summary revised' FROM case_summary_version s WHERE s.tenant_id = ${tenantId}::uuid ${only("s.case_id")}
      UNION ALL SELECT p.case_id, r.review_date, 'Child protection review' FROM cp_review r JOIN cp_plan p ON p.tenant_id = r.tenant_id AND p.id = r.cp_plan_id WHERE r.tenant_id = ${tenantId}::uuid ${only("p.case_id")}
      UNION ALL SELECT cp.case_id, r.review_date, 'Looked-after review' FROM la_review r JOIN care_period cp ON cp.tenant_id = r.tenant_id AND cp.id = r.care_period_id WHERE r.tenant_id = ${tenantId}::uuid ${only("cp.case_id")}
      UNION ALL SELECT s.case_id, s.icpc_date, 'Initial child protection conference' FROM section47 s WHERE s.tenant_id = ${tenantId}::uuid AND s.icpc_date IS NOT NULL ${only("s.case_id")}
      UNION ALL SELECT p.case_id, p.start_date, 'Child protection plan agreed' FROM cp_plan p WHERE p.tenant_id = ${tenantId}::uuid ${only("p.case_id")}
      UNION ALL SELECT p.case_id, p.start_date, 'CIN plan agreed' FROM cin_plan p WHERE p.tenant_id = ${tenantId}::uuid ${only("p.case_id")}
      UNION ALL SELECT t.case_id, (t.decided_at AT TIME ZONE 'Europe/London')::date, 'Change of level agreed' FROM transition t WHERE t.tenant_id = ${tenantId}::uuid AND t.status = 'APPROVED' ${only("t.case_id")}
    ),
    latest AS (
      SELECT DISTINCT ON (e.case_id) e.case_id, e.day, e.what FROM events e JOIN open_cases o ON o.id = e.case_id
      ORDER BY e.case_id, e.day DESC
    )
    SELECT o.id AS "caseId", o.level, o.team_id AS "teamId",
           to_char(coalesce(l.day, o.opened_on), 'YYYY-MM-DD') AS date,
           coalesce(l.what, 'Case opened') AS what
    FROM open_cases o LEFT JOIN latest l ON l.case_id = o.id`;
}
