// Each test file gets its own database, cloned from the migrated template, and the app's Prisma
// client connected to it as the application role.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectDb } from "../../lib/db/client";
import { quoteIdent } from "../../lib/db/roles";
import { TEMPLATE_DB, testDatabase, withClient, type TestDatabase } from "../support/database";

const adminUrl = inject("adminUrl");
const name = `continuum_test_${randomBytes(5).toString("hex")}`;
export const database: TestDatabase = testDatabase(adminUrl, name);

globalThis.__testDatabase = database;
process.env.APP_DATABASE_URL = database.appUrl;
process.env.DB_POOL_SIZE = "25";

beforeAll(async () => {
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(TEMPLATE_DB)}`));
});

afterAll(async () => {
  await disconnectDb();
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
});

declare global {
  var __testDatabase: TestDatabase;
}
