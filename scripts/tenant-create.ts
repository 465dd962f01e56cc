// npm run tenant:create -- --name "Borough of Exeford" --slug exeford --la-code 878 --population 45000
//   --admin-email admin@exeford.gov.uk --admin-name "Sam Okafor" [--base-url https://continuum.example]
// The platform operator adds a council, with every setting at its default, and its first tenant
// administrator. Their one-time link to choose a password (decision 0017) is printed once, here, and
// kept only as a hash: hand it over securely. They then add the council's users and teams (Users and teams) and
// change its settings (Council settings).
import os from "node:os";
import { parseArgs } from "node:util";
import { disconnectDb } from "../lib/db/client";
import { openDatabaseEnvironment } from "../lib/db/environment";
import { createCouncil } from "../lib/data/councils";
import { AppError } from "../lib/errors";

const USAGE =
  'Usage: npm run tenant:create -- --name "Borough of Exeford" --slug exeford --la-code 878 --population 45000 --admin-email admin@exeford.gov.uk --admin-name "Sam Okafor" [--base-url https://continuum.example]';
const FLAGS: Record<string, string> = { name: "--name", slug: "--slug", laCode: "--la-code", childPopulation: "--population", adminEmail: "--admin-email", adminName: "--admin-name" };

let values: Record<string, string | undefined>;
try {
  values = parseArgs({
    options: { name: { type: "string" }, slug: { type: "string" }, "la-code": { type: "string" }, population: { type: "string" }, "admin-email": { type: "string" }, "admin-name": { type: "string" }, "base-url": { type: "string" } },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

const env = await openDatabaseEnvironment();
process.env.APP_DATABASE_URL = env.appUrl;
try {
  const council = await createCouncil(
    {
      name: values.name!,
      slug: values.slug!,
      laCode: values["la-code"]!,
      childPopulation: values.population!,
      adminEmail: values["admin-email"]!,
      adminName: values["admin-name"]!,
    },
    { operator: os.userInfo().username },
  );
  console.log(`Added ${council.name} (${council.slug}), every setting at its default.`);
  const base = (values["base-url"] ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  console.log(`Its tenant administrator, ${council.admin.name}, signs in as ${council.admin.email}. They choose their password through this link:`);
  console.log(`\n    ${base}/set-password?token=${encodeURIComponent(council.passwordLinkToken)}\n`);
  console.log("It works once, for 7 days, and is shown only now (only its hash is kept): hand it over securely.");
  console.log("The administrator then adds the council's teams and users (Users and teams) and checks its settings (Council settings).");
} catch (error) {
  if (error instanceof AppError && error.fieldErrors) {
    console.error("The council was not added:");
    for (const [field, messages] of Object.entries(error.fieldErrors)) for (const m of messages) console.error(`  ${FLAGS[field] ?? field}: ${m}`);
    console.error(USAGE);
  } else console.error(error instanceof AppError ? error.message : (error as Error).stack);
  process.exitCode = 1;
} finally {
  await disconnectDb();
  await env.stop();
}
