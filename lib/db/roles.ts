// Database roles and connection strings (docs/decisions/0003-tenancy.md).
//
// Two roles: the OWNER runs migrations and owns every table; the APPLICATION role is what the app
// connects as. It owns nothing and is neither superuser nor BYPASSRLS, so forced row-level security
// always applies to it.
import { randomBytes } from "node:crypto";
import pg from "pg";

export const DEFAULT_APP_ROLE = "continuum_app";
export const DEFAULT_OWNER_ROLE = "continuum_owner";

/** Tables the application may only insert into and read. */
export const APPEND_ONLY_TABLES = ["audit_event"];

export function withCredentials(url: string, user: string, password: string, database?: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function randomPassword(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * On a superuser connection to a server, makes sure the owner role and the database owned by it exist
 * (used for the embedded server and for tests). Returns the owner's connection string.
 */
export async function ensureDatabase(adminUrl: string, database: string, owner: { role: string; password: string }): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const role = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [owner.role]);
    if (role.rowCount === 0) {
      await client.query(`CREATE ROLE ${quoteIdent(owner.role)} LOGIN CREATEROLE PASSWORD ${quoteLiteral(owner.password)}`);
    } else {
      await client.query(`ALTER ROLE ${quoteIdent(owner.role)} LOGIN CREATEROLE PASSWORD ${quoteLiteral(owner.password)}`);
    }
    const db = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (db.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdent(database)} OWNER ${quoteIdent(owner.role)}`);
    }
  } finally {
    await client.end();
  }
  return withCredentials(adminUrl, owner.role, owner.password, database);
}

/**
 * Creates the application role if missing (needs CREATEROLE or superuser on `client`), refuses to go on
 * if an existing role could bypass row-level security, and grants it exactly what the app needs.
 */
export async function ensureAppRole(client: pg.ClientBase, appRole: string, appPassword: string | undefined): Promise<void> {
  const existing = await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
    "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1",
    [appRole],
  );
  if (existing.rowCount === 0) {
    if (!appPassword) {
      throw new Error(`The application role ${appRole} does not exist. Set APP_DB_PASSWORD so that db:migrate can create it.`);
    }
    try {
      await client.query(
        `CREATE ROLE ${quoteIdent(appRole)} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD ${quoteLiteral(appPassword)}`,
      );
    } catch (error) {
      throw new Error(
        `Could not create the application role ${appRole} (${(error as Error).message}). ` +
          "Run db:migrate with a connection that may create roles, or create the role yourself: LOGIN NOSUPERUSER NOBYPASSRLS.",
      );
    }
  } else {
    const row = existing.rows[0]!;
    if (row.rolsuper || row.rolbypassrls) {
      throw new Error(`The application role ${appRole} is a superuser or has BYPASSRLS; row-level security would not protect tenants. Use a plain LOGIN role.`);
    }
    if (appPassword) {
      // keep the password in step with the configuration (a no-op when it already matches)
      await client.query(`ALTER ROLE ${quoteIdent(appRole)} PASSWORD ${quoteLiteral(appPassword)}`).catch(() => {});
    }
  }
  const app = quoteIdent(appRole);
  await client.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
  await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
  // The audit log is append-only for the application; migration bookkeeping is none of its business.
  for (const table of APPEND_ONLY_TABLES) {
    const exists = await client.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [table]);
    if (exists.rows[0]?.t) await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${quoteIdent(table)} FROM ${app}`);
  }
  await client.query(`REVOKE ALL ON _prisma_migrations FROM ${app}`);
  const database = (await client.query<{ db: string }>("SELECT current_database() AS db")).rows[0]!.db;
  await client.query(`GRANT CONNECT ON DATABASE ${quoteIdent(database)} TO ${app}`);
}
