// The project's migration runner: applies each migration once, keeps Prisma's bookkeeping, refuses
// edited migrations and rolls back a failing one whole.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate, readMigrations } from "../../lib/db/migrate";
import { ensureDatabase, quoteIdent } from "../../lib/db/roles";
import { withClient } from "../support/database";

const adminUrl = inject("adminUrl");
const dbName = `continuum_migrate_${randomBytes(4).toString("hex")}`;
let ownerUrl: string;
const appRole = `app_${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  ownerUrl = await ensureDatabase(adminUrl, dbName, { role: "continuum_owner", password: "owner-test-password" });
});
afterAll(async () => {
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(dbName)} WITH (FORCE)`);
    await c.query(`DROP ROLE IF EXISTS ${quoteIdent(appRole)}`);
  });
});

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migrate", () => {
  it("applies the project's migrations to an empty database once, recording them as Prisma does", async () => {
    const first = await migrate(ownerUrl, { appRole, appPassword: "x-app-password" });
    const expected = (await readMigrations()).map((m) => m.name);
    expect(first).toEqual(expected);
    expect(await migrate(ownerUrl, { appRole, appPassword: "x-app-password" })).toEqual([]);
    const rows = await withClient(ownerUrl, (c) =>
      c.query<{ migration_name: string; checksum: string; finished: boolean; applied_steps_count: number }>(
        `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
      ),
    );
    const files = await readMigrations();
    expect(rows.rows).toEqual(files.map((m) => ({ migration_name: m.name, checksum: createHash("sha256").update(m.sql).digest("hex"), finished: true, applied_steps_count: 1 })));
  });

  it("creates the application role without superuser or BYPASSRLS", async () => {
    const role = await withClient(adminUrl, (c) => c.query("SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = $1", [appRole]));
    expect(role.rows).toEqual([{ rolsuper: false, rolbypassrls: false, rolcanlogin: true }]);
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const dir = await migrationsDir({ "001_a": "CREATE TABLE mig_a (id int);" });
    const db = `continuum_migrate_edit_${randomBytes(4).toString("hex")}`;
    const url = await ensureDatabase(adminUrl, db, { role: "continuum_owner", password: "owner-test-password" });
    try {
      await migrate(url, { appRole, dir });
      await writeFile(path.join(dir, "001_a", "migration.sql"), "CREATE TABLE mig_a (id bigint);");
      await expect(migrate(url, { appRole, dir })).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await withClient(adminUrl, (c) => c.query(`DROP DATABASE ${quoteIdent(db)} WITH (FORCE)`));
    }
  });

  it("rolls back a failing migration completely and says which one failed", async () => {
    const dir = await migrationsDir({ "001_ok": "CREATE TABLE mig_ok (id int);", "002_bad": "CREATE TABLE mig_half (id int); SELECT * FROM no_such_table;" });
    const db = `continuum_migrate_fail_${randomBytes(4).toString("hex")}`;
    const url = await ensureDatabase(adminUrl, db, { role: "continuum_owner", password: "owner-test-password" });
    try {
      await expect(migrate(url, { appRole, dir })).rejects.toThrow(/Migration 002_bad failed and was rolled back/);
      const state = await withClient(url, async (c) => ({
        applied: (await c.query("SELECT migration_name FROM _prisma_migrations")).rows.map((r) => r.migration_name),
        half: (await c.query("SELECT to_regclass('mig_half') AS t")).rows[0].t,
      }));
      expect(state).toEqual({ applied: ["001_ok"], half: null });
    } finally {
      await withClient(adminUrl, (c) => c.query(`DROP DATABASE ${quoteIdent(db)} WITH (FORCE)`));
    }
  });
});
