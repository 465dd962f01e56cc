// npm run kpis:refresh — works out every council's KPI snapshot (a nightly job in production), and
// deletes drafts nobody has touched for 30 days (docs/decisions/0023-drafts.md).
import { disconnectDb } from "../lib/db/client";
import { openDatabaseEnvironment } from "../lib/db/environment";
import { deleteExpiredDrafts } from "../lib/data/drafts";
import { refreshAllSnapshots } from "../lib/data/kpis";

const env = await openDatabaseEnvironment();
process.env.APP_DATABASE_URL = env.appUrl;
try {
  // first: a KPI that fails to work out must not keep old drafts another day
  await deleteExpiredDrafts((line) => console.log(line));
  await refreshAllSnapshots((line) => console.log(line));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await disconnectDb();
  await env.stop();
}
