// npm run bench [-- --tenant scale-county --requests 300]
// Measures server time (the data function a page calls, including its transaction and audit write)
// on the large council made by `npm run seed:scale`, and writes p50/p95 to bench/results.json.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import type { Ctx } from "../lib/auth/context";
import { disconnectDb } from "../lib/db/client";
import { openDatabaseEnvironment } from "../lib/db/environment";
import { getBoroughDashboard } from "../lib/data/kpis";
import { searchPeople } from "../lib/data/search";
import { getTeamDashboard } from "../lib/data/teams";

const { values } = parseArgs({ options: { tenant: { type: "string", default: "large-county" }, requests: { type: "string", default: "300" } } });
const slug = values.tenant!;
const requests = Number(values.requests);

export type BenchResult = { name: string; p50Ms: number; p95Ms: number; requests: number; dataSize: string };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(name: string, dataSize: string, inputs: string[], run: (input: string) => Promise<unknown>): Promise<BenchResult> {
  for (const input of inputs.slice(0, 20)) await run(input); // warm the pool and the caches
  const times: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await run(input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const result = { name, p50Ms: Math.round(percentile(times, 50) * 10) / 10, p95Ms: Math.round(percentile(times, 95) * 10) / 10, requests: times.length, dataSize };
  console.log(`${name}: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms over ${result.requests} requests (${dataSize})`);
  return result;
}

const env = await openDatabaseEnvironment();
process.env.APP_DATABASE_URL = env.appUrl;
const client = new pg.Client({ connectionString: env.appUrl });
await client.connect();
try {
  await client.query("BEGIN");
  await client.query("SELECT set_config('app.platform_operator', 'on', true)");
  const tenant = (await client.query<{ tenant_id: string; name: string }>("SELECT tenant_id, name FROM tenant WHERE slug = $1", [slug])).rows[0];
  await client.query("COMMIT");
  if (!tenant) throw new Error(`No council ${slug}. Run: npm run seed:scale -- --tenant ${slug} --profile county`);

  await client.query("BEGIN");
  await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenant.tenant_id]);
  const size = (await client.query<{ people: number; cases: number; open_cases: number; referrals: number; visits: number }>(
    `SELECT (SELECT count(*)::int FROM person) AS people, (SELECT count(*)::int FROM case_file) AS cases,
            (SELECT count(*)::int FROM case_file WHERE status = 'OPEN') AS open_cases,
            (SELECT count(*)::int FROM cin_episode) AS referrals, (SELECT count(*)::int FROM visit) AS visits`,
  )).rows[0]!;
  const worker = (await client.query<{ id: string; name: string; team_id: string }>("SELECT id, name, team_id FROM app_user WHERE role = 'SOCIAL_WORKER' ORDER BY email LIMIT 1")).rows[0]!;
  const managers = (await client.query<{ id: string; name: string; team_id: string }>("SELECT id, name, team_id FROM app_user WHERE role = 'TEAM_MANAGER' ORDER BY email")).rows;
  const head = (await client.query<{ id: string; name: string }>("SELECT id, name FROM app_user WHERE role = 'HEAD_OF_SERVICE' LIMIT 1")).rows[0]!;
  // people to look for, spread through the table
  const sample = (await client.query<{ first_name: string; last_name: string; dob: string; la_child_id: string | null; postcode: string | null }>(
    `SELECT first_name, last_name, to_char(date_of_birth, 'DD/MM/YYYY') AS dob, la_child_id, postcode FROM person
     WHERE kind = 'CHILD' AND length(last_name) >= 5 ORDER BY md5(id::text) LIMIT $1`,
    [requests],
  )).rows;
  await client.query("COMMIT");
  const dataSize = `${size.people.toLocaleString("en-GB")} people, ${size.cases.toLocaleString("en-GB")} cases (${size.open_cases.toLocaleString("en-GB")} open), ${size.referrals.toLocaleString("en-GB")} referrals, ${size.visits.toLocaleString("en-GB")} visits`;
  console.log(`Council ${tenant.name}: ${dataSize}`);

  const ctx: Ctx = { tenantId: tenant.tenant_id, userId: worker.id, role: "SOCIAL_WORKER", teamId: worker.team_id, name: worker.name, tenantName: tenant.name };
  // what practitioners type: a misspelt name with the date of birth, a surname and birth year, a full
  // name, an id, a surname and the postcode district
  const queries = sample.map((p, i) => {
    const l = p.last_name;
    switch (i % 5) {
      case 0:
        return `${p.first_name} ${l.slice(0, 2)}${l[3]}${l[2]}${l.slice(4)} ${p.dob}`;
      case 1:
        return `${l} ${p.dob.slice(-4)}`;
      case 2:
        return `${p.first_name} ${l}`;
      case 3:
        return p.la_child_id ?? `${p.first_name} ${l}`;
      default:
        return p.postcode ? `${l} ${p.postcode.split(" ")[0]}` : `${p.first_name} ${l}`;
    }
  });

  const results: BenchResult[] = [];
  results.push(await measure("person-search", dataSize, queries, (q) => searchPeople(ctx, q)));

  // team dashboards: every team in turn, as its manager
  const teamRuns = Array.from({ length: Math.min(requests, 200) }, (_, i) => String(i % managers.length));
  results.push(
    await measure(`team-dashboard`, `${dataSize}; ${managers.length} teams`, teamRuns, (i) => {
      const m = managers[Number(i)]!;
      return getTeamDashboard({ tenantId: tenant.tenant_id, userId: m.id, role: "TEAM_MANAGER", teamId: m.team_id, name: m.name, tenantName: tenant.name }, m.team_id);
    }),
  );

  // the head of service's dashboard: worked out afresh (the nightly job and the "work out again" link)…
  const hos: Ctx = { tenantId: tenant.tenant_id, userId: head.id, role: "HEAD_OF_SERVICE", teamId: null, name: head.name, tenantName: tenant.name };
  const fy = { kind: "fy" as const, year: Number(new Date().getUTCMonth() >= 3 ? new Date().getUTCFullYear() + 1 : new Date().getUTCFullYear()) };
  const compute: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await getBoroughDashboard(hos, fy, { refresh: true });
    compute.push(performance.now() - started);
  }
  compute.sort((a, b) => a - b);
  const computeResult = { name: "borough-kpis-compute", p50Ms: Math.round(percentile(compute, 50)), p95Ms: Math.round(percentile(compute, 95)), requests: 3, dataSize };
  console.log(`borough-kpis-compute: p50 ${computeResult.p50Ms} ms, p95 ${computeResult.p95Ms} ms over 3 recomputations`);
  results.push(computeResult);
  // …and as the head of service opens it (from the council's snapshot)
  results.push(await measure("borough-kpis", dataSize, Array.from({ length: 100 }, (_, i) => String(i)), () => getBoroughDashboard(hos, fy)));

  await mkdir("bench", { recursive: true });
  const file = "bench/results.json";
  const previous = JSON.parse(await readFile(file, "utf8").catch(() => "[]")) as BenchResult[];
  const merged = [...previous.filter((r) => !results.some((n) => n.name === r.name)), ...results];
  await writeFile(file, `${JSON.stringify(merged, null, 2)}\n`);
  console.log(`Written to ${file}.`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await client.end();
  await disconnectDb();
  await env.stop();
}
