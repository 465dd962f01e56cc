// npm run seed:scale -- --tenant <slug> --profile county
// Adds a large council, generated deterministically, to the database (embedded or DATABASE_URL).
import { parseArgs } from "node:util";
import pg from "pg";
import { openDatabaseEnvironment } from "../lib/db/environment";
import { migrate } from "../lib/db/migrate";
import { seedScale } from "../lib/db/scale-seed";
import { PROFILES } from "../lib/db/scale-profiles";

const { values } = parseArgs({ options: { tenant: { type: "string" }, profile: { type: "string", default: "county" } } });
const profile = PROFILES[values.profile ?? "county"];
if (!values.tenant || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.tenant) || !profile) {
  console.error(`Usage: npm run seed:scale -- --tenant <slug> --profile <${Object.keys(PROFILES).join("|")}>`);
  process.exit(1);
}

const env = await openDatabaseEnvironment();
await migrate(env.ownerUrl, { appRole: env.appRole, appPassword: env.appPassword });
const client = new pg.Client({ connectionString: env.appUrl });
await client.connect();
try {
  const started = Date.now();
  await seedScale(client, values.tenant, profile, (line) => console.log(line));
  // statistics for the planner and the visibility map for index-only scans, as autovacuum would leave
  // a database that has been running a while (only the owner may vacuum the tables)
  const owner = new pg.Client({ connectionString: env.ownerUrl });
  await owner.connect();
  await owner.query("VACUUM (ANALYZE)");
  await owner.end();
  console.log(`Council ${values.tenant} generated in ${((Date.now() - started) / 1000).toFixed(0)} s. Sign in as hos@${values.tenant}.example or tm1@${values.tenant}.example.`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await client.end();
  await env.stop();
}
