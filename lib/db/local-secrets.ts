// Secrets of a local (embedded) installation, made once and kept beside the embedded data folder.
// With DATABASE_URL set, they come from the environment instead (README "Configuration").
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomPassword } from "./roles";

export type LocalSecrets = { ownerPassword: string; appPassword: string; authSecret: string };

export async function loadLocalSecrets(file: string): Promise<LocalSecrets> {
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as LocalSecrets;
  const secrets: LocalSecrets = { ownerPassword: randomPassword(), appPassword: randomPassword(), authSecret: randomPassword() + randomPassword() };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}
