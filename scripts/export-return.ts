// npm run export:cin-census -- --tenant <slug> --year <YYYY> --out <file> [--as <email>]
// npm run export:ssda903    -- --tenant <slug> --year <YYYY> --out <dir>  [--as <email>]
// Writes a council's Children in Need census (the DfE's XML) or SSDA903 return (one CSV per table the
// product holds), year 2026 = 1 April 2025 to 31 March 2026. When the check finds problems it lists
// them per child, writes nothing and exits with 1. The export is audited as the user given with --as
// (default: the council's first tenant administrator), who must be allowed to export returns.
import { parseArgs } from "node:util";
import { disconnectDb } from "../lib/db/client";
import { openDatabaseEnvironment } from "../lib/db/environment";
import { AppError } from "../lib/errors";
import { exportReturnToDisk, type ReturnKind } from "../lib/exports/command-line";

const USAGE: Record<ReturnKind, string> = {
  "cin-census": "Usage: npm run export:cin-census -- --tenant <slug> --year <YYYY> --out <file> [--as <email>]",
  ssda903: "Usage: npm run export:ssda903 -- --tenant <slug> --year <YYYY> --out <dir> [--as <email>]",
};

let kind: ReturnKind;
let values: { tenant?: string; year?: string; out?: string; as?: string };
try {
  const args = parseArgs({ allowPositionals: true, options: { tenant: { type: "string" }, year: { type: "string" }, out: { type: "string" }, as: { type: "string" } } });
  kind = args.positionals[0] as ReturnKind;
  values = args.values;
  if (!(kind in USAGE)) throw new Error(`Which return? ${Object.keys(USAGE).join(" or ")}`);
} catch (error) {
  console.error(`${(error as Error).message}\n${Object.values(USAGE).join("\n")}`);
  process.exit(2);
}
if (!values.tenant || !values.year || !values.out) {
  console.error(USAGE[kind]);
  process.exit(2);
}

const env = await openDatabaseEnvironment();
process.env.APP_DATABASE_URL = env.appUrl;
try {
  const written = await exportReturnToDisk({ kind, tenant: values.tenant, year: values.year, out: values.out, as: values.as }, { log: console.log, error: console.error });
  if (!written) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof AppError ? error.message : (error as Error).stack);
  process.exitCode = 1;
} finally {
  await disconnectDb();
  await env.stop();
}
// explicitly: the embedded server's exit hook would otherwise end the process with 0
process.exit(process.exitCode ?? 0);
