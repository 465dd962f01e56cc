// npm run db:migrate — applies the migrations to DATABASE_URL (or the embedded server) and makes sure
// the application role exists with its grants.
import { openDatabaseEnvironment } from "../lib/db/environment";
import { migrate } from "../lib/db/migrate";

const env = await openDatabaseEnvironment({ log: () => {} });
try {
  const applied = await migrate(env.ownerUrl, { appRole: env.appRole, appPassword: env.appPassword, log: (l) => console.log(l) });
  console.log(applied.length ? `${applied.length} migration(s) applied.` : "The database is up to date.");
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await env.stop();
}
