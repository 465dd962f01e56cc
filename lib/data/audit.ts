// Writes to the append-only audit log, always inside the transaction of the change or view it records.
import "server-only";
import type { Ctx } from "@/lib/auth/context";
import type { Tx } from "@/lib/db/tenant";

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  caseId?: string | null;
  personId?: string | null;
  details?: Record<string, unknown>;
};

export async function recordAudit(tx: Tx, ctx: Pick<Ctx, "tenantId" | "userId" | "ip">, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      tenantId: ctx.tenantId,
      actorId: ctx.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      caseId: entry.caseId ?? null,
      personId: entry.personId ?? null,
      details: { ...(entry.details ?? {}), ...(ctx.ip ? { ip: ctx.ip } : {}) },
    },
  });
}
