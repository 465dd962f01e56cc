// Where the database is: the server at DATABASE_URL, or the embedded one under .data/
// (docs/decisions/0001-embedded-postgres.md). Used by the scripts (start, migrate, seed, tests).
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded";
import { loadLocalSecrets } from "./local-secrets";
import { DEFAULT_APP_ROLE, DEFAULT_OWNER_ROLE, ensureDatabase, withCredentials } from "./roles";

export type DatabaseEnvironment = {
  /** connection for migrations: the owner (or a superuser) */
  ownerUrl: string;
  /** connection the application uses: the non-owner role */
  appUrl: string;
  appRole: string;
  appPassword?: string;
  /** superuser connection to the embedded server; undefined for an external server */
  adminUrl?: string;
  authSecret?: string;
  embedded: boolean;
  stop: () => Promise<void>;
};

export type OpenOptions = { dataDir?: string; database?: string; log?: (line: string) => void };

export async function openDatabaseEnvironment(options: OpenOptions = {}): Promise<DatabaseEnvironment> {
  const appRole = process.env.APP_DB_USER || DEFAULT_APP_ROLE;
  const external = process.env.DATABASE_URL;
  if (external) {
    const appPassword = process.env.APP_DB_PASSWORD || undefined;
    const appUrl = process.env.APP_DATABASE_URL || (appPassword ? withCredentials(external, appRole, appPassword) : undefined);
    if (!appUrl) {
      throw new Error("DATABASE_URL is set but neither APP_DATABASE_URL nor APP_DB_PASSWORD is: set one so the app can connect as its own role.");
    }
    return { ownerUrl: external, appUrl, appRole, appPassword, embedded: false, stop: async () => {} };
  }

  const dataDir = path.resolve(options.dataDir ?? process.env.CONTINUUM_DATA_DIR ?? ".data/pg");
  const secrets = await loadLocalSecrets(`${dataDir}-secrets.json`);
  const server = await startEmbeddedPostgres(dataDir, options.log);
  const database = options.database ?? "continuum";
  const ownerUrl = await ensureDatabase(server.adminUrl, database, { role: DEFAULT_OWNER_ROLE, password: secrets.ownerPassword });
  return {
    ownerUrl,
    appUrl: withCredentials(server.adminUrl, appRole, secrets.appPassword, database),
    appRole,
    appPassword: secrets.appPassword,
    adminUrl: server.adminUrl,
    authSecret: secrets.authSecret,
    embedded: true,
    stop: server.stop,
  };
}
