// Decision 4 (docs/decisions/0003-tenancy.md), checked on the real schema: every tenant table keys on
// tenant_id and has forced row-level security; the application role cannot get round it.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_APP_ROLE } from "../../lib/db/roles";
import { withTenant, type Tx } from "../../lib/db/tenant";
import { withClient } from "../support/database";
import { allocate, createAllocatedCase, createTeam, createTenant, createUser } from "../support/factories";
import { database } from "./setup";

/** Tables that belong to one council: every table with a tenant_id column except the sign-in directory. */
const GLOBAL_TABLES = new Set(["login_identity"]);
let tenantTables: string[] = [];

async function tablesWithTenantColumn(c: pg.Client): Promise<string[]> {
  const rows = await c.query<{ table: string }>(
    `SELECT table_name::text AS table FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY 1`,
  );
  return rows.rows.map((r) => r.table);
}

/**
 * One row in every tenant table that the factories do not already fill, so that the checks below
 * see data in each. A new tenant table fails "sees only its own council's rows" until it is added here.
 */
async function fillEveryTable(tx: Tx, tenantId: string, ids: { caseId: string; familyId: string; childId: string; workerId: string; keyworkerId: string }) {
  const day = new Date("2026-01-05T00:00:00Z");
  await tx.auditEvent.create({ data: { tenantId, actorId: ids.workerId, action: "test.event", entityType: "case", caseId: ids.caseId } });
  await tx.tenantCounter.create({ data: { tenantId, name: "case", value: 1 } });
  const contact = await tx.contact.create({
    data: { tenantId, receivedOn: day, source: "2A", reason: "School concern", familyId: ids.familyId, recordedById: ids.workerId, idempotencyKey: randomUUID() },
  });
  await tx.contactChild.create({ data: { tenantId, contactId: contact.id, personId: ids.childId } });
  await tx.cinEpisode.create({ data: { tenantId, personId: ids.childId, caseId: ids.caseId, contactId: contact.id, referralDate: day, referralSource: "2A", primaryNeedCode: "N1" } });
  const visit = await tx.visit.create({ data: { tenantId, caseId: ids.caseId, visitedAt: day, type: "HOME", note: "Seen at home", recordedById: ids.workerId, idempotencyKey: randomUUID() } });
  await tx.visitChild.create({ data: { tenantId, visitId: visit.id, personId: ids.childId, seenAlone: true } });
  await tx.caseSummaryVersion.create({
    data: { tenantId, caseId: ids.caseId, version: 1, purpose: "p", worries: "w", workingWell: "ww", nextSteps: "n", safetyScale: 5, savedById: ids.workerId },
  });
  await tx.draft.create({ data: { tenantId, userId: ids.workerId, caseId: ids.caseId, kind: "SUMMARY", fields: { worries: "w" }, baseVersion: 1 } });
  await tx.assessment.create({ data: { tenantId, personId: ids.childId, caseId: ids.caseId, startDate: day, authorisedDate: day, factors: ["3A"], recordedById: ids.workerId } });
  await tx.section47.create({ data: { tenantId, personId: ids.childId, caseId: ids.caseId, strategyDiscussionDate: day, startDate: day, recordedById: ids.workerId } });
  const plan = await tx.cpPlan.create({ data: { tenantId, personId: ids.childId, caseId: ids.caseId, startDate: day, initialCategory: "NEG", latestCategory: "NEG", recordedById: ids.workerId } });
  await tx.cpReview.create({ data: { tenantId, cpPlanId: plan.id, reviewDate: day } });
  await tx.cpCoreGroup.create({ data: { tenantId, cpPlanId: plan.id, meetingDate: day } });
  await tx.cinPlan.create({ data: { tenantId, personId: ids.childId, caseId: ids.caseId, startDate: new Date("2025-01-05T00:00:00Z"), endDate: day, recordedById: ids.workerId } });
  const period = await tx.carePeriod.create({ data: { tenantId, personId: ids.childId, caseId: ids.caseId, startDate: day } });
  const carer = await tx.carer.create({
    data: { tenantId, kind: "FOSTER_HOUSEHOLD", name: "The Ashworths", provider: "PR1", approvedPlaces: 2, ageFrom: 0, ageTo: 17, postcode: "AB1 2CD", latitude: 52.2, longitude: -1.5, laCode: "931" },
  });
  await tx.careEpisode.create({ data: { tenantId, carePeriodId: period.id, personId: ids.childId, startDate: day, legalStatus: "C2", reasonNewEpisode: "S", place: "U1", provider: "PR1", carerId: carer.id } });
  await tx.laReview.create({ data: { tenantId, personId: ids.childId, carePeriodId: period.id, reviewDate: day, reviewCode: "PN1" } });
  await tx.healthAssessment.create({ data: { tenantId, personId: ids.childId, kind: "INITIAL", assessmentDate: day } });
  await tx.pathwayPlanReview.create({ data: { tenantId, personId: ids.childId, reviewDate: day } });
  await tx.kpiSnapshot.create({ data: { tenantId, periodKey: "fy", payload: {} } });
  await tx.kpiBenchmark.create({ data: { tenantId, periodKey: "fy", laCode: "999", sharedWith: [], councilName: "c", kpiValues: {} } });
  const duplicate = await tx.person.create({ data: { tenantId, kind: "CHILD", firstName: "Dup", lastName: "Licate", dateOfBirth: day, mergedIntoId: ids.childId } });
  await tx.personMerge.create({ data: { tenantId, survivorId: ids.childId, mergedId: duplicate.id, reason: "Same child", mergedById: ids.workerId } });
  await tx.endedSession.create({ data: { tenantId, sessionId: randomUUID(), userId: ids.workerId, expiresAt: new Date(Date.now() + 3_600_000) } });
  await tx.familyAccess.create({ data: { tenantId, familyId: ids.familyId, userId: ids.keyworkerId, reason: "Covering the rota", grantedById: ids.workerId } });
  await tx.accessRequest.create({ data: { tenantId, familyId: ids.familyId, requestedById: ids.keyworkerId, reason: "Covering the rota" } });
  await tx.passwordLink.create({ data: { tenantId, userId: ids.keyworkerId, purpose: "INVITE", tokenHash: "0".repeat(63) + tenantId.slice(-1), createdBy: ids.workerId, expiresAt: day } });
  await tx.transition.create({
    data: { tenantId, caseId: ids.caseId, kind: "STEP_DOWN", fromLevel: "CHILD_PROTECTION", toLevel: "CHILD_IN_NEED", reason: "r", requestedById: ids.workerId, leadProfessionalId: ids.keyworkerId },
  });
}

let a: { tenantId: string; caseId: string; workerId: string };
let b: { tenantId: string; caseId: string; workerId: string };

beforeAll(async () => {
  for (const which of ["a", "b"] as const) {
    const tenant = await createTenant();
    const team = await createTeam(tenant.id);
    const worker = await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: team.id });
    const made = await createAllocatedCase(tenant.id, worker, "CHILD_PROTECTION", 2);
    const keyworker = await createUser(tenant.id, { role: "FAMILY_KEYWORKER", teamId: team.id });
    await allocate(tenant.id, made.case.id, keyworker.id, "CO_WORKER");
    await withTenant(tenant.id, (tx) => fillEveryTable(tx, tenant.id, { caseId: made.case.id, familyId: made.family.id, childId: made.children[0]!.id, workerId: worker.id, keyworkerId: keyworker.id }));
    const value = { tenantId: tenant.id, caseId: made.case.id, workerId: worker.id };
    if (which === "a") a = value;
    else b = value;
  }
  tenantTables = (await withClient(database.adminUrl, tablesWithTenantColumn)).filter((t) => !GLOBAL_TABLES.has(t));
});

describe("schema rules for every tenant table", () => {
  it("finds the core tenant tables", () => {
    expect(tenantTables).toEqual(expect.arrayContaining(["tenant", "team", "app_user", "family", "person", "family_member", "person_relationship", "case_file", "case_child", "allocation", "audit_event"]));
  });

  it("enables and forces row-level security with a tenant policy on each", async () => {
    const rows = await withClient(database.adminUrl, (c) =>
      c.query<{ table: string; enabled: boolean; forced: boolean; policies: string[] }>(
        `SELECT c.relname::text AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                array(SELECT pg_get_expr(p.polqual, p.polrelid) FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation') AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`,
      ),
    );
    for (const table of [...tenantTables, ...GLOBAL_TABLES]) {
      const row = rows.rows.find((r) => r.table === table);
      expect(row, table).toBeDefined();
      expect({ table, enabled: row!.enabled, forced: row!.forced }).toEqual({ table, enabled: true, forced: true });
      expect(row!.policies, `${table} policy`).toEqual(["(tenant_id = app_tenant_id())"]);
    }
  });

  it("leads every primary key with tenant_id", async () => {
    const rows = await withClient(database.adminUrl, (c) =>
      c.query<{ table: string; first: string }>(
        `SELECT cl.relname::text AS table, a.attname::text AS first
         FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid
         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
         WHERE con.contype = 'p'`,
      ),
    );
    for (const table of tenantTables) {
      expect({ table, first: rows.rows.find((r) => r.table === table)?.first }).toEqual({ table, first: "tenant_id" });
    }
  });

  it("includes tenant_id in every foreign key between tenant tables", async () => {
    const rows = await withClient(database.adminUrl, (c) =>
      c.query<{ name: string; from_table: string; to_table: string; from_cols: string[]; to_cols: string[] }>(
        `SELECT con.conname::text AS name, cl.relname::text AS from_table, rcl.relname::text AS to_table,
                array(SELECT a.attname FROM unnest(con.conkey) k(n) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n)::text[] AS from_cols,
                array(SELECT a.attname FROM unnest(con.confkey) k(n) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n)::text[] AS to_cols
         FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_class rcl ON rcl.oid = con.confrelid
         WHERE con.contype = 'f'`,
      ),
    );
    const between = rows.rows.filter((r) => tenantTables.includes(r.from_table) && tenantTables.includes(r.to_table));
    expect(between.length).toBeGreaterThan(10);
    for (const fk of between) {
      expect({ fk: fk.name, includesTenant: fk.from_cols.includes("tenant_id") && fk.to_cols.includes("tenant_id") }).toEqual({ fk: fk.name, includesTenant: true });
    }
  });

  it("leads every index on a tenant table with tenant_id", async () => {
    const rows = await withClient(database.adminUrl, (c) =>
      c.query<{ index: string; table: string; first: string }>(
        `SELECT i.relname::text AS index, t.relname::text AS table, a.attname::text AS first
         FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ix.indkey[0]
         WHERE n.nspname = 'public'`,
      ),
    );
    for (const row of rows.rows.filter((r) => tenantTables.includes(r.table) && r.table !== "tenant")) {
      expect({ index: row.index, first: row.first }).toEqual({ index: row.index, first: "tenant_id" });
    }
  });
});

describe("the application role", () => {
  it("is what the app connects as, and is neither owner, superuser nor BYPASSRLS", async () => {
    expect(new URL(database.appUrl).username).toBe(DEFAULT_APP_ROLE);
    const role = await withClient(database.adminUrl, (c) =>
      c.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: string }>(
        `SELECT r.rolsuper, r.rolbypassrls, (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)::text AS owned FROM pg_roles r WHERE r.rolname = $1`,
        [DEFAULT_APP_ROLE],
      ),
    );
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owned: "0" });
  });

  it("sees no rows in any tenant table without the tenant setting", async () => {
    await withClient(database.appUrl, async (c) => {
      for (const table of [...tenantTables, ...GLOBAL_TABLES]) {
        const count = await c.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`);
        expect({ table, rows: count.rows[0]!.n }).toEqual({ table, rows: "0" });
      }
    });
    // while the owner (ignoring RLS as superuser here) sees that there is data
    const total = await withClient(database.adminUrl, (c) => c.query<{ n: string }>("SELECT count(*)::text AS n FROM case_file"));
    expect(Number(total.rows[0]!.n)).toBeGreaterThanOrEqual(2);
  });

  it("sees only its own council's rows in every table with the setting", async () => {
    await withClient(database.appUrl, async (c) => {
      await c.query("BEGIN");
      await c.query("SELECT set_config('app.tenant_id', $1, true)", [a.tenantId]);
      for (const table of tenantTables) {
        const rows = await c.query<{ mine: string; others: string }>(
          `SELECT count(*) FILTER (WHERE tenant_id = $1)::text AS mine, count(*) FILTER (WHERE tenant_id <> $1)::text AS others FROM ${table}`,
          [a.tenantId],
        );
        expect({ table, others: rows.rows[0]!.others }).toEqual({ table, others: "0" });
        expect(Number(rows.rows[0]!.mine), table).toBeGreaterThan(0);
      }
      await c.query("ROLLBACK");
    });
  });

  it("does not keep the tenant after the transaction (no leak through a pooled connection)", async () => {
    await withClient(database.appUrl, async (c) => {
      await c.query("BEGIN");
      await c.query("SELECT set_config('app.tenant_id', $1, true)", [a.tenantId]);
      await c.query("COMMIT");
      const count = await c.query<{ n: string }>("SELECT count(*)::text AS n FROM case_file");
      expect(count.rows[0]!.n).toBe("0");
    });
  });

  it("cannot write a row into another council, nor point at another council's row", async () => {
    await withClient(database.appUrl, async (c) => {
      await c.query("BEGIN");
      await c.query("SELECT set_config('app.tenant_id', $1, true)", [a.tenantId]);
      await expect(c.query("INSERT INTO team (tenant_id, name, kind) VALUES ($1, 'Intruders', 'MIXED')", [b.tenantId])).rejects.toMatchObject({ code: "42501" });
      await c.query("ROLLBACK");
      await c.query("BEGIN");
      await c.query("SELECT set_config('app.tenant_id', $1, true)", [a.tenantId]);
      // B's case id under A's tenant: the composite foreign key finds nothing
      await expect(
        c.query("INSERT INTO allocation (tenant_id, case_id, worker_id, role_on_case, start_date) VALUES ($1, $2, $3, 'LEAD', current_date)", [a.tenantId, b.caseId, a.workerId]),
      ).rejects.toMatchObject({ code: "23503" });
      await c.query("ROLLBACK");
      await c.query("BEGIN");
      await c.query("SELECT set_config('app.tenant_id', $1, true)", [a.tenantId]);
      const updated = await c.query("UPDATE case_file SET level = 'SUPPORT' WHERE id = $1", [b.caseId]);
      const deleted = await c.query("DELETE FROM allocation WHERE case_id = $1", [b.caseId]);
      expect([updated.rowCount, deleted.rowCount]).toEqual([0, 0]);
      await c.query("ROLLBACK");
    });
  });

  it("cannot disable, weaken or bypass the policies", async () => {
    await withClient(database.appUrl, async (c) => {
      const attempts = [
        "ALTER TABLE case_file DISABLE ROW LEVEL SECURITY",
        "ALTER TABLE case_file NO FORCE ROW LEVEL SECURITY",
        "DROP POLICY tenant_isolation ON case_file",
        "CREATE POLICY open_door ON case_file USING (true)",
        `SET ROLE continuum_owner`,
        "ALTER ROLE continuum_app BYPASSRLS",
        "CREATE OR REPLACE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql AS $$ SELECT NULL::uuid $$",
      ];
      for (const sql of attempts) {
        await expect(c.query(sql), sql).rejects.toThrow();
      }
      // Turning row security off makes PostgreSQL refuse the query rather than skip the policy.
      await c.query("SET row_security = off");
      await expect(c.query("SELECT count(*) FROM case_file")).rejects.toThrow(/row-level security/);
    });
  });

  it("can only append to the audit log", async () => {
    await withClient(database.appUrl, async (c) => {
      await c.query("BEGIN");
      await c.query("SELECT set_config('app.tenant_id', $1, true)", [a.tenantId]);
      await c.query("INSERT INTO audit_event (tenant_id, action, entity_type) VALUES ($1, 'test.appended', 'test')", [a.tenantId]);
      await expect(c.query("UPDATE audit_event SET action = 'tampered'")).rejects.toMatchObject({ code: "42501" });
      await c.query("ROLLBACK");
      await c.query("BEGIN");
      await c.query("SELECT set_config('app.tenant_id', $1, true)", [a.tenantId]);
      await expect(c.query("DELETE FROM audit_event")).rejects.toMatchObject({ code: "42501" });
      await c.query("ROLLBACK");
    });
    // even the owner cannot rewrite history: a trigger refuses
    await withClient(database.ownerUrl, async (c) => {
      await c.query("BEGIN");
      await c.query("SELECT set_config('app.tenant_id', $1, true)", [a.tenantId]);
      await expect(c.query("DELETE FROM audit_event")).rejects.toThrow(/append-only/);
      await c.query("ROLLBACK");
    });
  });

  it("finds a sign-in directory row only by its exact email address", async () => {
    const tenant = await createTenant();
    const user = await createUser(tenant.id, { role: "SOCIAL_WORKER" });
    await withClient(database.appUrl, async (c) => {
      await c.query("BEGIN");
      await c.query("SELECT set_config('app.login_email', $1, true)", [user.email.toUpperCase()]);
      const all = await c.query("SELECT email, tenant_id FROM login_identity");
      expect(all.rows).toEqual([{ email: user.email, tenant_id: tenant.id }]);
      await c.query("ROLLBACK");
    });
  });

  it("lets the platform operator list councils but nothing inside them", async () => {
    await withClient(database.appUrl, async (c) => {
      await c.query("BEGIN");
      await c.query("SELECT set_config('app.platform_operator', 'on', true)");
      const tenants = await c.query<{ n: string }>("SELECT count(*)::text AS n FROM tenant");
      const cases = await c.query<{ n: string }>("SELECT count(*)::text AS n FROM case_file");
      expect(Number(tenants.rows[0]!.n)).toBeGreaterThanOrEqual(2);
      expect(cases.rows[0]!.n).toBe("0");
      await expect(c.query("UPDATE tenant SET name = 'renamed'").then((r) => r.rowCount)).resolves.toBe(0);
      await c.query("ROLLBACK");
    });
  });
});

