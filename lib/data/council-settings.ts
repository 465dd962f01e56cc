// The Council settings page: a tenant administrator reads and changes the council's settings (the
// JSON document on its tenant row, lib/domain/tenant-settings.ts). A save carries the version it was
// loaded at and is refused if someone saved in between; every save is audited with what changed; a
// change the KPIs are worked out with marks the council's snapshots stale, and a change to
// benchmarking reaches the partner councils at once (docs/decisions/0016-kpi-snapshots.md).
import "server-only";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { CASE_HOLDING_ROLES, ROLES, type Role } from "@/lib/domain/roles";
import { parseTenantSettings, tenantSettingsSchema, type TenantSettings } from "@/lib/domain/tenant-settings";
import { affectsBenchmarking, affectsKpis, describeChange, settingsChanges, type SettingChange } from "@/lib/domain/tenant-settings-form";
import { AppError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { markSnapshotsStale, republishBenchmarks } from "./kpis";

export const SETTINGS_SAVED = "tenant.settings_saved";

export type CouncilSettings = {
  settings: TenantSettings;
  /** the version loaded: a SHA-256 of the stored document, sent back with a save */
  version: string;
  /** the council's DfE code, which partner councils name it by */
  laCode: string;
};

/** The stored document and its version, read (and locked, for a save) inside the tenant's transaction. */
async function storedSettings(tx: Tx, tenantId: string, lock: boolean): Promise<{ settings: TenantSettings; version: string }> {
  const rows = lock
    ? await tx.$queryRaw<{ settings: unknown; version: string }[]>`
        SELECT settings, encode(sha256(convert_to(settings::text, 'UTF8')), 'hex') AS version FROM tenant WHERE tenant_id = ${tenantId}::uuid FOR UPDATE`
    : await tx.$queryRaw<{ settings: unknown; version: string }[]>`
        SELECT settings, encode(sha256(convert_to(settings::text, 'UTF8')), 'hex') AS version FROM tenant WHERE tenant_id = ${tenantId}::uuid`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "This council was not found. Sign in again.");
  return { settings: parseTenantSettings(row.settings), version: row.version };
}

/**
 * Who saved last, and when: only asked after a refused save, when that save is among the newest
 * events (the audit log has no index on the action, so a council that never saved would be read
 * through).
 */
async function lastSave(tx: Tx, tenantId: string): Promise<{ by: string; at: Date } | null> {
  const event = await tx.auditEvent.findFirst({ where: { tenantId, action: SETTINGS_SAVED }, orderBy: [{ at: "desc" }, { id: "desc" }], select: { actorId: true, at: true } });
  if (!event) return null;
  const actor = event.actorId ? await tx.user.findFirst({ where: { tenantId, id: event.actorId }, select: { name: true } }) : null;
  return { by: actor?.name ?? "the Continuum service", at: event.at };
}

export async function getCouncilSettings(ctx: Ctx): Promise<CouncilSettings> {
  assertCan(ctx, "admin:settings", "change the council's settings");
  return withTenant(ctx.tenantId, async (tx) => ({
    ...(await storedSettings(tx, ctx.tenantId, false)),
    laCode: (await tx.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { laCode: true } })).laCode,
  }));
}

export type SaveSettingsInput = {
  /** the version the form was loaded at */
  version: string;
  settings: TenantSettings;
  /** the settings the form was loaded with (to say what someone else changed), if sent */
  loaded?: TenantSettings | null;
};

/**
 * Saves the council's settings. Refused, saying what changed, if someone saved since `version` was
 * loaded. Roles the page does not show keep their stored caps. Returns what changed (nothing: nothing
 * is written, but the save is still audited).
 */
export async function saveCouncilSettings(ctx: Ctx, input: SaveSettingsInput): Promise<{ changes: SettingChange[] }> {
  assertCan(ctx, "admin:settings", "change the council's settings");
  const proposed = tenantSettingsSchema.safeParse(input.settings);
  if (!proposed.success) throw new AppError("VALIDATION", "Those settings are not valid. Check the answers marked below.");
  return withTenant(ctx.tenantId, async (tx) => {
    const stored = await storedSettings(tx, ctx.tenantId, true);
    if (stored.version !== input.version) {
      const theirs = input.loaded ? settingsChanges(input.loaded, stored.settings) : [];
      const last = await lastSave(tx, ctx.tenantId);
      const who = last ? ` (${last.by}, ${new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" }).format(last.at)})` : "";
      throw new AppError(
        "CONFLICT",
        `Someone else saved the council's settings after you opened this page${who}, so yours were not saved. ` +
          (theirs.length ? `They changed ${theirs.map(describeChange).join("; ")}. ` : "") +
          "Reload the page to see the settings as they are now, then make your changes again.",
        undefined,
        { changes: theirs },
      );
    }
    const { laCode } = await tx.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { laCode: true } });
    if (proposed.data.benchmarking.partners.includes(laCode)) {
      const message = `${laCode} is this council's own LA code: enter the codes of the partner councils only`;
      throw new AppError("VALIDATION", "Those settings are not valid. Check the answers marked below.", { "benchmarking.partners": [message] });
    }
    const next: TenantSettings = {
      ...proposed.data,
      caseload: {
        ...proposed.data.caseload,
        capsByRole: Object.fromEntries(ROLES.map((r) => [r, CASE_HOLDING_ROLES.includes(r) ? proposed.data.caseload.capsByRole[r] : stored.settings.caseload.capsByRole[r]])) as Record<Role, number | null>,
      },
    };
    const changes = settingsChanges(stored.settings, next);
    if (changes.length > 0) {
      await tx.tenant.update({ where: { id: ctx.tenantId }, data: { settings: next as object } });
      if (affectsKpis(changes)) await markSnapshotsStale(tx, ctx.tenantId);
      if (affectsBenchmarking(changes)) await republishBenchmarks(tx, ctx.tenantId);
    }
    await recordAudit(tx, ctx, {
      action: SETTINGS_SAVED,
      entityType: "tenant",
      entityId: ctx.tenantId,
      details: { changes: Object.fromEntries(changes.map((c) => [c.path, { before: c.before, after: c.after }])) },
    });
    return { changes };
  });
}
