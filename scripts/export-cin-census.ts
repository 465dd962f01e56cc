// npm run export:cin-census -- --tenant <slug> --year <YYYY> --out <file> [--as <email>]
// Writes a council's Children in Need census (year 2026 = 1 April 2025 to 31 March 2026) as the DfE's
// XML. When the check finds problems it lists them per child, writes nothing and exits with 1. The
// export is audited as the user given with --as (default: the council's first tenant administrator),
// who must be allowed to export returns.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Ctx } from "../lib/auth/context";
import { exportCinCensus } from "../lib/data/cin-census";
import { disconnectDb } from "../lib/db/client";
import { openDatabaseEnvironment } from "../lib/db/environment";
import { withPlatformOperator, withTenant } from "../lib/db/tenant";
import { AppError } from "../lib/errors";

const USAGE = "Usage: npm run export:cin-census -- --tenant <slug> --year <YYYY> --out <file> [--as <email>]";

const { values } = parseArgs({ options: { tenant: { type: "string" }, year: { type: "string" }, out: { type: "string" }, as: { type: "string" } } });
if (!values.tenant || !values.year || !values.out) {
  console.error(USAGE);
  process.exit(2);
}

const env = await openDatabaseEnvironment();
process.env.APP_DATABASE_URL = env.appUrl;
try {
  const tenant = await withPlatformOperator((tx) => tx.tenant.findUnique({ where: { slug: values.tenant! }, select: { id: true, name: true } }));
  if (!tenant) throw new AppError("NOT_FOUND", `There is no council "${values.tenant}".`);
  const user = await withTenant(tenant.id, (tx) =>
    tx.user.findFirst({
      where: { tenantId: tenant.id, active: true, ...(values.as ? { email: values.as } : { role: "TENANT_ADMIN" }) },
      orderBy: { email: "asc" },
      select: { id: true, name: true, role: true, teamId: true },
    }),
  );
  if (!user) throw new AppError("NOT_FOUND", values.as ? `There is no active user ${values.as} in ${tenant.name}.` : `${tenant.name} has no active tenant administrator: give one with --as <email>.`);
  const ctx: Ctx = { tenantId: tenant.id, userId: user.id, role: user.role, teamId: user.teamId, name: user.name, tenantName: tenant.name };

  const result = await exportCinCensus(ctx, { year: values.year, purpose: "download" });
  const label = `${tenant.name}, CIN census ${result.year - 1}-${String(result.year).slice(2)} (${result.childCount} children with a CIN episode open in the year)`;
  if (!result.ok) {
    console.error(`${label}: not written. Fix these first:\n`);
    for (const line of result.general) console.error(`- ${line}`);
    for (const child of result.children) {
      console.error(`Child ${child.laChildId}${child.name ? ` (${child.name})` : ""}:`);
      for (const problem of child.problems) console.error(`  - [${problem.module}] ${problem.message}`);
    }
    console.error(`\n${result.children.length} ${result.children.length === 1 ? "child has" : "children have"} problems.`);
    process.exitCode = 1;
  } else {
    const file = path.resolve(values.out!);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, result.xml, "utf8");
    console.log(`${label}: written to ${file} (LA ${result.laCode})`);
  }
} catch (error) {
  console.error(error instanceof AppError ? error.message : (error as Error).stack);
  process.exitCode = process.exitCode || 1;
} finally {
  await disconnectDb();
  await env.stop();
}
// explicitly: the embedded server's exit hook would otherwise end the process with 0
process.exit(process.exitCode ?? 0);
