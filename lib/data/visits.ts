// Visits to a family (domain.md "Recording"): logged quickly, often on a phone in the family's home. A
// double tap or a retried request must never make two visits, so each form carries an idempotency key.
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { inOrder } from "@/lib/db/in-order";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { ageOn, formatDate, todayInEngland, toIsoDate } from "@/lib/domain/dates";
import { formatLondonDateTime, isNotInFuture, toLondonWallClock } from "@/lib/domain/london-time";
import { isSameVisit, VISIT_TYPES, type ChildSeen, type VisitType } from "@/lib/domain/visits";
import { AppError, notFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { deleteSentDraft } from "./drafts";
import { parseId } from "./ids";
import { assertMayOpen } from "./restricted";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const NOTE_MAX_LENGTH = 4000;

const invalid = (field: string, message: string) => new AppError("VALIDATION", message, { [field]: [message] });

// ---------------------------------------------------------------------------------------------
// The form

export type VisitForm = {
  caseId: string;
  reference: string;
  familyName: string;
  status: "OPEN" | "CLOSED";
  openedOn: string;
  children: { id: string; name: string; age: number | null }[];
};

/** What the visit form needs: the case and its children. Opening it is a view of the case. */
export async function getVisitForm(ctx: Ctx, caseIdInput: string): Promise<VisitForm> {
  assertCan(ctx, "visit:record", "record visits");
  const caseId = parseId(caseIdInput, "case");
  const today = todayInEngland();
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { caseId });
    const c = await tx.case.findFirst({
      where: { tenantId: ctx.tenantId, id: caseId },
      select: {
        id: true,
        reference: true,
        status: true,
        openedOn: true,
        family: { select: { name: true } },
        children: { where: { removedOn: null }, select: { person: { select: { id: true, firstName: true, lastName: true, dateOfBirth: true } } } },
      },
    });
    if (!c) throw notFoundError("case");
    await recordAudit(tx, ctx, { action: "case.viewed", entityType: "case", entityId: c.id, caseId: c.id, details: { for: "record a visit" } });
    return {
      caseId: c.id,
      reference: c.reference,
      familyName: c.family.name,
      status: c.status,
      openedOn: toIsoDate(c.openedOn),
      children: c.children
        .map(({ person: p }) => ({ id: p.id, name: `${p.firstName} ${p.lastName}`, age: p.dateOfBirth ? ageOn(toIsoDate(p.dateOfBirth), today) : null }))
        .sort((a, b) => (b.age ?? -1) - (a.age ?? -1) || a.name.localeCompare(b.name)),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Recording a visit

export type RecordVisitInput = {
  caseId: string;
  /** from the form: the same key twice is the same visit */
  idempotencyKey: string;
  visitedAt: Date;
  type: VisitType;
  /** the children seen; a child of the case not listed was not seen */
  children: ChildSeen[];
  othersPresent?: string | null;
  note: string;
  wishesAndFeelings?: string | null;
  significant: boolean;
};

export type RecordedVisit = { visitId: string; caseId: string; created: boolean };

/** Details of the refusal when a form that already recorded a visit is sent with a different visit. */
export type AlreadyRecorded = { alreadyRecorded: { visitId: string; visitedAt: string; type: VisitType } };

type CheckedVisit = Omit<RecordVisitInput, "caseId" | "idempotencyKey"> & { othersPresent: string | null; wishesAndFeelings: string | null };

function checkVisit(input: RecordVisitInput): CheckedVisit {
  if (!(input.visitedAt instanceof Date) || Number.isNaN(input.visitedAt.getTime())) throw invalid("visitDate", "Enter the date and time of the visit");
  if (!isNotInFuture(input.visitedAt)) throw invalid("visitTime", "The date and time of the visit must be now or in the past");
  if (!(VISIT_TYPES as readonly string[]).includes(input.type)) throw invalid("type", "Choose the type of visit");
  const note = input.note.trim();
  if (!note) throw invalid("note", "Enter a short note about the visit");
  if (note.length > NOTE_MAX_LENGTH) throw invalid("note", `The note must be ${NOTE_MAX_LENGTH} characters or fewer`);
  const wishesAndFeelings = input.wishesAndFeelings?.trim() || null;
  if (wishesAndFeelings && wishesAndFeelings.length > NOTE_MAX_LENGTH) throw invalid("wishesAndFeelings", `The child's wishes and feelings must be ${NOTE_MAX_LENGTH} characters or fewer`);
  const othersPresent = input.othersPresent?.trim() || null;
  if (othersPresent && othersPresent.length > 500) throw invalid("othersPresent", "Who else was there must be 500 characters or fewer");
  const children = new Map<string, boolean>();
  for (const child of input.children) {
    if (!UUID.test(child.personId)) throw invalid("children", "Choose children who are part of this case");
    children.set(child.personId.toLowerCase(), Boolean(child.seenAlone));
  }
  return {
    visitedAt: input.visitedAt,
    type: input.type,
    children: [...children].map(([personId, seenAlone]) => ({ personId, seenAlone })),
    othersPresent,
    note,
    wishesAndFeelings,
    significant: Boolean(input.significant),
  };
}

/**
 * The visit this form's key already recorded, if any. The same visit sent again (a double tap, a retry)
 * is answered with it; a different visit sent with a used key (a form reused after going back in the
 * browser) is refused rather than silently dropped.
 */
async function findByKey(tx: Tx, ctx: Ctx, key: string, caseId: string, visit: CheckedVisit): Promise<RecordedVisit | null> {
  const existing = await tx.visit.findFirst({
    where: { tenantId: ctx.tenantId, idempotencyKey: key },
    select: {
      id: true,
      caseId: true,
      visitedAt: true,
      type: true,
      othersPresent: true,
      note: true,
      wishesAndFeelings: true,
      significant: true,
      children: { select: { personId: true, seenAlone: true } },
    },
  });
  if (!existing) return null;
  if (existing.caseId !== caseId) throw new AppError("CONFLICT", "This form was already used to record a visit on another case. Reload the page and record the visit again.");
  if (!isSameVisit(existing, visit)) {
    const details: AlreadyRecorded = { alreadyRecorded: { visitId: existing.id, visitedAt: existing.visitedAt.toISOString(), type: existing.type } };
    throw new AppError(
      "CONFLICT",
      `This form has already recorded a visit (${formatLondonDateTime(existing.visitedAt)}), which is on the case page. If this is a different visit, check what you typed and save again: it will be recorded as a new visit.`,
      undefined,
      details,
    );
  }
  return { visitId: existing.id, caseId, created: false };
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

/**
 * Records a visit on an open case. The same idempotency key sent again, even at the same moment,
 * records nothing more and answers with the visit the first one recorded.
 */
export async function recordVisit(ctx: Ctx, input: RecordVisitInput): Promise<RecordedVisit> {
  assertCan(ctx, "visit:record", "record visits");
  const caseId = parseId(input.caseId, "case");
  if (typeof input.idempotencyKey !== "string" || !UUID.test(input.idempotencyKey)) {
    throw new AppError("VALIDATION", "This form is out of date: reload the page and try again.");
  }
  const key = input.idempotencyKey.toLowerCase();
  const visit = checkVisit(input);

  try {
    return await withTenant(ctx.tenantId, async (tx) => {
      await assertMayOpen(tx, ctx, { caseId });
      const c = await tx.case.findFirst({
        where: { tenantId: ctx.tenantId, id: caseId },
        select: { id: true, status: true, openedOn: true, children: { where: { removedOn: null }, select: { personId: true } } },
      });
      if (!c) throw notFoundError("case");
      // The sender's draft of this form goes with the save (and stays if the save is refused).
      await deleteSentDraft(tx, ctx, caseId, { kind: "VISIT", idempotencyKey: key });

      // A repeat of a form already saved: the visit it made.
      const repeat = await findByKey(tx, ctx, key, caseId, visit);
      if (repeat) return repeat;

      if (c.status !== "OPEN") {
        throw new AppError("REFUSED", "This case is closed, so visits can no longer be recorded on it. If the family needs help again, record a new contact at the front door.");
      }
      const openedOn = toIsoDate(c.openedOn);
      if (toLondonWallClock(visit.visitedAt).date < openedOn) {
        throw invalid("visitDate", `The visit must be on or after the day the case was opened, ${formatDate(openedOn)}`);
      }
      const inCase = new Set(c.children.map((ch) => ch.personId));
      if (visit.children.some((ch) => !inCase.has(ch.personId))) {
        throw invalid("children", "Only children who are part of this case can be recorded as seen. Reload the page to see the case's children now, then try again.");
      }

      const created = await tx.visit.create({
        data: {
          tenantId: ctx.tenantId,
          caseId,
          visitedAt: visit.visitedAt,
          type: visit.type,
          othersPresent: visit.othersPresent,
          note: visit.note,
          wishesAndFeelings: visit.wishesAndFeelings,
          significant: visit.significant,
          recordedById: ctx.userId,
          idempotencyKey: key,
          children: { create: visit.children.map((ch) => ({ personId: ch.personId, seenAlone: ch.seenAlone })) },
        },
        select: { id: true },
      });
      await recordAudit(tx, ctx, {
        action: "visit.recorded",
        entityType: "visit",
        entityId: created.id,
        caseId,
        details: {
          type: visit.type,
          visitedAt: visit.visitedAt.toISOString(),
          significant: visit.significant,
          childrenSeen: visit.children.map((ch) => ch.personId),
          seenAlone: visit.children.filter((ch) => ch.seenAlone).map((ch) => ch.personId),
        },
      });
      return { visitId: created.id, caseId, created: true };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same form sent twice at once: the other request saved first and this one waited on the key.
    const first = await withTenant(ctx.tenantId, (tx) => findByKey(tx, ctx, key, caseId, visit));
    if (!first) throw error;
    return first;
  }
}

// ---------------------------------------------------------------------------------------------
// The case's visits

export type VisitView = {
  id: string;
  visitedAt: string;
  type: VisitType;
  othersPresent: string | null;
  note: string;
  wishesAndFeelings: string | null;
  significant: boolean;
  recordedBy: string;
  recordedAt: string;
  children: { id: string; name: string; seenAlone: boolean }[];
};

/**
 * A case's visits, newest first, and how many there are. Shown on pages that are themselves an
 * audited view of the case (the case page), so reading them is not audited again.
 */
export async function listVisitsForCase(ctx: Ctx, caseIdInput: string, options: { limit?: number } = {}): Promise<{ visits: VisitView[]; total: number }> {
  assertCan(ctx, "case:view", "see a case's visits");
  const caseId = parseId(caseIdInput, "case");
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { caseId });
    const c = await tx.case.findFirst({ where: { tenantId: ctx.tenantId, id: caseId }, select: { id: true } });
    if (!c) throw notFoundError("case");
    const where = { tenantId: ctx.tenantId, caseId };
    const [rows, total] = await inOrder([
      () => tx.visit.findMany({
        where,
        orderBy: [{ visitedAt: "desc" }, { createdAt: "desc" }],
        take: options.limit,
        select: {
          id: true,
          visitedAt: true,
          type: true,
          othersPresent: true,
          note: true,
          wishesAndFeelings: true,
          significant: true,
          createdAt: true,
          recordedBy: { select: { name: true } },
          children: { select: { seenAlone: true, person: { select: { id: true, firstName: true, lastName: true } } } },
        },
      }),
      () => tx.visit.count({ where }),
    ]);
    return {
      total,
      visits: rows.map((v) => ({
        id: v.id,
        visitedAt: v.visitedAt.toISOString(),
        type: v.type,
        othersPresent: v.othersPresent,
        note: v.note,
        wishesAndFeelings: v.wishesAndFeelings,
        significant: v.significant,
        recordedBy: v.recordedBy.name,
        recordedAt: v.createdAt.toISOString(),
        children: v.children
          .map((ch) => ({ id: ch.person.id, name: `${ch.person.firstName} ${ch.person.lastName}`, seenAlone: ch.seenAlone }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      })),
    };
  });
}
