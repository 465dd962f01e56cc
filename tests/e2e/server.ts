// The app as the e2e tests see it: a fresh embedded PostgreSQL under .data/e2e-pg with the demo
// councils, and the production build served on port 3100 by scripts/serve.ts. Playwright starts and stops it.
import { spawn } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { disconnectDb } from "../../lib/db/client";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { DEFAULT_APP_ROLE, DEFAULT_OWNER_ROLE, ensureDatabase, withCredentials } from "../../lib/db/roles";
import { refreshAllSnapshots } from "../../lib/data/kpis";
import { seedDemoCouncils } from "../../prisma/seed/index";
import { E2E_DATA_DIR, E2E_DB_FILE, E2E_PORT } from "./config";

process.env.EMBEDDED_PG_FSYNC = "off";
const dir = E2E_DATA_DIR;
await rm(dir, { recursive: true, force: true });
await rm(`${dir}.json`, { force: true });
const server = await startEmbeddedPostgres(dir);
const ownerUrl = await ensureDatabase(server.adminUrl, "continuum", { role: DEFAULT_OWNER_ROLE, password: "e2e-owner" });
await migrate(ownerUrl, { appRole: DEFAULT_APP_ROLE, appPassword: "e2e-app" });
const appUrl = withCredentials(server.adminUrl, DEFAULT_APP_ROLE, "e2e-app", "continuum");
process.env.APP_DATABASE_URL = appUrl;
await seedDemoCouncils();
await refreshAllSnapshots();
await disconnectDb();
await writeFile(E2E_DB_FILE, JSON.stringify({ adminUrl: withCredentials(server.adminUrl, "postgres", server.password, "continuum") }));

// the same server as npm start (scripts/serve.ts), which writes the socket's address into X-Forwarded-For
const child = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/serve.ts"), "-p", String(E2E_PORT)], {
  stdio: "inherit",
  env: {
    ...process.env,
    APP_DATABASE_URL: appUrl,
    NEXTAUTH_SECRET: "e2e-secret-that-is-long-enough-to-sign-tokens",
    NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
const stop = async () => {
  child.kill("SIGTERM");
  await server.stop();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", () => void server.stop().then(() => process.exit(1)));
