// Drafts (docs/decisions/0023-drafts.md): what a practitioner is typing into a visit or the case
// summary, kept on the server a few seconds after they stop typing, so a closed tab, a crash, a flat
// battery or a lost connection loses nothing. A draft is its author's own unsent text, not part of the
// child's record: only its author reads it (every query is keyed by their user id; RLS keeps it inside
// the council), saving it is not audited, and sending the form deletes it in the same transaction as
// the save. Whoever may not send the form may not keep a draft of it either.
import "server-only";
import { z } from "zod";
import { assertCan, type Ctx } from "@/lib/auth/context";
import type { Permission } from "@/lib/auth/permissions";
import { withPlatformOperator, withTenant, type Tx } from "@/lib/db/tenant";
import { AppError, notFoundError } from "@/lib/errors";
import { parseId } from "./ids";
import { assertMayOpen } from "./restricted";

export const DRAFT_KINDS = ["VISIT", "SUMMARY"] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** The most a draft may hold, as JSON. A full visit or summary is well under half of it. */
export const DRAFT_MAX_BYTES = 50_000;
/** A draft untouched for this long is not restored, and is deleted. */
export const DRAFT_MAX_AGE_DAYS = 30;

/** A form's fields as the browser sends them: repeated names (checkboxes) as lists. */
export type DraftFields = Record<string, string | string[]>;

export type Draft = {
  kind: DraftKind;
  fields: DraftFields;
  /** the summary version the text was typed against; null for a visit */
  baseVersion: number | null;
  savedAt: string;
};

const RULES: Record<DraftKind, { permission: Permission; action: string }> = {
  VISIT: { permission: "visit:record", action: "record visits" },
  SUMMARY: { permission: "summary:edit", action: "update case summaries" },
};

/** Fields the form carries for its own bookkeeping, kept apart from what was typed (or not at all). */
const NOT_KEPT = new Set(["caseId", "baseVersion"]);

const TOO_LONG = `What you typed is too long to keep as a draft (over ${DRAFT_MAX_BYTES / 1000} kB). It is still on your screen: send it, or shorten it.`;

const fieldsSchema = z
  .record(z.string().regex(/^[A-Za-z][\w.[\]-]{0,99}$/), z.union([z.string(), z.array(z.string()).max(100)]))
  .refine((fields) => Object.keys(fields).length <= 200, TOO_LONG)
  .refine((fields) => Buffer.byteLength(JSON.stringify(fields), "utf8") <= DRAFT_MAX_BYTES, TOO_LONG);

const saveSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("VISIT"), fields: fieldsSchema, baseVersion: z.null().optional() }),
  z.object({ kind: z.literal("SUMMARY"), fields: fieldsSchema, baseVersion: z.number().int().min(0).max(999_999_999) }),
]);

function kindOf(value: unknown): DraftKind {
  if (typeof value !== "string" || !(DRAFT_KINDS as readonly string[]).includes(value)) throw notFoundError("draft");
  return value as DraftKind;
}

/** The same checks as sending the form: the role may, the record may be opened, the case exists. */
async function assertMaySend(tx: Tx, ctx: Ctx, caseId: string): Promise<{ status: "OPEN" | "CLOSED" }> {
  await assertMayOpen(tx, ctx, { caseId });
  const c = await tx.case.findFirst({ where: { tenantId: ctx.tenantId, id: caseId }, select: { status: true } });
  if (!c) throw notFoundError("case");
  return c;
}

const own = (ctx: Ctx, caseId: string, kind: DraftKind) => ({ tenantId: ctx.tenantId, userId: ctx.userId, caseId, kind });

const expiredBefore = (now = Date.now()) => new Date(now - DRAFT_MAX_AGE_DAYS * 86_400_000);

/** A visit draft whose form was already sent (its idempotency key recorded a visit) is not worth keeping. */
async function alreadySent(tx: Tx, ctx: Ctx, kind: DraftKind, fields: DraftFields): Promise<boolean> {
  const key = fields.idempotencyKey;
  if (kind !== "VISIT" || typeof key !== "string" || !/^[0-9a-f-]{36}$/i.test(key)) return false;
  return (await tx.visit.count({ where: { tenantId: ctx.tenantId, idempotencyKey: key.toLowerCase() } })) > 0;
}

/**
 * Keeps what the caller is typing into a case's visit or summary form: one draft per person, case and
 * form, replaced by each save. Answers when it was kept, or null when the form has already been sent.
 */
export async function saveDraft(
  ctx: Ctx,
  input: { caseId: string; kind: DraftKind; fields: DraftFields; baseVersion?: number | null },
): Promise<{ savedAt: string | null }> {
  const kind = kindOf(input.kind);
  assertCan(ctx, RULES[kind].permission, RULES[kind].action);
  const caseId = parseId(input.caseId, "case");
  const fields = Object.fromEntries(Object.entries((input.fields ?? {}) as object).filter(([k]) => !NOT_KEPT.has(k)));
  const parsed = saveSchema.safeParse({ kind, fields, baseVersion: input.baseVersion });
  if (!parsed.success) {
    const tooLong = parsed.error.issues.some((i) => i.message === TOO_LONG);
    throw new AppError("VALIDATION", tooLong ? TOO_LONG : "This draft could not be kept: reload the page and try again.");
  }
  const draft = parsed.data;
  // the key is compared with the visit's, which is kept in lower case
  if (typeof draft.fields.idempotencyKey === "string") draft.fields.idempotencyKey = draft.fields.idempotencyKey.toLowerCase();
  return withTenant(ctx.tenantId, async (tx) => {
    const c = await assertMaySend(tx, ctx, caseId);
    if (c.status !== "OPEN") throw new AppError("REFUSED", "This case is closed, so nothing can be recorded on it and no draft was kept.");
    if (await alreadySent(tx, ctx, kind, draft.fields)) {
      await tx.draft.deleteMany({ where: own(ctx, caseId, kind) });
      return { savedAt: null };
    }
    const values = { fields: draft.fields, baseVersion: draft.baseVersion ?? null, updatedAt: new Date() };
    const saved = await tx.draft.upsert({
      where: { tenantId_userId_caseId_kind: own(ctx, caseId, kind) },
      create: { ...own(ctx, caseId, kind), ...values },
      update: values,
      select: { updatedAt: true },
    });
    return { savedAt: saved.updatedAt.toISOString() };
  });
}

/**
 * The caller's own draft of a case's visit or summary, to restore into the form; null when there is
 * none. One older than 30 days, or of a visit already sent, is deleted instead.
 */
export async function getDraft(ctx: Ctx, caseIdInput: string, kindInput: DraftKind): Promise<Draft | null> {
  const kind = kindOf(kindInput);
  assertCan(ctx, RULES[kind].permission, RULES[kind].action);
  const caseId = parseId(caseIdInput, "case");
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMaySend(tx, ctx, caseId);
    const row = await tx.draft.findFirst({ where: own(ctx, caseId, kind), select: { fields: true, baseVersion: true, updatedAt: true } });
    if (!row) return null;
    const fields = row.fields as DraftFields;
    if (row.updatedAt < expiredBefore() || (await alreadySent(tx, ctx, kind, fields))) {
      await tx.draft.deleteMany({ where: own(ctx, caseId, kind) });
      return null;
    }
    return { kind, fields, baseVersion: row.baseVersion, savedAt: row.updatedAt.toISOString() };
  });
}

/** Throws away the caller's own draft of a case's visit or summary (there may be none). */
export async function discardDraft(ctx: Ctx, caseIdInput: string, kindInput: DraftKind): Promise<void> {
  const kind = kindOf(kindInput);
  assertCan(ctx, RULES[kind].permission, RULES[kind].action);
  const caseId = parseId(caseIdInput, "case");
  await withTenant(ctx.tenantId, async (tx) => {
    await assertMaySend(tx, ctx, caseId);
    await tx.draft.deleteMany({ where: own(ctx, caseId, kind) });
  });
}

/**
 * Inside the transaction that saves the form: the sender's draft of it is gone with the save, or stays
 * if the save is refused. A visit's draft goes only if it is the draft of this form (its idempotency
 * key), so a different visit being typed in another tab is kept.
 */
export async function deleteSentDraft(tx: Tx, ctx: Ctx, caseId: string, sent: { kind: "VISIT"; idempotencyKey: string } | { kind: "SUMMARY" }): Promise<void> {
  await tx.draft.deleteMany({
    where: { ...own(ctx, caseId, sent.kind), ...(sent.kind === "VISIT" ? { fields: { path: ["idempotencyKey"], equals: sent.idempotencyKey } } : {}) },
  });
}

/** The nightly job (scripts/kpis-refresh.ts): every council's drafts untouched for 30 days are deleted. */
export async function deleteExpiredDrafts(log: (line: string) => void = () => {}, now = Date.now()): Promise<number> {
  const tenants = await withPlatformOperator((tx) => tx.tenant.findMany({ select: { id: true, name: true } }));
  let total = 0;
  for (const t of tenants) {
    const { count } = await withTenant(t.id, (tx) => tx.draft.deleteMany({ where: { tenantId: t.id, updatedAt: { lt: expiredBefore(now) } } }));
    if (count) log(`${t.name}: ${count} draft${count === 1 ? "" : "s"} older than ${DRAFT_MAX_AGE_DAYS} days deleted`);
    total += count;
  }
  return total;
}
