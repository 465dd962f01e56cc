// npm run kpis:refresh — works out every council's KPI snapshot (a nightly job in production).
import { disconnectDb } from "../lib/db/client";
import { openDatabaseEnvironment } from "../lib/db/environment";
import { refreshAllSnapshots } from "../lib/data/kpis";

const env = await openDatabaseEnvironment();
process.env.APP_DATABASE_URL = env.appUrl;
try {
  await refreshAllSnapshots((line) => console.log(line));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await disconnectDb();
  await env.stop();
}
