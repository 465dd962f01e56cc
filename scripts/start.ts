// npm start — one command from a fresh clone to a running Continuum:
// embedded PostgreSQL (unless DATABASE_URL is set) → migrations → demo councils if the database is
// empty → build if needed → the app on http://localhost:3000. Ctrl+C stops the app and the database.
import { spawn } from "node:child_process";
import path from "node:path";
import { disconnectDb } from "../lib/db/client";
import { openDatabaseEnvironment } from "../lib/db/environment";
import { migrate } from "../lib/db/migrate";
import { refreshAllSnapshots } from "../lib/data/kpis";
import { databaseHasCouncils, seedDemoCouncils } from "../prisma/seed/index";
import { buildIfNeeded } from "./build-if-needed";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const log = (line: string) => console.log(`[continuum] ${line}`);

const env = await openDatabaseEnvironment();
log(env.embedded ? "Embedded PostgreSQL is running (data in .data/pg)." : "Using the PostgreSQL server at DATABASE_URL.");

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await disconnectDb().catch(() => {});
  await env.stop().catch(() => {});
  process.exit(code);
}

try {
  await migrate(env.ownerUrl, { appRole: env.appRole, appPassword: env.appPassword, log });
  process.env.APP_DATABASE_URL = env.appUrl;
  if (!(await databaseHasCouncils())) {
    log("The database is empty: loading the demo councils…");
    await seedDemoCouncils({ log });
    await refreshAllSnapshots(log);
  }
  await disconnectDb();
  if (!dev) buildIfNeeded(log);
} catch (error) {
  console.error(`[continuum] ${(error as Error).message}`);
  await shutdown(1);
}

const authSecret = process.env.NEXTAUTH_SECRET ?? env.authSecret;
if (!authSecret) {
  console.error("[continuum] Set NEXTAUTH_SECRET (a long random string) when using DATABASE_URL.");
  await shutdown(1);
}

// Our own server around Next (not `next start`), so it can write the connection's address into
// X-Forwarded-For (decision 0018). A plain Node process: not under the react-server condition this one runs with.
const child = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/serve.ts"), ...(dev ? ["--dev"] : []), "-p", String(port)], {
  stdio: "inherit",
  env: {
    ...process.env,
    APP_DATABASE_URL: env.appUrl,
    NEXTAUTH_SECRET: authSecret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
log(`Continuum is starting on http://localhost:${port} — demo logins are in README.md.`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    child.kill(signal);
  });
}
child.on("exit", (code) => void shutdown(code ?? 0));
