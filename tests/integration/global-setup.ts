// Integration tests run against a real PostgreSQL: the embedded server under .data/test-pg (or the
// server at TEST_DATABASE_ADMIN_URL). A template database is migrated once per run; every test file
// gets its own database cloned from it (tests/integration/setup.ts).
import { rm } from "node:fs/promises";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { DEFAULT_APP_ROLE, DEFAULT_OWNER_ROLE, ensureDatabase, quoteIdent } from "../../lib/db/roles";
import { TEMPLATE_DB, TEST_APP_PASSWORD, TEST_OWNER_PASSWORD } from "../support/database";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  let stop = async () => {};
  if (!adminUrl) {
    process.env.EMBEDDED_PG_FSYNC = "off";
    // one throwaway server per run, so several runs can go at once
    const dir = `.data/test-pg-${process.pid}`;
    const server = await startEmbeddedPostgres(dir);
    adminUrl = server.adminUrl;
    stop = async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
      await rm(`${dir}.json`, { force: true });
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(TEMPLATE_DB)} WITH (FORCE)`);
  await admin.end();
  const ownerUrl = await ensureDatabase(adminUrl, TEMPLATE_DB, { role: DEFAULT_OWNER_ROLE, password: TEST_OWNER_PASSWORD });
  await migrate(ownerUrl, { appRole: DEFAULT_APP_ROLE, appPassword: TEST_APP_PASSWORD });
  project.provide("adminUrl", adminUrl);
  return async () => {
    await stop();
  };
}
