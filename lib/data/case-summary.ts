// The case summary (domain.md "Recording"): one living document per case, kept as versions. Every save
// is a new row (tenant, case, version); the primary key makes sure two saves based on the same version
// cannot both win, and the loser is shown the newer text beside their own instead of overwriting it.
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { decideSave, differences, isSafetyScale, normaliseSummary, SECTION_MAX_LENGTH, SUMMARY_SECTIONS, type SummaryText } from "@/lib/domain/case-summary";
import { AppError, notFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { deleteSentDraft } from "./drafts";
import { parseId } from "./ids";
import { assertMayOpen } from "./restricted";

export type SummaryVersion = SummaryText & {
  version: number;
  savedBy: string;
  savedAt: string;
};

export type CaseHeader = { caseId: string; reference: string; familyName: string; status: "OPEN" | "CLOSED" };

const versionSelect = {
  version: true,
  purpose: true,
  worries: true,
  workingWell: true,
  nextSteps: true,
  safetyScale: true,
  savedAt: true,
  savedBy: { select: { name: true } },
} as const;

type VersionRow = { version: number; purpose: string; worries: string; workingWell: string; nextSteps: string; safetyScale: number; savedAt: Date; savedBy: { name: string } };

function toView(row: VersionRow): SummaryVersion {
  return {
    version: row.version,
    purpose: row.purpose,
    worries: row.worries,
    workingWell: row.workingWell,
    nextSteps: row.nextSteps,
    safetyScale: row.safetyScale,
    savedBy: row.savedBy.name,
    savedAt: row.savedAt.toISOString(),
  };
}

async function findCase(tx: Tx, ctx: Ctx, caseId: string): Promise<CaseHeader> {
  await assertMayOpen(tx, ctx, { caseId });
  const c = await tx.case.findFirst({ where: { tenantId: ctx.tenantId, id: caseId }, select: { id: true, reference: true, status: true, family: { select: { name: true } } } });
  if (!c) throw notFoundError("case");
  return { caseId: c.id, reference: c.reference, familyName: c.family.name, status: c.status };
}

function latestVersion(tx: Tx, ctx: Ctx, caseId: string) {
  return tx.caseSummaryVersion.findFirst({ where: { tenantId: ctx.tenantId, caseId }, orderBy: { version: "desc" }, select: versionSelect });
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * The newest version of a case's summary, or null. For the case page, whose view is itself audited
 * (getCaseForView), so it is not audited again here.
 */
export async function getCurrentCaseSummary(ctx: Ctx, caseIdInput: string): Promise<{ current: SummaryVersion | null }> {
  assertCan(ctx, "case:view", "see a case's summary");
  const caseId = parseId(caseIdInput, "case");
  return withTenant(ctx.tenantId, async (tx) => {
    await findCase(tx, ctx, caseId);
    const row = await latestVersion(tx, ctx, caseId);
    return { current: row ? toView(row) : null };
  });
}

/** The summary form: the case and the newest version to build on. */
export async function getCaseSummaryForEdit(ctx: Ctx, caseIdInput: string): Promise<CaseHeader & { current: SummaryVersion | null }> {
  assertCan(ctx, "summary:edit", "update case summaries");
  const caseId = parseId(caseIdInput, "case");
  return withTenant(ctx.tenantId, async (tx) => {
    const header = await findCase(tx, ctx, caseId);
    const row = await latestVersion(tx, ctx, caseId);
    await recordAudit(tx, ctx, { action: "summary.viewed", entityType: "case_summary", entityId: caseId, caseId, details: { version: row?.version ?? null, for: "edit" } });
    return { ...header, current: row ? toView(row) : null };
  });
}

export type SummaryHistoryRow = { version: number; savedBy: string; savedAt: string; safetyScale: number };

/** Every version of a case's summary, newest first. Looking at the history is audited. */
export async function listCaseSummaryVersions(ctx: Ctx, caseIdInput: string): Promise<CaseHeader & { versions: SummaryHistoryRow[] }> {
  assertCan(ctx, "case:view", "see a case summary's history");
  const caseId = parseId(caseIdInput, "case");
  return withTenant(ctx.tenantId, async (tx) => {
    const header = await findCase(tx, ctx, caseId);
    const rows = await tx.caseSummaryVersion.findMany({
      where: { tenantId: ctx.tenantId, caseId },
      orderBy: { version: "desc" },
      select: { version: true, savedAt: true, safetyScale: true, savedBy: { select: { name: true } } },
    });
    await recordAudit(tx, ctx, { action: "summary.history_viewed", entityType: "case_summary", entityId: caseId, caseId, details: { versions: rows.length } });
    return { ...header, versions: rows.map((r) => ({ version: r.version, savedBy: r.savedBy.name, savedAt: r.savedAt.toISOString(), safetyScale: r.safetyScale })) };
  });
}

/** One version of a case's summary, and the newest version number. Audited. */
export async function getCaseSummaryVersion(ctx: Ctx, caseIdInput: string, versionInput: string | number): Promise<CaseHeader & { summary: SummaryVersion; latestVersion: number }> {
  assertCan(ctx, "case:view", "see a case's summary");
  const caseId = parseId(caseIdInput, "case");
  const version = typeof versionInput === "number" ? versionInput : /^[1-9]\d{0,8}$/.test(versionInput) ? Number(versionInput) : NaN;
  if (!Number.isInteger(version) || version < 1) throw notFoundError("version of the case summary");
  return withTenant(ctx.tenantId, async (tx) => {
    const header = await findCase(tx, ctx, caseId);
    const row = await tx.caseSummaryVersion.findFirst({ where: { tenantId: ctx.tenantId, caseId, version }, select: versionSelect });
    if (!row) throw notFoundError("version of the case summary");
    const latest = await latestVersion(tx, ctx, caseId);
    await recordAudit(tx, ctx, { action: "summary.viewed", entityType: "case_summary", entityId: caseId, caseId, details: { version } });
    return { ...header, summary: toView(row), latestVersion: latest?.version ?? version };
  });
}

// ---------------------------------------------------------------------------------------------
// Saving

export type SaveSummaryInput = SummaryText & {
  caseId: string;
  /** the version the person started from; 0 when the case had no summary */
  baseVersion: number;
};

/** What a refused save carries back: the newer saved version, and the text that was not saved. */
export type SummaryConflict = { conflict: SummaryVersion; yours: SummaryText };

const SECTION_FIELDS = SUMMARY_SECTIONS.map((s) => s.key);

function checkSummary(input: SaveSummaryInput): SummaryText {
  const text = normaliseSummary({
    purpose: String(input.purpose ?? ""),
    worries: String(input.worries ?? ""),
    workingWell: String(input.workingWell ?? ""),
    nextSteps: String(input.nextSteps ?? ""),
    safetyScale: input.safetyScale,
  });
  const fieldErrors: Record<string, string[]> = {};
  for (const section of SUMMARY_SECTIONS) {
    const value = text[section.key];
    if (!value) fieldErrors[section.key] = [`Enter ${section.what}`];
    else if (value.length > SECTION_MAX_LENGTH) fieldErrors[section.key] = [`${section.label} must be ${SECTION_MAX_LENGTH} characters or fewer`];
  }
  if (!isSafetyScale(text.safetyScale)) fieldErrors.safetyScale = ["Choose a safety scale from 0 to 10"];
  const fields = [...SECTION_FIELDS, "safetyScale"].filter((f) => fieldErrors[f]);
  if (fields.length) throw new AppError("VALIDATION", "Check the answers marked below.", fieldErrors);
  return text;
}

function conflictError(newer: SummaryVersion, yours: SummaryText): AppError {
  const details: SummaryConflict = { conflict: newer, yours };
  return new AppError(
    "CONFLICT",
    `${newer.savedBy} saved a newer version of this summary (version ${newer.version}) while you were editing, so yours was not saved and nothing was overwritten. Your text is still in the boxes below, next to theirs: bring in what you need from theirs, then save again.`,
    undefined,
    details,
  );
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

/**
 * Saves a new version of a case's summary on top of `baseVersion`. Refused with CONFLICT, and nothing
 * written, if a newer version was saved meanwhile (even at the same instant).
 */
export async function saveCaseSummary(ctx: Ctx, input: SaveSummaryInput): Promise<{ caseId: string; version: number }> {
  assertCan(ctx, "summary:edit", "update case summaries");
  const caseId = parseId(input.caseId, "case");
  if (!Number.isInteger(input.baseVersion) || input.baseVersion < 0) throw new AppError("VALIDATION", "This form is out of date: reload the page and try again.");
  const text = checkSummary(input);

  try {
    return await withTenant(ctx.tenantId, async (tx) => {
      const header = await findCase(tx, ctx, caseId);
      if (header.status !== "OPEN") throw new AppError("REFUSED", "This case is closed, so its summary can no longer be changed.");
      const latest = await latestVersion(tx, ctx, caseId);
      const decision = decideSave(input.baseVersion, latest, text);
      if (decision.kind === "conflict") throw conflictError(toView(latest!), text);
      if (decision.kind === "unchanged") {
        throw new AppError("VALIDATION", `Nothing has changed since version ${latest!.version}. Change at least one section or the safety scale before saving, or go back to the case.`);
      }
      await tx.caseSummaryVersion.create({
        data: { tenantId: ctx.tenantId, caseId, version: decision.version, ...text, savedById: ctx.userId },
        select: { version: true },
      });
      await recordAudit(tx, ctx, {
        action: "summary.saved",
        entityType: "case_summary",
        entityId: caseId,
        caseId,
        details: { version: decision.version, basedOn: input.baseVersion, safetyScale: text.safetyScale, changed: latest ? differences(text, latest) : "first version" },
      });
      // the sender's draft of the summary goes with the save
      await deleteSentDraft(tx, ctx, caseId, { kind: "SUMMARY" });
      return { caseId, version: decision.version };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another save of the same next version committed first: theirs stands, this one is refused.
    const newer = await withTenant(ctx.tenantId, (tx) => latestVersion(tx, ctx, caseId));
    if (!newer) throw error;
    throw conflictError(toView(newer), text);
  }
}
