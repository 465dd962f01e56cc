// Connection details of the integration tests' databases.
import pg from "pg";
import { DEFAULT_APP_ROLE, DEFAULT_OWNER_ROLE, withCredentials } from "../../lib/db/roles";

export const TEMPLATE_DB = "continuum_template";
export const TEST_OWNER_PASSWORD = "owner-test-password";
export const TEST_APP_PASSWORD = "app-test-password";

export type TestDatabase = { name: string; adminUrl: string; ownerUrl: string; appUrl: string };

export function testDatabase(adminUrl: string, name: string): TestDatabase {
  return {
    name,
    adminUrl: withCredentials(adminUrl, decodeURIComponent(new URL(adminUrl).username), decodeURIComponent(new URL(adminUrl).password), name),
    ownerUrl: withCredentials(adminUrl, DEFAULT_OWNER_ROLE, TEST_OWNER_PASSWORD, name),
    appUrl: withCredentials(adminUrl, DEFAULT_APP_ROLE, TEST_APP_PASSWORD, name),
  };
}

/** Runs `work` on a fresh connection and closes it. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
