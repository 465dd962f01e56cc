// A child's identifiers and equality details (date of birth, sex, ethnicity, UPN, LA child id): the
// form that fixes what the CIN census and SSDA903 checks ask for (docs/decisions/0021-child-identifiers.md).
// A save carries the version it was loaded at and is refused if someone changed these details in
// between; a UPN or LA child id another child of the council holds is refused, naming that child
// only to someone who may open their record; every change is audited with what it changed.
import "server-only";
import { createHash } from "node:crypto";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { checkChildIdentifiers, identifierChanges, type ChildIdentifiers, type IdentifierChange, type IdentifierInput } from "@/lib/domain/child-identifiers";
import { formatDate, fromIsoDate, todayInEngland, toIsoDate } from "@/lib/domain/dates";
import { laChildIdFor } from "@/lib/domain/identifiers";
import { AppError, notFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { parseId } from "./ids";
import { assertMayOpen, refusedPeople } from "./restricted";

export const IDENTIFIERS_CHANGED = "person.identifiers_changed";

export type ChildIdentifiersForEdit = {
  personId: string;
  name: string;
  values: ChildIdentifiers;
  /** what the CIN census and SSDA903 call the child (the recorded LA child id, or the derived one) */
  returnId: string;
  /** the version loaded, sent back with a save */
  version: string;
};

/** A refused save because someone else changed the details: what they are now, and the version to save over them. */
export type IdentifiersConflict = { conflict: { values: ChildIdentifiers; version: string; savedBy: string | null; savedAt: string | null } };

const SELECT = { id: true, kind: true, firstName: true, lastName: true, dateOfBirth: true, expectedDateOfBirth: true, sex: true, ethnicity: true, upn: true, laChildId: true, mergedIntoId: true } as const;
type Row = { id: string; kind: string; firstName: string; lastName: string; dateOfBirth: Date | null; expectedDateOfBirth: Date | null; sex: string; ethnicity: string | null; upn: string | null; laChildId: string | null; mergedIntoId: string | null };

const valuesOf = (p: Row): ChildIdentifiers => ({
  dateOfBirth: p.dateOfBirth ? toIsoDate(p.dateOfBirth) : null,
  expectedDateOfBirth: p.expectedDateOfBirth ? toIsoDate(p.expectedDateOfBirth) : null,
  sex: p.sex.trim(),
  ethnicity: p.ethnicity?.trim() || null,
  upn: p.upn?.trim() || null,
  laChildId: p.laChildId?.trim() || null,
});

/** The version of a child's details: a SHA-256 of exactly what this form edits, so other changes to the record do not refuse a save. */
export function identifiersVersion(values: ChildIdentifiers): string {
  return createHash("sha256")
    .update(JSON.stringify([values.dateOfBirth, values.expectedDateOfBirth, values.sex, values.ethnicity, values.upn, values.laChildId]))
    .digest("hex");
}

/** The child (never an adult, nor a record merged into another), after the restriction check. */
async function findChild(tx: Tx, ctx: Ctx, personId: string, lock: boolean): Promise<Row> {
  await assertMayOpen(tx, ctx, { personId });
  if (lock) {
    // the row stays locked until the save ends, so two saves of one child take turns
    await tx.$executeRaw`SELECT 1 FROM person WHERE tenant_id = ${ctx.tenantId}::uuid AND id = ${personId}::uuid FOR UPDATE`;
  }
  const p = await tx.person.findFirst({ where: { tenantId: ctx.tenantId, id: personId, kind: "CHILD", mergedIntoId: null }, select: SELECT });
  if (!p) throw notFoundError("child");
  return p;
}

/** The form: the child's details as stored and the version they were loaded at. Opening it is audited as a view of the child's record. */
export async function getChildIdentifiersForEdit(ctx: Ctx, personIdInput: string): Promise<ChildIdentifiersForEdit> {
  assertCan(ctx, "person:edit", "change a child's identifiers and equality details");
  const personId = parseId(personIdInput, "child");
  return withTenant(ctx.tenantId, async (tx) => {
    const p = await findChild(tx, ctx, personId, false);
    await recordAudit(tx, ctx, { action: "person.viewed", entityType: "person", entityId: p.id, personId: p.id, details: { for: "identifiers" } });
    const values = valuesOf(p);
    return { personId: p.id, name: `${p.firstName} ${p.lastName}`, values, returnId: laChildIdFor(p), version: identifiersVersion(values) };
  });
}

/** Who last changed the child's details, and when (asked only after a refused save). */
async function lastChange(tx: Tx, tenantId: string, personId: string): Promise<{ by: string | null; at: string } | null> {
  const event = await tx.auditEvent.findFirst({ where: { tenantId, personId, action: IDENTIFIERS_CHANGED }, orderBy: [{ at: "desc" }, { id: "desc" }], select: { actorId: true, at: true } });
  if (!event) return null;
  const actor = event.actorId ? await tx.user.findFirst({ where: { tenantId, id: event.actorId }, select: { name: true } }) : null;
  return { by: actor?.name ?? null, at: event.at.toISOString() };
}

/**
 * Another child of the council already holding this UPN or LA child id: named, with their date of
 * birth and id, to someone who may open their record; otherwise only that such a record exists and
 * whom to ask. Merged records hold neither (the merge moved them to the survivor).
 */
async function heldByAnother(tx: Tx, ctx: Ctx, personId: string, field: "upn" | "laChildId", value: string, what: string): Promise<string | null> {
  const other = await tx.person.findFirst({
    where: {
      tenantId: ctx.tenantId,
      id: { not: personId },
      mergedIntoId: null,
      ...(field === "upn" ? { upn: { equals: value, mode: "insensitive" as const } } : { laChildId: { equals: value, mode: "insensitive" as const } }),
    },
    select: { id: true, firstName: true, lastName: true, dateOfBirth: true, expectedDateOfBirth: true, laChildId: true },
    orderBy: { createdAt: "asc" },
  });
  if (!other) return null;
  const refusal = (await refusedPeople(tx, ctx, [other.id])).get(other.id);
  if (refusal) return `${what} ${value} is already recorded for another child of the council, whose record is restricted. ${refusal.message} A child has one ${what}: check it`;
  const born = other.dateOfBirth ? `born ${formatDate(other.dateOfBirth)}` : `expected ${formatDate(other.expectedDateOfBirth)}`;
  const known = field === "upn" ? `, LA child id ${laChildIdFor(other)}` : "";
  return `${what} ${value} is already recorded for ${other.firstName} ${other.lastName} (${born}${known}). A child has one ${what}: check it, or if they are the same child ask a manager to merge the two records`;
}

export type SaveIdentifiersInput = IdentifierInput & {
  personId: string;
  /** the version the form was loaded at */
  version: string;
};

/**
 * Saves a child's identifiers and equality details. Refused (CONFLICT, with what they are now) if
 * someone changed them after `version` was loaded; refused (VALIDATION) for a UPN or LA child id
 * another child holds. Nothing changed: nothing written, nothing audited.
 */
export async function saveChildIdentifiers(ctx: Ctx, input: SaveIdentifiersInput): Promise<{ personId: string; changes: IdentifierChange[] }> {
  assertCan(ctx, "person:edit", "change a child's identifiers and equality details");
  const personId = parseId(input.personId, "child");
  const today = todayInEngland();
  return withTenant(ctx.tenantId, async (tx) => {
    // identifier saves in one council take turns, so two children cannot be given one UPN at the same moment
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`child-identifiers:${ctx.tenantId}`}, 0))`;
    const p = await findChild(tx, ctx, personId, true);
    const stored = valuesOf(p);
    const version = identifiersVersion(stored);
    if (version !== input.version) {
      const last = await lastChange(tx, ctx.tenantId, personId);
      const who = last ? ` (${last.by ?? "the Continuum service"}, ${new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" }).format(new Date(last.at))})` : "";
      throw new AppError(
        "CONFLICT",
        `Someone else changed ${p.firstName} ${p.lastName}'s details after you opened this page${who}, so yours were not saved. What they saved is shown below; your answers are still in the boxes. Send the form again to replace theirs with yours.`,
        undefined,
        { conflict: { values: stored, version, savedBy: last?.by ?? null, savedAt: last?.at ?? null } } satisfies IdentifiersConflict,
      );
    }
    const checked = checkChildIdentifiers(input, stored, today);
    if (!checked.ok) throw new AppError("VALIDATION", "Check the answers marked below.", Object.fromEntries(Object.entries(checked.fieldErrors).map(([k, v]) => [k, [v]])));
    const next = checked.value;
    const fieldErrors: Record<string, string[]> = {};
    if (next.upn && next.upn !== stored.upn) {
      const taken = await heldByAnother(tx, ctx, personId, "upn", next.upn, "UPN");
      if (taken) fieldErrors.upn = [taken];
    }
    if (next.laChildId && next.laChildId.toUpperCase() !== stored.laChildId?.toUpperCase()) {
      const taken = await heldByAnother(tx, ctx, personId, "laChildId", next.laChildId, "LA child id");
      if (taken) fieldErrors.laChildId = [taken];
    }
    if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", "Check the answers marked below.", fieldErrors);

    const changes = identifierChanges(stored, next);
    if (changes.length === 0) return { personId, changes };
    await tx.person.update({
      where: { tenantId_id: { tenantId: ctx.tenantId, id: personId } },
      data: {
        dateOfBirth: next.dateOfBirth ? fromIsoDate(next.dateOfBirth) : null,
        expectedDateOfBirth: next.expectedDateOfBirth ? fromIsoDate(next.expectedDateOfBirth) : null,
        sex: next.sex,
        ethnicity: next.ethnicity,
        upn: next.upn,
        laChildId: next.laChildId,
      },
    });
    await recordAudit(tx, ctx, {
      action: IDENTIFIERS_CHANGED,
      entityType: "person",
      entityId: personId,
      personId,
      details: { changes: Object.fromEntries(changes.map((c) => [c.field, { before: c.before, after: c.after }])) },
    });
    return { personId, changes };
  });
}
