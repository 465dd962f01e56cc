// The demo councils: deterministic (fixed random seed per council), dated relative to today.
import { hashPassword } from "../../lib/auth/password";
import { todayInEngland } from "../../lib/domain/dates";
import { withPlatformOperator } from "../../lib/db/tenant";
import { buildCouncil } from "./build";
import { COUNCILS, DEMO_PASSWORD } from "./councils";
import { loadCouncil } from "./load";

export const SEED = 20_261_122;

export async function databaseHasCouncils(): Promise<boolean> {
  return withPlatformOperator(async (tx) => (await tx.tenant.count()) > 0);
}

export async function seedDemoCouncils(options: { today?: string; log?: (line: string) => void } = {}): Promise<void> {
  const today = options.today ?? process.env.SEED_TODAY ?? todayInEngland();
  if (await databaseHasCouncils()) throw new Error("The database already holds councils: the demo seed loads into an empty database only.");
  // All demo logins share the README's password; one hash is enough.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const [index, council] of COUNCILS.entries()) {
    const built = buildCouncil(council, SEED + index, today);
    await loadCouncil(built, passwordHash);
    options.log?.(`${council.name}: ${built.teams.length} teams, ${built.users.length} workers, ${built.cases.length} cases, ${built.people.length} people`);
  }
}
