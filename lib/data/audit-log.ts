// Who has looked at or changed a child's record, for managers and administrators.
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db/tenant";
import type { Role } from "@/lib/domain/roles";
import { notFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { parseId } from "./ids";
import { assertMayOpen } from "./restricted";

export type RecordAccess = { at: Date; action: string; who: string | null; role: Role | null; caseReference: string | null };

/** Views and changes of the child's own record, of every case they are part of and of their family's page, newest first. */
export async function listRecordAccess(ctx: Ctx, personIdInput: string, limit = 500): Promise<{ person: { id: string; name: string }; events: RecordAccess[] }> {
  assertCan(ctx, "audit:view", "see who has viewed a record");
  const personId = parseId(personIdInput, "person");
  return withTenant(ctx.tenantId, async (tx) => {
    // managers are held to a restriction; administrators, who open no records, check who did
    if (can(ctx.role, "case:view")) await assertMayOpen(tx, ctx, { personId });
    const person = await tx.person.findFirst({ where: { tenantId: ctx.tenantId, id: personId }, select: { id: true, firstName: true, lastName: true } });
    if (!person) throw notFoundError("person");
    const rows = await tx.$queryRaw<{ at: Date; action: string; who: string | null; role: Role | null; reference: string | null }[]>`
      WITH RECURSIVE records AS (
        -- this record and any duplicates merged into it: their history is this child's history
        SELECT ${personId}::uuid AS id
        UNION SELECT p.id FROM person p JOIN records r ON p.merged_into_id = r.id WHERE p.tenant_id = ${ctx.tenantId}::uuid
      )
      SELECT e.at, e.action, u.name AS who, u.role, c.reference
      FROM audit_event e
      LEFT JOIN app_user u ON u.tenant_id = e.tenant_id AND u.id = e.actor_id
      LEFT JOIN case_file c ON c.tenant_id = e.tenant_id AND c.id = e.case_id
      WHERE e.tenant_id = ${ctx.tenantId}::uuid
        AND (e.person_id IN (SELECT id FROM records)
             OR e.case_id IN (SELECT case_id FROM case_child WHERE tenant_id = ${ctx.tenantId}::uuid AND person_id = ${personId}::uuid)
             -- views and changes of the family's page, which shows the child
             OR (e.entity_type = 'family'
                 AND e.entity_id IN (SELECT family_id::text FROM family_member WHERE tenant_id = ${ctx.tenantId}::uuid AND person_id IN (SELECT id FROM records))))
      ORDER BY e.at DESC, e.id DESC
      LIMIT ${limit}`;
    // looking at the access log is itself recorded
    await recordAudit(tx, ctx, { action: "audit.viewed", entityType: "person", entityId: personId, personId });
    return {
      person: { id: person.id, name: `${person.firstName} ${person.lastName}` },
      events: rows.map((r) => ({ at: r.at, action: r.action, who: r.who, role: r.role, caseReference: r.reference })),
    };
  });
}
