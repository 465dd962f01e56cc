// Requests to open a restricted family's records (docs/decisions/0019-restricted-records.md). A worker
// who may not open the records asks, with a reason; the managers who may name people for the family
// (the head of service, a team manager whose team holds one of its cases) see the request on their
// "Awaiting my decision" list and on the family's access page, and grant it (naming the worker) or
// decline it with a note the worker reads. Every step is audited.
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db/tenant";
import { AppError, notFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { parseId } from "./ids";
import { managedFamily, PENDING_SELECT, restrictionsFor, toPending, type PendingAccessRequest } from "./restricted";

const date = (d: Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/London" }).format(d);

/** Asks to open a restricted family's records. Refused while an earlier request waits, or when the caller may open them already. */
export async function requestAccess(ctx: Ctx, input: { familyId: string; reason: string }): Promise<void> {
  assertCan(ctx, "case:view", "open case records");
  const familyId = parseId(input.familyId, "family");
  const reason = input.reason.trim();
  await withTenant(ctx.tenantId, async (tx) => {
    // one request at a time per worker and family, even from two tabs at once
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`access-request:${familyId}:${ctx.userId}`}))`;
    if (!(await tx.family.findFirst({ where: { tenantId: ctx.tenantId, id: familyId }, select: { id: true } }))) throw notFoundError("family");
    const r = (await restrictionsFor(tx, ctx, [familyId])).get(familyId);
    if (!r) throw new AppError("REFUSED", "These records are not restricted (any more): open them from the family's page.");
    if (r.access) throw new AppError("REFUSED", "You can already open these records: go to the family's page.");
    if (!reason) throw new AppError("VALIDATION", "Say why you need these records.", { reason: ["Say why you need these records"] });
    const waiting = await tx.accessRequest.findFirst({ where: { tenantId: ctx.tenantId, familyId, requestedById: ctx.userId, status: "PENDING" }, select: { requestedAt: true } });
    if (waiting) throw new AppError("REFUSED", `You asked on ${date(waiting.requestedAt)} and a manager has not decided yet. You will see their answer on this page.`);
    const created = await tx.accessRequest.create({ data: { tenantId: ctx.tenantId, familyId, requestedById: ctx.userId, reason }, select: { id: true } });
    await recordAudit(tx, ctx, { action: "family.access-requested", entityType: "family", entityId: familyId, details: { requestId: created.id, reason } });
  });
}

/**
 * Requests waiting for the caller: every restricted family's for the head of service, those of
 * families whose case the team manager's team holds (or held). Oldest first.
 */
export async function listAccessRequestsForMe(ctx: Ctx): Promise<PendingAccessRequest[]> {
  if (!can(ctx.role, "record:restrict")) return [];
  return withTenant(ctx.tenantId, async (tx) => {
    const rows = await tx.accessRequest.findMany({
      where: {
        tenantId: ctx.tenantId,
        status: "PENDING",
        family: { restricted: true, ...(can(ctx.role, "team:view-any") ? {} : { cases: { some: { teamId: ctx.teamId ?? "00000000-0000-0000-0000-000000000000" } } }) },
      },
      select: PENDING_SELECT,
      orderBy: { requestedAt: "asc" },
    });
    return rows.map(toPending);
  });
}

/**
 * Grants a request (the worker is named, with their reason) or declines it with a note. Refused when
 * someone decided it already, or when the caller may not name people for the family.
 */
export async function decideAccessRequest(ctx: Ctx, input: { requestId: string; decision: "GRANT" | "DECLINE"; note?: string }): Promise<{ familyId: string }> {
  const requestId = parseId(input.requestId, "request");
  const note = input.note?.trim() ?? "";
  return withTenant(ctx.tenantId, async (tx) => {
    const found = await tx.accessRequest.findFirst({ where: { tenantId: ctx.tenantId, id: requestId }, select: { familyId: true } });
    if (!found) throw new AppError("NOT_FOUND", "That request was not found. It may have been withdrawn, or the link is wrong.");
    const family = await managedFamily(tx, ctx, found.familyId);
    const locked = await tx.$queryRaw<{ status: string; requested_by: string; reason: string; decided_by: string | null }[]>`
      SELECT r.status::text AS status, r.requested_by, r.reason, u.name AS decided_by
      FROM access_request r LEFT JOIN app_user u ON u.tenant_id = r.tenant_id AND u.id = r.decided_by
      WHERE r.tenant_id = ${ctx.tenantId}::uuid AND r.id = ${requestId}::uuid FOR UPDATE OF r`;
    const request = locked[0]!;
    if (request.status !== "PENDING") {
      throw new AppError("REFUSED", `${request.decided_by ?? "Someone"} has already answered this request (${request.status.toLowerCase()}). Reload the page to see it.`);
    }
    if (input.decision === "DECLINE" && !note) {
      throw new AppError("VALIDATION", "Say why the request is declined: the worker reads it.", { note: ["Say why the request is declined"] });
    }
    if (input.decision === "GRANT") {
      if (!family.restricted) throw new AppError("REFUSED", "These records are no longer restricted, so everyone who works on cases can open them.");
      const requester = await tx.user.findFirst({ where: { tenantId: ctx.tenantId, id: request.requested_by, active: true }, select: { id: true } });
      if (!requester) throw new AppError("REFUSED", "The person who asked no longer has an active account: decline the request instead.");
      await tx.familyAccess.upsert({
        where: { tenantId_familyId_userId: { tenantId: ctx.tenantId, familyId: family.id, userId: request.requested_by } },
        create: { tenantId: ctx.tenantId, familyId: family.id, userId: request.requested_by, reason: request.reason, grantedById: ctx.userId },
        update: {},
      });
    }
    const status = input.decision === "GRANT" ? "GRANTED" : "DECLINED";
    await tx.accessRequest.update({
      where: { tenantId_id: { tenantId: ctx.tenantId, id: requestId } },
      data: { status, decidedById: ctx.userId, decidedAt: new Date(), decisionNote: note || null },
    });
    await recordAudit(tx, ctx, {
      action: input.decision === "GRANT" ? "family.access-granted" : "family.access-declined",
      entityType: "family",
      entityId: family.id,
      details: { requestId, userId: request.requested_by, ...(input.decision === "GRANT" ? { reason: request.reason } : { note }) },
    });
    return { familyId: family.id };
  });
}
