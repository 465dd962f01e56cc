// Merging two records of the same person (docs/decisions/0011-search-and-merge.md). Everything that
// points at the duplicate — contacts, referrals, episodes, visits, case and family membership,
// relationships, and whatever later tables reference a person — moves to the surviving record in one
// transaction; the duplicate stays, marked as merged, so old links redirect and the merge can be
// reviewed. The audit log is append-only, so its history is not rewritten: views of the log follow
// the merge instead.
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { inOrder } from "@/lib/db/in-order";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { ageOn, todayInEngland, toIsoDate } from "@/lib/domain/dates";
import { findMergeConflicts, mergeConflictMessage, mergeNames, type HeldRecords, type HeldSpan, type MergeConflict, type MergeConflictKind, type MergeRefusal } from "@/lib/domain/merge-conflicts";
import { AppError, notFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { findLikelyDuplicatesInTx } from "./duplicates";
import { parseId } from "./ids";
import { assertMayOpen, refusedPeople } from "./restricted";

type Reference = { table: string; column: string; uniques: string[][] };

/** Every foreign key into person (tenant_id, id), found from the catalog so new tables are covered too. */
async function personReferences(tx: Tx): Promise<Reference[]> {
  const fks = await tx.$queryRaw<{ table: string; column: string }[]>`
    SELECT cl.relname::text AS table, a.attname::text AS column
    FROM pg_constraint con
    JOIN pg_class cl ON cl.oid = con.conrelid
    JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[2]
    WHERE con.contype = 'f' AND con.confrelid = 'person'::regclass AND array_length(con.conkey, 1) = 2`;
  const uniques = await tx.$queryRaw<{ table: string; columns: string[] }[]>`
    SELECT cl.relname::text AS table,
           array(SELECT att.attname FROM unnest(ix.indkey) k(n) JOIN pg_attribute att ON att.attrelid = ix.indrelid AND att.attnum = k.n)::text[] AS columns
    FROM pg_index ix JOIN pg_class cl ON cl.oid = ix.indrelid JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = 'public'
    WHERE ix.indisunique AND ix.indpred IS NULL AND ix.indexprs IS NULL`;
  return fks
    .filter((fk) => !(fk.table === "person" && fk.column === "merged_into_id") && fk.table !== "person_merge")
    .map((fk) => ({ ...fk, uniques: uniques.filter((u) => u.table === fk.table && u.columns.includes(fk.column)).map((u) => u.columns) }));
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * What a record holds that a child can have only one of at a time (lib/domain/merge-conflicts.ts):
 * plans, periods of care and their episodes, referrals. One child's rows: a handful.
 */
async function heldRecords(tx: Tx, tenantId: string, personId: string): Promise<HeldRecords> {
  const rows = await tx.$queryRaw<{ kind: MergeConflictKind; id: string; startDate: string; endDate: string | null; caseId: string | null; caseReference: string | null; carePeriodId: string | null }[]>`
    SELECT h.kind, h.id, to_char(h.start_date, 'YYYY-MM-DD') AS "startDate", to_char(h.end_date, 'YYYY-MM-DD') AS "endDate",
           h.case_id AS "caseId", c.reference AS "caseReference", h.care_period_id AS "carePeriodId"
    FROM (
      SELECT 'CP_PLAN' AS kind, id, start_date, end_date, case_id, NULL::uuid AS care_period_id FROM cp_plan WHERE tenant_id = ${tenantId}::uuid AND person_id = ${personId}::uuid
      UNION ALL SELECT 'CIN_PLAN', id, start_date, end_date, case_id, NULL FROM cin_plan WHERE tenant_id = ${tenantId}::uuid AND person_id = ${personId}::uuid
      UNION ALL SELECT 'CARE_PERIOD', id, start_date, end_date, case_id, NULL FROM care_period WHERE tenant_id = ${tenantId}::uuid AND person_id = ${personId}::uuid
      UNION ALL SELECT 'CARE_EPISODE', id, start_date, end_date, NULL, care_period_id FROM care_episode WHERE tenant_id = ${tenantId}::uuid AND person_id = ${personId}::uuid
      UNION ALL SELECT 'CIN_EPISODE', id, referral_date, closure_date, case_id, NULL FROM cin_episode WHERE tenant_id = ${tenantId}::uuid AND person_id = ${personId}::uuid
    ) h
    LEFT JOIN case_file c ON c.tenant_id = ${tenantId}::uuid AND c.id = h.case_id
    ORDER BY h.start_date, h.id`;
  const held: Partial<Record<MergeConflictKind, HeldSpan[]>> = {};
  for (const { kind, ...span } of rows) (held[kind] ??= []).push(span);
  return held;
}

/** The overlaps that stop `mergedId` being merged into `survivorId` (none: they can be merged). */
async function conflictsBetween(tx: Tx, tenantId: string, survivorId: string, mergedId: string): Promise<MergeConflict[]> {
  return findMergeConflicts(await heldRecords(tx, tenantId, survivorId), await heldRecords(tx, tenantId, mergedId));
}

/** A constraint refused a row the survivor already has for those dates: one the checks above do not know yet. */
const isExclusionViolation = (error: unknown) => {
  const e = error as { code?: string; meta?: { code?: string }; message?: string };
  return e.code === "P2004" || e.meta?.code === "23P01" || /23P01|exclusion constraint/.test(String(e.message));
};

export type MergePreview = {
  person: { id: string; name: string; dateOfBirth: string | null; age: number | null; laChildId: string | null; upn: string | null; postcode: string | null };
  counts: Record<string, number>;
};

async function describePerson(tx: Tx, tenantId: string, id: string): Promise<MergePreview> {
  const p = await tx.person.findFirst({
    where: { tenantId, id },
    select: { id: true, firstName: true, lastName: true, dateOfBirth: true, laChildId: true, upn: true, postcode: true, mergedIntoId: true },
  });
  if (!p) throw notFoundError("person");
  const [cases, contacts, visits, episodes] = await inOrder([
    () => tx.caseChild.count({ where: { tenantId, personId: id } }),
    () => tx.contactChild.count({ where: { tenantId, personId: id } }),
    () => tx.visitChild.count({ where: { tenantId, personId: id } }),
    () => tx.cinEpisode.count({ where: { tenantId, personId: id } }),
  ]);
  const dob = p.dateOfBirth ? toIsoDate(p.dateOfBirth) : null;
  return {
    person: { id: p.id, name: `${p.firstName} ${p.lastName}`, dateOfBirth: dob, age: dob ? ageOn(dob, todayInEngland()) : null, laChildId: p.laChildId, upn: p.upn, postcode: p.postcode },
    counts: { cases, contacts, visits, referrals: episodes },
  };
}

export type MergePage = {
  survivor: MergePreview;
  candidates: (MergePreview & { reasons: string[] })[];
  other: MergePreview | null;
  /** why the chosen record cannot be merged into this one yet (empty: it can) */
  conflicts: MergeConflict[];
  history: { id: string; mergedName: string; mergedId: string; reason: string; by: string; at: Date }[];
};

/** The merge page: the record kept, likely duplicates of it, and the one chosen (if any). */
export async function getMergePage(ctx: Ctx, survivorInput: string, otherInput?: string): Promise<MergePage> {
  assertCan(ctx, "person:merge", "merge records");
  const survivorId = parseId(survivorInput, "person");
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { personId: survivorId });
    const survivor = await describePerson(tx, ctx.tenantId, survivorId);
    const base = await tx.person.findFirstOrThrow({ where: { tenantId: ctx.tenantId, id: survivorId }, select: { firstName: true, lastName: true, dateOfBirth: true, upn: true, laChildId: true } });
    const likely = (
      await findLikelyDuplicatesInTx(tx, ctx.tenantId, {
        firstName: base.firstName,
        lastName: base.lastName,
        dateOfBirth: base.dateOfBirth ? toIsoDate(base.dateOfBirth) : null,
        upn: base.upn,
        laChildId: base.laChildId,
      })
    ).filter((d) => d.id !== survivorId);
    // a likely duplicate in a restricted family the manager may not open is not offered
    const hidden = await refusedPeople(tx, ctx, likely.map((d) => d.id));
    const candidates = [];
    for (const d of likely.filter((d) => !hidden.has(d.id))) candidates.push({ ...(await describePerson(tx, ctx.tenantId, d.id)), reasons: d.reasons });
    const otherId = otherInput ? parseId(otherInput, "person") : null;
    if (otherId) await assertMayOpen(tx, ctx, { personId: otherId });
    const other = otherId ? await describePerson(tx, ctx.tenantId, otherId) : null;
    // shown before the manager gives a reason, so the refusal at submit is never a surprise
    const conflicts = other ? await conflictsBetween(tx, ctx.tenantId, survivorId, other.person.id) : [];
    // the page shows each record's identifiers: a view of every one of them
    for (const person of [survivor, ...candidates, ...(other ? [other] : [])]) {
      await recordAudit(tx, ctx, { action: "person.viewed", entityType: "person", entityId: person.person.id, personId: person.person.id, details: { for: "merge records" } });
    }
    const history = await tx.personMerge.findMany({
      where: { tenantId: ctx.tenantId, survivorId },
      select: { id: true, reason: true, mergedAt: true, mergedId: true, merged: { select: { firstName: true, lastName: true } }, mergedBy: { select: { name: true } } },
      orderBy: { mergedAt: "desc" },
    });
    return {
      survivor,
      candidates,
      other,
      conflicts,
      history: history.map((h) => ({ id: h.id, mergedId: h.mergedId, mergedName: `${h.merged.firstName} ${h.merged.lastName}`, reason: h.reason, by: h.mergedBy.name, at: h.mergedAt })),
    };
  });
}

export async function mergePeople(ctx: Ctx, input: { survivorId: string; mergedId: string; reason: string }): Promise<{ moved: Record<string, number> }> {
  assertCan(ctx, "person:merge", "merge records");
  const survivorId = parseId(input.survivorId, "person");
  const mergedId = parseId(input.mergedId, "person");
  if (survivorId === mergedId) throw new AppError("VALIDATION", "Choose two different records to merge.", { mergedId: ["Choose a different record"] });
  if (!input.reason.trim()) throw new AppError("VALIDATION", "Say why these are the same person.", { reason: ["Say why these are the same person"] });
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { personId: survivorId });
    await assertMayOpen(tx, ctx, { personId: mergedId });
    const t = ctx.tenantId;
    const both = await tx.$queryRaw<{ id: string; kind: string; merged_into_id: string | null; upn: string | null; la_child_id: string | null; name: string }[]>`
      SELECT id, kind::text, merged_into_id, upn, la_child_id, first_name || ' ' || last_name AS name
      FROM person WHERE tenant_id = ${t}::uuid AND id IN (${survivorId}::uuid, ${mergedId}::uuid) FOR UPDATE`;
    const survivor = both.find((p) => p.id === survivorId);
    const merged = both.find((p) => p.id === mergedId);
    if (!survivor || !merged) throw notFoundError("person");
    if (survivor.merged_into_id || merged.merged_into_id) throw new AppError("REFUSED", "One of these records has already been merged into another. Open the record it was merged into.");
    if (survivor.kind !== merged.kind) throw new AppError("REFUSED", "A child's record cannot be merged with an adult's.");

    // Plans, care and referrals of both for the same dates would give one child two at once: refused
    // before anything is written, saying which overlap and what to do first. A new row for either
    // person waits for the lock taken above (its foreign key check), so none can start between this
    // check and the move.
    const conflicts = await conflictsBetween(tx, t, survivorId, mergedId);
    if (conflicts.length > 0) {
      const refusal: MergeRefusal = { conflicts, kept: { id: survivorId, name: survivor.name }, merged: { id: mergedId, name: merged.name } };
      throw new AppError("REFUSED", mergeConflictMessage(conflicts, mergeNames(survivor.name, merged.name)), undefined, refusal);
    }

    // Relationships between the two would become a relationship with oneself.
    await tx.$executeRaw`DELETE FROM person_relationship WHERE tenant_id = ${t}::uuid
      AND ((person_id = ${survivorId}::uuid AND related_person_id = ${mergedId}::uuid) OR (person_id = ${mergedId}::uuid AND related_person_id = ${survivorId}::uuid))`;

    const moved: Record<string, number> = {};
    try {
      for (const ref of await personReferences(tx)) {
        const table = ident(ref.table);
        const column = ident(ref.column);
        // Where the survivor already has the same row (both children on one visit, in one case…), the duplicate's copy goes.
        for (const unique of ref.uniques) {
          const others = unique.filter((c) => c !== ref.column && c !== "tenant_id");
          if (others.length === 0) continue;
          const same = others.map((c) => `b.${ident(c)} = a.${ident(c)}`).join(" AND ");
          await tx.$executeRawUnsafe(
            `DELETE FROM ${table} a WHERE a.tenant_id = $1::uuid AND a.${column} = $2::uuid
               AND EXISTS (SELECT 1 FROM ${table} b WHERE b.tenant_id = a.tenant_id AND b.${column} = $3::uuid AND ${same})`,
            t,
            mergedId,
            survivorId,
          );
        }
        const count = await tx.$executeRawUnsafe(`UPDATE ${table} SET ${column} = $3::uuid WHERE tenant_id = $1::uuid AND ${column} = $2::uuid`, t, mergedId, survivorId);
        if (count > 0) moved[`${ref.table}.${ref.column}`] = count;
      }
    } catch (error) {
      // a constraint the check above does not know yet (a table added later): refused as plainly as it can be
      if (!isExclusionViolation(error)) throw error;
      throw new AppError(
        "REFUSED",
        `${merged.name}'s record cannot be merged into ${survivor.name}'s yet, and nothing has been changed: both hold a record for the same dates that a child can have only one of at a time. Open both records, end or correct the overlapping one (usually on ${merged.name}'s record), then merge again.`,
      );
    }

    // Identifiers the survivor lacks come across; the duplicate keeps none (they are unique).
    await tx.$executeRaw`UPDATE person SET la_child_id = NULL, upn = NULL, merged_into_id = ${survivorId}::uuid WHERE tenant_id = ${t}::uuid AND id = ${mergedId}::uuid`;
    await tx.$executeRaw`UPDATE person SET upn = coalesce(upn, ${merged.upn}), la_child_id = coalesce(la_child_id, ${merged.la_child_id}) WHERE tenant_id = ${t}::uuid AND id = ${survivorId}::uuid`;

    await tx.personMerge.create({ data: { tenantId: t, survivorId, mergedId, reason: input.reason.trim(), mergedById: ctx.userId, moved } });
    await recordAudit(tx, ctx, { action: "person.merged", entityType: "person", entityId: survivorId, personId: survivorId, details: { mergedId, reason: input.reason.trim(), moved } });
    await recordAudit(tx, ctx, { action: "person.merged_away", entityType: "person", entityId: mergedId, personId: mergedId, details: { survivorId } });
    return { moved };
  });
}

/** Where a merged record's links should now go (null when the record was not merged). */
export async function mergedInto(ctx: Ctx, personInput: string): Promise<string | null> {
  assertCan(ctx, "case:view", "open people's records");
  const id = parseId(personInput, "person");
  return withTenant(ctx.tenantId, async (tx) => {
    let current = await tx.person.findFirst({ where: { tenantId: ctx.tenantId, id }, select: { mergedIntoId: true } });
    let target: string | null = null;
    // follow a chain of merges (A into B, later B into C)
    for (let hops = 0; current?.mergedIntoId && hops < 10; hops++) {
      target = current.mergedIntoId;
      current = await tx.person.findFirst({ where: { tenantId: ctx.tenantId, id: target }, select: { mergedIntoId: true } });
    }
    return target;
  });
}
