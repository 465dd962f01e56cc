// The Council settings page's data layer: a tenant administrator changes the council's settings,
// each save audited with what changed; values the schema refuses never reach the database; a save
// made on settings someone else has since changed is refused, saying what they changed; no other role
// and no other council can read or change them; the KPIs are worked out again after a change they
// depend on, and opting out of benchmarking takes the council's figures from its partners at once.
import { describe, expect, it } from "vitest";
import { getCouncilSettings, saveCouncilSettings, SETTINGS_SAVED } from "../../lib/data/council-settings";
import { getBenchmarking, getBoroughDashboard, refreshBoroughDashboard } from "../../lib/data/kpis";
import { withTenant } from "../../lib/db/tenant";
import { ROLES } from "../../lib/domain/roles";
import { parseTenantSettings, type TenantSettings } from "../../lib/domain/tenant-settings";
import { settingsFormValues, settingsFromForm } from "../../lib/domain/tenant-settings-form";
import { createTenant, createUser, ctxFor } from "../support/factories";

const FY = { kind: "fy" as const, year: 2026 };

async function councilWithAdmin(settings: Record<string, unknown> = {}, name?: string) {
  const tenant = await createTenant({ settings, name });
  const admin = await createUser(tenant.id, { role: "TENANT_ADMIN" });
  return { tenant, admin, ctx: ctxFor(admin, tenant.name) };
}

const stored = (tenantId: string) => withTenant(tenantId, async (tx) => (await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { settings: true } })).settings);

const audits = (tenantId: string) =>
  withTenant(tenantId, (tx) => tx.auditEvent.findMany({ where: { tenantId, action: SETTINGS_SAVED }, orderBy: { id: "asc" }, select: { actorId: true, entityId: true, details: true } }));

const withChange = (s: TenantSettings, change: (s: TenantSettings) => void): TenantSettings => {
  const copy = structuredClone(s);
  change(copy);
  return copy;
};

describe("council settings", () => {
  it("an administrator saves a change: stored, read back, a new version, and audited with the values before and after", async () => {
    const { tenant, admin, ctx } = await councilWithAdmin();
    const loaded = await getCouncilSettings(ctx);
    expect(loaded.settings).toEqual(parseTenantSettings({}));

    const next = withChange(loaded.settings, (s) => {
      s.caseload.capsByRole.CLINICIAN = 11;
      s.placements.ifaSavingPerWeek = 650;
    });
    const { changes } = await saveCouncilSettings(ctx, { version: loaded.version, settings: next });
    expect(changes.map((c) => c.path)).toEqual(["caseload.capsByRole.CLINICIAN", "placements.ifaSavingPerWeek"]);

    const after = await getCouncilSettings(ctx);
    expect(after.settings.caseload.capsByRole.CLINICIAN).toBe(11);
    expect(after.settings.placements.ifaSavingPerWeek).toBe(650);
    expect(after.version).not.toBe(loaded.version);
    expect(parseTenantSettings(await stored(tenant.id))).toEqual(next);

    expect(await audits(tenant.id)).toEqual([
      {
        actorId: admin.id,
        entityId: tenant.id,
        details: { changes: { "caseload.capsByRole.CLINICIAN": { before: 12, after: 11 }, "placements.ifaSavingPerWeek": { before: 500, after: 650 } } },
      },
    ]);

    // a save that changes nothing writes nothing (the version stays) but is still audited
    await saveCouncilSettings(ctx, { version: after.version, settings: after.settings });
    expect((await getCouncilSettings(ctx)).version).toBe(after.version);
    expect((await audits(tenant.id)).at(-1)).toMatchObject({ actorId: admin.id, details: { changes: {} } });
  });

  it("keeps the stored caps of roles the page does not show", async () => {
    const { tenant, ctx } = await councilWithAdmin({ caseload: { capsByRole: { TEAM_MANAGER: 5 } } });
    const loaded = await getCouncilSettings(ctx);
    const next = withChange(loaded.settings, (s) => {
      s.caseload.capsByRole.TEAM_MANAGER = null;
      s.drift.amberFraction = 0.5;
    });
    await saveCouncilSettings(ctx, { version: loaded.version, settings: next });
    expect(parseTenantSettings(await stored(tenant.id)).caseload.capsByRole.TEAM_MANAGER).toBe(5);
  });

  it("refuses values the schema refuses, naming each field; nothing is stored or audited", async () => {
    const { tenant, ctx } = await councilWithAdmin();
    const loaded = await getCouncilSettings(ctx);
    // at the edge: what was typed, checked field by field
    const typed = { ...settingsFormValues(loaded.settings), "caseload.capsByRole.SOCIAL_WORKER": "101", "security.lockAfterFailedSignIns": "two", "drift.thresholds.CHILD_PROTECTION": "" };
    expect(settingsFromForm(typed)).toEqual({
      ok: false,
      fieldErrors: {
        "caseload.capsByRole.SOCIAL_WORKER": "The cap for a social worker must be 100 or less",
        "drift.thresholds.CHILD_PROTECTION": "Enter the drift threshold for child protection",
        "security.lockAfterFailedSignIns": "Enter the failed sign-ins before an account locks as a whole number",
      },
    });
    // and in the data layer, for anything that gets past the edge
    const bad = withChange(loaded.settings, (s) => {
      s.security.lockAfterFailedSignIns = 1;
    });
    await expect(saveCouncilSettings(ctx, { version: loaded.version, settings: bad })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await stored(tenant.id)).toEqual({});
    expect(await audits(tenant.id)).toEqual([]);
  });

  it("refuses a save made on settings someone else has saved since, saying what they changed; theirs stay", async () => {
    const { tenant, ctx } = await councilWithAdmin();
    const other = await createUser(tenant.id, { role: "TENANT_ADMIN", name: "Priya Other" });
    const mine = await getCouncilSettings(ctx);
    const theirs = await getCouncilSettings(ctxFor(other, tenant.name));

    await saveCouncilSettings(ctxFor(other, tenant.name), {
      version: theirs.version,
      settings: withChange(theirs.settings, (s) => {
        s.caseload.capsByRole.SOCIAL_WORKER = 16;
      }),
    });
    const attempt = saveCouncilSettings(ctx, {
      version: mine.version,
      loaded: mine.settings,
      settings: withChange(mine.settings, (s) => {
        s.timescales.dueSoonWorkingDays = 3;
      }),
    });
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT" });
    const message = await attempt.catch((e: Error) => e.message);
    expect(message).toContain("Someone else saved the council's settings after you opened this page (Priya Other,");
    expect(message).toContain("They changed the cap for a social worker from 18 to 16.");
    expect(message).toContain("Reload the page");

    const now = parseTenantSettings(await stored(tenant.id));
    expect(now.caseload.capsByRole.SOCIAL_WORKER).toBe(16);
    expect(now.timescales.dueSoonWorkingDays).toBe(5);
    expect(await audits(tenant.id)).toHaveLength(1);
  });

  it("no role but tenant administrator can read or change them", async () => {
    const { tenant, ctx } = await councilWithAdmin();
    const { version, settings } = await getCouncilSettings(ctx);
    for (const role of ROLES.filter((r) => r !== "TENANT_ADMIN")) {
      const user = ctxFor(await createUser(tenant.id, { role }));
      await expect(getCouncilSettings(user), role).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(saveCouncilSettings(user, { version, settings: withChange(settings, (s) => void (s.security.lockMinutes = 5)) }), role).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await stored(tenant.id)).toEqual({});
  });

  it("an administrator of one council reads and changes only their own council's settings", async () => {
    const a = await councilWithAdmin({ security: { lockMinutes: 45 } });
    const b = await councilWithAdmin({ caseload: { countingUnit: "FAMILIES" }, placements: { ifaSavingPerWeek: 800 } });
    const bBefore = await getCouncilSettings(b.ctx);

    const seenByA = await getCouncilSettings(a.ctx);
    expect(seenByA.settings.security.lockMinutes).toBe(45);
    expect(seenByA.settings.caseload.countingUnit).toBe("CHILDREN");

    // A holding B's version and B's settings still only ever reaches A, and is refused as out of date
    await expect(saveCouncilSettings(a.ctx, { version: bBefore.version, settings: bBefore.settings })).rejects.toMatchObject({ code: "CONFLICT" });
    // A's own save changes A alone
    await saveCouncilSettings(a.ctx, { version: seenByA.version, settings: withChange(seenByA.settings, (s) => void (s.placements.ifaSavingPerWeek = 100)) });
    expect(await getCouncilSettings(b.ctx)).toEqual(bBefore);
    expect(await stored(b.tenant.id)).toEqual({ caseload: { countingUnit: "FAMILIES" }, placements: { ifaSavingPerWeek: 800 } });
    expect(await audits(b.tenant.id)).toEqual([]);
  });
});

describe("council settings and the KPIs", () => {
  it("a change the KPIs depend on marks the council's figures stale, and the next working out uses it; a sign-in change does not", async () => {
    const { tenant, ctx } = await councilWithAdmin();
    const head = ctxFor(await createUser(tenant.id, { role: "HEAD_OF_SERVICE" }), tenant.name);
    await getBoroughDashboard(head, FY, { refresh: true });
    expect((await getBoroughDashboard(head, FY)).stale).toBe(false);

    let loaded = await getCouncilSettings(ctx);
    await saveCouncilSettings(ctx, { version: loaded.version, settings: withChange(loaded.settings, (s) => void (s.security.lockMinutes = 10)) });
    expect((await getBoroughDashboard(head, FY)).stale).toBe(false);

    loaded = await getCouncilSettings(ctx);
    await saveCouncilSettings(ctx, { version: loaded.version, settings: withChange(loaded.settings, (s) => void (s.placements.ifaSavingPerWeek = 725)) });
    const kept = await getBoroughDashboard(head, FY);
    expect(kept.stale).toBe(true);
    expect(kept.placements?.avoided.perWeek).toBe(500);

    await refreshBoroughDashboard(head, FY);
    const fresh = await getBoroughDashboard(head, FY);
    expect(fresh.stale).toBe(false);
    expect(fresh.placements?.avoided.perWeek).toBe(725);
  });

  it("opting out of benchmarking takes the council's figures from its partner at once; opting back in shares them again", async () => {
    const a = await councilWithAdmin({}, "Council A");
    const b = await councilWithAdmin({}, "Council B");
    const naming = (partner: { laCode: string }) => ({ benchmarking: { optIn: true, group: "Partnership", partners: [partner.laCode] } });
    await withTenant(a.tenant.id, (tx) => tx.tenant.update({ where: { id: a.tenant.id }, data: { settings: naming(b.tenant) } }));
    await withTenant(b.tenant.id, (tx) => tx.tenant.update({ where: { id: b.tenant.id }, data: { settings: naming(a.tenant) } }));
    const headA = ctxFor(await createUser(a.tenant.id, { role: "HEAD_OF_SERVICE" }), a.tenant.name);
    const headB = ctxFor(await createUser(b.tenant.id, { role: "HEAD_OF_SERVICE" }), b.tenant.name);
    await getBoroughDashboard(headA, FY, { refresh: true });
    await getBoroughDashboard(headB, FY, { refresh: true });
    const partnersOfB = async () => (await getBenchmarking(headB, "fy-2026")).rows.map((r) => r.councilName);
    expect(await partnersOfB()).toEqual(["Council A", "Council B"]);

    // A opts out: B no longer sees A, with nothing worked out again
    let loaded = await getCouncilSettings(a.ctx);
    await saveCouncilSettings(a.ctx, { version: loaded.version, settings: withChange(loaded.settings, (s) => void (s.benchmarking.optIn = false)) });
    expect(await partnersOfB()).toEqual(["Council B"]);
    expect(await withTenant(a.tenant.id, (tx) => tx.kpiBenchmark.count({ where: { tenantId: a.tenant.id } }))).toBe(0);
    // and a recompute of A's figures shares nothing again
    await refreshBoroughDashboard(headA, FY);
    expect(await partnersOfB()).toEqual(["Council B"]);

    // A opts back in: B sees A's kept figures straight away
    loaded = await getCouncilSettings(a.ctx);
    await saveCouncilSettings(a.ctx, { version: loaded.version, settings: withChange(loaded.settings, (s) => void (s.benchmarking.optIn = true)) });
    expect(await partnersOfB()).toEqual(["Council A", "Council B"]);

    // A shares with another council instead: gone from B's at once
    loaded = await getCouncilSettings(a.ctx);
    await saveCouncilSettings(a.ctx, { version: loaded.version, settings: withChange(loaded.settings, (s) => void (s.benchmarking.partners = ["202"])) });
    expect(await partnersOfB()).toEqual(["Council B"]);
  });
});
