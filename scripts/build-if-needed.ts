// Builds the Next.js app unless its build folder (.next, or NEXT_DIST_DIR) already holds a build of
// exactly these sources.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = ["app", "components", "lib", "types", "proxy.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next";
const SKIP = new Set(["node_modules", ".next", DIST_DIR, "generated"]);

function files(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (statSync(entry).isFile()) return [entry];
  return readdirSync(entry, { withFileTypes: true })
    .filter((e) => !SKIP.has(e.name) && !e.name.endsWith(".test.ts") && !e.name.endsWith(".test.tsx"))
    .flatMap((e) => files(path.join(entry, e.name)));
}

export function sourceHash(root = process.cwd()): string {
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap((i) => files(path.join(root, i))).sort()) {
    hash.update(path.relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}

export function buildIfNeeded(log: (line: string) => void = console.log): void {
  const marker = path.join(DIST_DIR, "continuum-source-hash");
  const wanted = sourceHash();
  if (existsSync(path.join(DIST_DIR, "BUILD_ID")) && existsSync(marker) && readFileSync(marker, "utf8") === wanted) return;
  log("Building Continuum (first start, or the code changed); this takes a minute or two…");
  const result = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(marker, wanted);
}
