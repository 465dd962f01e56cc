// npm run db:seed — loads the demo councils into an empty database (migrating it first, as
// seed:scale does, so that a new database needs no separate step).
import { disconnectDb } from "../lib/db/client";
import { openDatabaseEnvironment } from "../lib/db/environment";
import { migrate } from "../lib/db/migrate";
import { seedDemoCouncils } from "../prisma/seed/index";

const env = await openDatabaseEnvironment();
process.env.APP_DATABASE_URL = env.appUrl;
try {
  await migrate(env.ownerUrl, { appRole: env.appRole, appPassword: env.appPassword });
  await seedDemoCouncils({ log: (line) => console.log(line) });
  console.log("Demo councils loaded. Logins are listed in README.md.");
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await disconnectDb();
  await env.stop();
}
