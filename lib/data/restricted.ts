// Restricted records (docs/decisions/0019-restricted-records.md). Every data function that opens a
// family, a person or a case — or anything a case holds — calls assertMayOpen first; lists and searches
// call restrictionsFor to show only that a restricted record exists, and whom to ask.
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { askForAccess, mayManageRestriction, restrictedAccess, type AccessBasis } from "@/lib/domain/restricted";
import type { Role } from "@/lib/domain/roles";
import { AppError, notFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { parseId } from "./ids";

export type RecordTarget = { familyId: string } | { caseId: string } | { personId: string };

/** What a page shows instead of a restricted record. */
export type RestrictedMatch = { restricted: true; familyId: string; message: string };

/** The restricted families a family, person or case belongs to (none, nearly always). */
async function restrictedFamiliesOf(tx: Tx, tenantId: string, target: RecordTarget): Promise<string[]> {
  const rows =
    "familyId" in target
      ? await tx.$queryRaw<{ id: string }[]>`SELECT id FROM family WHERE tenant_id = ${tenantId}::uuid AND id = ${target.familyId}::uuid AND restricted`
      : "caseId" in target
        ? await tx.$queryRaw<{ id: string }[]>`
            SELECT f.id FROM case_file c JOIN family f ON f.tenant_id = c.tenant_id AND f.id = c.family_id
            WHERE c.tenant_id = ${tenantId}::uuid AND c.id = ${target.caseId}::uuid AND f.restricted`
        : await tx.$queryRaw<{ id: string }[]>`
            SELECT DISTINCT f.id FROM family_member m JOIN family f ON f.tenant_id = m.tenant_id AND f.id = m.family_id
            WHERE m.tenant_id = ${tenantId}::uuid AND m.person_id = ${target.personId}::uuid AND f.restricted`;
  return rows.map((r) => r.id);
}

/** For each of these families that is restricted: whether the caller may open it, and the note to show when not. */
export async function restrictionsFor(tx: Tx, ctx: Ctx, familyIds: string[]): Promise<Map<string, { access: AccessBasis | null; message: string }>> {
  const result = new Map<string, { access: AccessBasis | null; message: string }>();
  if (familyIds.length === 0) return result;
  const rows = await tx.$queryRaw<{ id: string; named: boolean; allocated: boolean; team_holds_case: boolean; managers: string[] }[]>`
    SELECT f.id,
      EXISTS (SELECT 1 FROM family_access a WHERE a.tenant_id = f.tenant_id AND a.family_id = f.id AND a.user_id = ${ctx.userId}::uuid) AS named,
      EXISTS (SELECT 1 FROM allocation al JOIN case_file c ON c.tenant_id = al.tenant_id AND c.id = al.case_id
              WHERE c.tenant_id = f.tenant_id AND c.family_id = f.id AND c.status = 'OPEN' AND al.worker_id = ${ctx.userId}::uuid AND al.end_date IS NULL) AS allocated,
      EXISTS (SELECT 1 FROM case_file c WHERE c.tenant_id = f.tenant_id AND c.family_id = f.id AND c.team_id = ${ctx.teamId}::uuid) AS team_holds_case,
      coalesce((SELECT array_agg(DISTINCT u.name ORDER BY u.name) FROM case_file c JOIN app_user u ON u.tenant_id = c.tenant_id AND u.team_id = c.team_id
                WHERE c.tenant_id = f.tenant_id AND c.family_id = f.id AND u.role = 'TEAM_MANAGER' AND u.active), '{}') AS managers
    FROM family f WHERE f.tenant_id = ${ctx.tenantId}::uuid AND f.id = ANY(${familyIds}::uuid[]) AND f.restricted`;
  for (const r of rows) {
    const access = restrictedAccess(ctx, { named: r.named, allocated: r.allocated, teamHoldsCase: r.team_holds_case });
    result.set(r.id, { access, message: askForAccess(r.managers) });
  }
  return result;
}

/** Of these people, those in a restricted family the caller may not open, with the family and the note to show instead. */
export async function refusedPeople(tx: Tx, ctx: Ctx, personIds: string[]): Promise<Map<string, RestrictedMatch>> {
  const refused = new Map<string, RestrictedMatch>();
  if (personIds.length === 0) return refused;
  const memberships = await tx.$queryRaw<{ person_id: string; family_id: string }[]>`
    SELECT m.person_id, m.family_id FROM family_member m JOIN family f ON f.tenant_id = m.tenant_id AND f.id = m.family_id
    WHERE m.tenant_id = ${ctx.tenantId}::uuid AND m.person_id = ANY(${personIds}::uuid[]) AND f.restricted`;
  if (memberships.length === 0) return refused;
  const restrictions = await restrictionsFor(tx, ctx, [...new Set(memberships.map((m) => m.family_id))]);
  for (const m of memberships) {
    const r = restrictions.get(m.family_id);
    if (r && !r.access && !refused.has(m.person_id)) refused.set(m.person_id, { restricted: true, familyId: m.family_id, message: r.message });
  }
  return refused;
}

/** The refusal for a restricted record: pages turn it into the restricted-record page (lib/auth/page-data.ts), forms show its message. */
function restrictedError(familyId: string, message: string): AppError {
  return new AppError("FORBIDDEN", message, undefined, { restrictedFamilyId: familyId });
}

/** Refuses (FORBIDDEN, naming whom to ask) when the record belongs to a restricted family the caller may not open. */
export async function assertMayOpen(tx: Tx, ctx: Ctx, target: RecordTarget): Promise<void> {
  const families = await restrictedFamiliesOf(tx, ctx.tenantId, target);
  if (families.length === 0) return;
  const restrictions = await restrictionsFor(tx, ctx, families);
  for (const [familyId, r] of restrictions) if (!r.access) throw restrictedError(familyId, r.message);
}

type RestrictionNotice = { familyId: string; message: string; request: MyAccessRequest | null };

/** The restricted-record page: whom to ask, nothing of the record. The refused attempt is audited. */
export async function getRestrictionNotice(ctx: Ctx, familyIdInput: string): Promise<RestrictionNotice | null> {
  assertCan(ctx, "case:view", "open case records");
  const familyId = parseId(familyIdInput, "family");
  return withTenant(ctx.tenantId, async (tx) => {
    const r = (await restrictionsFor(tx, ctx, [familyId])).get(familyId);
    // not restricted (any more), or no such family, or the caller may open it: nothing to say here
    if (!r || r.access) return null;
    await recordAudit(tx, ctx, { action: "restricted.refused", entityType: "family", entityId: familyId });
    return { familyId, message: r.message, request: await latestRequestOf(tx, ctx, familyId) };
  });
}

export type RestrictionPanel = {
  familyId: string;
  restricted: boolean;
  reason: string | null;
  restrictedBy: string | null;
  restrictedAt: Date | null;
  /** why the caller may open it (null when the family is not restricted) */
  access: AccessBasis | null;
  canManage: boolean;
  named: { userId: string; name: string; role: Role; reason: string; grantedBy: string; grantedAt: Date }[];
  /** people a manager may name: the council's active practitioners and managers not already allowed by name */
  candidates: { id: string; name: string; role: Role; team: string | null }[];
  /** requests to open the records waiting for a manager (shown to those who may decide them) */
  requests: PendingAccessRequest[];
};

async function teamHoldsCase(tx: Tx, ctx: Ctx, familyId: string): Promise<boolean> {
  if (!ctx.teamId) return false;
  const n = await tx.case.count({ where: { tenantId: ctx.tenantId, familyId, teamId: ctx.teamId } });
  return n > 0;
}

/** The family page's panel: whether it is restricted, who may open it, and (for its managers) the controls. */
async function getRestrictionPanel(tx: Tx, ctx: Ctx, familyId: string): Promise<RestrictionPanel> {
  const f = await tx.family.findFirst({
    where: { tenantId: ctx.tenantId, id: familyId },
    select: {
      restricted: true,
      restrictedReason: true,
      restrictedAt: true,
      restrictedBy: { select: { name: true } },
      access: { select: { userId: true, reason: true, grantedAt: true, user: { select: { name: true, role: true } }, grantedBy: { select: { name: true } } }, orderBy: { grantedAt: "asc" } },
    },
  });
  if (!f) throw notFoundError("family");
  const canManage = mayManageRestriction(ctx, { teamHoldsCase: await teamHoldsCase(tx, ctx, familyId) });
  const access = f.restricted ? ((await restrictionsFor(tx, ctx, [familyId])).get(familyId)?.access ?? null) : null;
  const named = f.access.map((a) => ({ userId: a.userId, name: a.user.name, role: a.user.role, reason: a.reason, grantedBy: a.grantedBy.name, grantedAt: a.grantedAt }));
  const candidates =
    canManage && f.restricted
      ? (
          await tx.user.findMany({
            where: { tenantId: ctx.tenantId, active: true, role: { not: "TENANT_ADMIN" }, id: { notIn: named.map((n) => n.userId) } },
            select: { id: true, name: true, role: true, team: { select: { name: true } } },
            orderBy: { name: "asc" },
          })
        ).map((u) => ({ id: u.id, name: u.name, role: u.role, team: u.team?.name ?? null }))
      : [];
  return {
    familyId,
    restricted: f.restricted,
    reason: f.restrictedReason,
    restrictedBy: f.restrictedBy?.name ?? null,
    restrictedAt: f.restrictedAt,
    access,
    canManage,
    named,
    candidates,
    requests: canManage && f.restricted ? await pendingRequestsOf(tx, ctx, familyId) : [],
  };
}

export async function managedFamily(tx: Tx, ctx: Ctx, familyIdInput: string): Promise<{ id: string; restricted: boolean }> {
  assertCan(ctx, "record:restrict", "restrict records");
  const familyId = parseId(familyIdInput, "family");
  const locked = await tx.$queryRaw<{ id: string; restricted: boolean }[]>`
    SELECT id, restricted FROM family WHERE tenant_id = ${ctx.tenantId}::uuid AND id = ${familyId}::uuid FOR UPDATE`;
  const f = locked[0];
  if (!f) throw notFoundError("family");
  if (!mayManageRestriction(ctx, { teamHoldsCase: await teamHoldsCase(tx, ctx, familyId) })) {
    throw new AppError("FORBIDDEN", "Only the head of service, or a manager of a team holding this family's case, can restrict its records or name who may open them.");
  }
  return f;
}

const reasonNeeded = (field: string, what: string) => new AppError("VALIDATION", `Say why ${what}: it is kept in the record's history.`, { [field]: [`Say why ${what}`] });

/** Restricts a family's records, with a reason (audited). */
export async function restrictFamily(ctx: Ctx, input: { familyId: string; reason: string }): Promise<void> {
  const reason = input.reason.trim();
  await withTenant(ctx.tenantId, async (tx) => {
    const f = await managedFamily(tx, ctx, input.familyId);
    if (!reason) throw reasonNeeded("reason", "the records are restricted");
    if (f.restricted) throw new AppError("REFUSED", "These records are already restricted.");
    await tx.family.update({
      where: { tenantId_id: { tenantId: ctx.tenantId, id: f.id } },
      data: { restricted: true, restrictedReason: reason, restrictedById: ctx.userId, restrictedAt: new Date() },
    });
    await recordAudit(tx, ctx, { action: "family.restricted", entityType: "family", entityId: f.id, details: { reason } });
  });
}

/** Lifts the restriction, with a reason (audited); the named people are kept as history in the audit log only. */
export async function liftRestriction(ctx: Ctx, input: { familyId: string; reason: string }): Promise<void> {
  const reason = input.reason.trim();
  await withTenant(ctx.tenantId, async (tx) => {
    const f = await managedFamily(tx, ctx, input.familyId);
    if (!reason) throw reasonNeeded("reason", "the restriction is lifted");
    if (!f.restricted) throw new AppError("REFUSED", "These records are not restricted.");
    const named = await tx.familyAccess.findMany({ where: { tenantId: ctx.tenantId, familyId: f.id }, select: { userId: true } });
    await tx.familyAccess.deleteMany({ where: { tenantId: ctx.tenantId, familyId: f.id } });
    await settleRequests(tx, ctx, f.id, { lifted: true });
    await tx.family.update({
      where: { tenantId_id: { tenantId: ctx.tenantId, id: f.id } },
      data: { restricted: false, restrictedReason: null, restrictedById: null, restrictedAt: null },
    });
    await recordAudit(tx, ctx, { action: "family.restriction-lifted", entityType: "family", entityId: f.id, details: { reason, named: named.map((n) => n.userId) } });
  });
}

/** Names someone who may open the restricted records, with a reason (audited). */
export async function grantAccess(ctx: Ctx, input: { familyId: string; userId: string; reason: string }): Promise<void> {
  const reason = input.reason.trim();
  await withTenant(ctx.tenantId, async (tx) => {
    const f = await managedFamily(tx, ctx, input.familyId);
    if (!f.restricted) throw new AppError("REFUSED", "These records are not restricted, so everyone who works on cases can open them.");
    const userId = parseId(input.userId, "user");
    const user = await tx.user.findFirst({ where: { tenantId: ctx.tenantId, id: userId, active: true, role: { not: "TENANT_ADMIN" } }, select: { id: true, name: true } });
    if (!user) throw new AppError("VALIDATION", "Choose the person from the list.", { userId: ["Choose the person from the list"] });
    if (!reason) throw reasonNeeded("accessReason", `${user.name} needs these records`);
    const existing = await tx.familyAccess.findUnique({ where: { tenantId_familyId_userId: { tenantId: ctx.tenantId, familyId: f.id, userId } } });
    if (existing) throw new AppError("REFUSED", `${user.name} is already named.`);
    await tx.familyAccess.create({ data: { tenantId: ctx.tenantId, familyId: f.id, userId, reason, grantedById: ctx.userId } });
    await settleRequests(tx, ctx, f.id, { grantedTo: userId });
    await recordAudit(tx, ctx, { action: "family.access-granted", entityType: "family", entityId: f.id, details: { userId, reason } });
  });
}

/** Takes a named person off the list (audited). */
export async function revokeAccess(ctx: Ctx, input: { familyId: string; userId: string }): Promise<void> {
  await withTenant(ctx.tenantId, async (tx) => {
    const f = await managedFamily(tx, ctx, input.familyId);
    const userId = parseId(input.userId, "user");
    const removed = await tx.familyAccess.deleteMany({ where: { tenantId: ctx.tenantId, familyId: f.id, userId } });
    if (removed.count === 0) throw new AppError("REFUSED", "That person is not on the list (someone may have just removed them).");
    await recordAudit(tx, ctx, { action: "family.access-revoked", entityType: "family", entityId: f.id, details: { userId } });
  });
}

/** The family's "who can open these records" page. Opening it is a view of the family. */
export async function getFamilyAccessPage(ctx: Ctx, familyIdInput: string): Promise<RestrictionPanel & { familyName: string }> {
  assertCan(ctx, "case:view", "open family records");
  const familyId = parseId(familyIdInput, "family");
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { familyId });
    const f = await tx.family.findFirst({ where: { tenantId: ctx.tenantId, id: familyId }, select: { name: true } });
    if (!f) throw notFoundError("family");
    const panel = await getRestrictionPanel(tx, ctx, familyId);
    await recordAudit(tx, ctx, { action: "family.viewed", entityType: "family", entityId: familyId, details: { for: "who can open its records" } });
    return { ...panel, familyName: f.name };
  });
}

// ---------------------------------------------------------------------------------------------
// Requests to open the records (lib/data/access-requests.ts asks and decides)

export type MyAccessRequest = {
  status: "PENDING" | "GRANTED" | "DECLINED" | "CLOSED";
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
};

/** The caller's latest request for this family, if any: shown on the restricted-record page. */
async function latestRequestOf(tx: Tx, ctx: Ctx, familyId: string): Promise<MyAccessRequest | null> {
  const r = await tx.accessRequest.findFirst({
    where: { tenantId: ctx.tenantId, familyId, requestedById: ctx.userId },
    orderBy: { requestedAt: "desc" },
    select: { status: true, requestedAt: true, decidedAt: true, decisionNote: true, decidedBy: { select: { name: true } } },
  });
  return r ? { status: r.status, requestedAt: r.requestedAt, decidedBy: r.decidedBy?.name ?? null, decidedAt: r.decidedAt, decisionNote: r.decisionNote } : null;
}

export type PendingAccessRequest = {
  id: string;
  familyId: string;
  familyName: string;
  requestedBy: { id: string; name: string; role: Role; team: string | null };
  reason: string;
  requestedAt: Date;
};

export const PENDING_SELECT = {
  id: true,
  familyId: true,
  reason: true,
  requestedAt: true,
  family: { select: { name: true } },
  requestedBy: { select: { id: true, name: true, role: true, team: { select: { name: true } } } },
} as const;

type PendingRow = { id: string; familyId: string; reason: string; requestedAt: Date; family: { name: string }; requestedBy: { id: string; name: string; role: Role; team: { name: string } | null } };

export const toPending = (r: PendingRow): PendingAccessRequest => ({
  id: r.id,
  familyId: r.familyId,
  familyName: r.family.name,
  requestedBy: { id: r.requestedBy.id, name: r.requestedBy.name, role: r.requestedBy.role, team: r.requestedBy.team?.name ?? null },
  reason: r.reason,
  requestedAt: r.requestedAt,
});

/** The family's waiting requests, for its access page (the caller manages the family). */
async function pendingRequestsOf(tx: Tx, ctx: Ctx, familyId: string): Promise<PendingAccessRequest[]> {
  const rows = await tx.accessRequest.findMany({ where: { tenantId: ctx.tenantId, familyId, status: "PENDING" }, select: PENDING_SELECT, orderBy: { requestedAt: "asc" } });
  return rows.map(toPending);
}

/** Someone was named by hand, or the restriction lifted: their waiting requests are answered with it. */
async function settleRequests(tx: Tx, ctx: Ctx, familyId: string, how: { grantedTo: string } | { lifted: true }): Promise<void> {
  await tx.accessRequest.updateMany({
    where: { tenantId: ctx.tenantId, familyId, status: "PENDING", ...("grantedTo" in how ? { requestedById: how.grantedTo } : {}) },
    data: { status: "grantedTo" in how ? "GRANTED" : "CLOSED", decidedById: ctx.userId, decidedAt: new Date() },
  });
}
