// The SSDA903 export from the database: every demo council's 2025-26 return passes the check and uses
// only the codes of the reference schema (../shared/reference/ssda903 with the yearly diffs applied),
// with exact header rows and dd/mm/yyyy dates; a child with a problem is listed and nothing is
// written; one council's export never holds another's children; only export roles may run it.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../../lib/auth/context";
import { exportSsda903, SSDA903_HELD_TABLES, type Ssda903Export } from "../../lib/data/ssda903";
import { withPlatformOperator, withTenant } from "../../lib/db/tenant";
import { fromIsoDate, isIsoDate } from "../../lib/domain/dates";
import type { Role } from "../../lib/domain/roles";
import { SSDA903_CODED_COLUMNS } from "../../lib/domain/ssda903-codes";
import { SSDA903_COLUMNS } from "../../lib/exports/ssda903/columns";
import { loadReferenceSchema, referenceCanBeBlank, referenceCodes, referenceColumns, schemaTableName } from "../../lib/exports/ssda903/testing/reference-schema";
import { seedDemoCouncils } from "../../prisma/seed/index";

const schema = loadReferenceSchema(2026);
type Council = { id: string; slug: string; name: string };
let councils: Council[] = [];

async function ctxAs(council: Council, role: Role): Promise<Ctx> {
  const user = await withTenant(council.id, (tx) => tx.user.findFirstOrThrow({ where: { tenantId: council.id, role }, orderBy: { email: "asc" } }));
  return { tenantId: council.id, userId: user.id, role, teamId: user.teamId, name: user.name, tenantName: council.name };
}

/** The CSVs the export writes hold no quoted values (no commas in the data), so a split is enough. */
function parse(csv: string): string[][] {
  expect(csv).not.toContain('"');
  expect(csv.endsWith("\r\n")).toBe(true);
  return csv.slice(0, -2).split("\r\n").map((line) => line.split(","));
}

function describeProblems(result: Ssda903Export): string {
  return result.ok ? "" : JSON.stringify({ general: result.general, children: result.children.slice(0, 5) }, null, 1);
}

const laChildIds = async (council: Council) =>
  new Set((await withTenant(council.id, (tx) => tx.person.findMany({ where: { tenantId: council.id, laChildId: { not: null } }, select: { laChildId: true } }))).map((p) => p.laChildId!));

beforeAll(async () => {
  await seedDemoCouncils({ today: "2026-11-20" });
  councils = await withPlatformOperator((tx) => tx.tenant.findMany({ select: { id: true, slug: true, name: true }, orderBy: { slug: "asc" } }));
}, 180_000);

describe("SSDA903 export of the demo councils (2025-26)", () => {
  it("is ready for every council: no problems, exact headers, reference codes only, dd/mm/yyyy dates", async () => {
    expect(councils).toHaveLength(3);
    for (const council of councils) {
      const result = await exportSsda903(await ctxAs(council, "HEAD_OF_SERVICE"), { year: 2026, purpose: "download" });
      expect(result.ok, `${council.slug}: ${describeProblems(result)}`).toBe(true);
      if (!result.ok) continue;
      expect(result.period).toEqual({ from: "2025-04-01", to: "2026-03-31" });
      expect(result.childCount).toBeGreaterThan(0);
      expect(result.files.map((f) => f.table)).toEqual([...SSDA903_HELD_TABLES]);
      for (const file of result.files) {
        expect(file.fileName).toBe(`SSDA903_2026_${file.table}.csv`);
        const [header, ...rows] = parse(file.csv);
        expect(header, `${council.slug} ${file.table} header`).toEqual([...SSDA903_COLUMNS[file.table]]);
        expect(header, `${file.table} columns are the reference schema's`).toEqual(referenceColumns(schema, file.table));
        expect(rows.length, `${council.slug} ${file.table} rows`).toBeGreaterThan(0);
        const columns = schema.column_map[schemaTableName(file.table)]!;
        header!.forEach((column, i) => {
          const spec = columns[column]!;
          const coded = SSDA903_CODED_COLUMNS.some((c) => c.table === file.table && c.column === column);
          const codes = spec.category ? referenceCodes(schema, file.table, column) : null;
          for (const row of rows) {
            expect(row, `${file.table} row width`).toHaveLength(header!.length);
            const value = row[i]!;
            const where = `${council.slug} ${file.table}.${column} of ${row[0]}`;
            if (value === "") {
              // blank is allowed where the schema allows it, and for end dates and their reasons while open
              const openEnd = ["DEC", "REC", "REASON_PLACE_CHANGE", "SW_DEC", "SW_REASON", "MC_DOB", "MOTHER", "URN", "PLACE_PROVIDER"].includes(column);
              expect(referenceCanBeBlank(schema, file.table, column) || openEnd, `${where} is blank`).toBe(true);
              continue;
            }
            if (codes) expect(codes, `${where} = "${value}"`).toContain(value);
            else expect(coded, `${column} is coded in the export but not in the schema`).toBe(false);
            if (spec.date) {
              expect(value, `${where} is dd/mm/yyyy`).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
              const [d, m, y] = value.split("/");
              expect(isIsoDate(`${y}-${m}-${d}`), `${where} = ${value} is a real date`).toBe(true);
            }
          }
        });
      }
      // Z1 is still in the reference list but not a 2025-26 code: never written
      const episodes = parse(result.files.find((f) => f.table === "Episodes")!.csv);
      expect(episodes.slice(1).map((r) => r[5])).not.toContain("Z1");
    }
  });

  it("holds only the council's own children, read by the context's council", async () => {
    const exports = new Map<string, string[]>();
    for (const council of councils) {
      const result = await exportSsda903(await ctxAs(council, "TENANT_ADMIN"), { year: "2026", purpose: "download" });
      if (!result.ok) throw new Error(describeProblems(result));
      exports.set(council.id, parse(result.files.find((f) => f.table === "Header")!.csv).slice(1).map((r) => r[0]!));
    }
    for (const council of councils) {
      const own = await laChildIds(council);
      const children = exports.get(council.id)!;
      expect(children.length).toBeGreaterThan(0);
      for (const child of children) expect(own.has(child), `${council.slug} ${child}`).toBe(true);
      for (const other of councils.filter((c) => c.id !== council.id)) {
        const theirs = await laChildIds(other);
        expect(children.filter((c) => theirs.has(c)), `${council.slug} holds ${other.slug}'s children`).toEqual([]);
      }
    }
    // the council comes from the context, never from the user: a context for council B reads B
    const [a, b] = councils as [Council, Council];
    const headOfA = await ctxAs(a, "HEAD_OF_SERVICE");
    const forged = await exportSsda903({ ...headOfA, tenantId: b.id }, { year: 2026, purpose: "check" });
    expect(forged.ok).toBe(true);
    expect(forged.childCount).toBe(exports.get(b.id)!.length);
  });

  it("audits every check and export in the council's own log", async () => {
    const council = councils[0]!;
    const ctx = await ctxAs(council, "HEAD_OF_SERVICE");
    await exportSsda903(ctx, { year: 2026, purpose: "check" });
    await exportSsda903(ctx, { year: 2026, purpose: "download" });
    const events = await withTenant(council.id, (tx) =>
      tx.auditEvent.findMany({ where: { tenantId: council.id, actorId: ctx.userId, action: { startsWith: "export.ssda903" } }, orderBy: { id: "desc" }, take: 2 }),
    );
    expect(events.map((e) => e.action)).toEqual(["export.ssda903", "export.ssda903.checked"]);
    expect(events[0]!.details).toMatchObject({ year: 2026, ok: true, files: SSDA903_HELD_TABLES.map((t) => `SSDA903_2026_${t}.csv`) });
  });

  it("refuses roles without the export permission, and years it has no code lists for", async () => {
    const council = councils[0]!;
    for (const role of ["SOCIAL_WORKER", "TEAM_MANAGER"] as Role[]) {
      await expect(exportSsda903(await ctxAs(council, role), { year: 2026, purpose: "download" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const head = await ctxAs(council, "HEAD_OF_SERVICE");
    for (const year of [2025, 2027, "26", "", "2026; drop"]) {
      await expect(exportSsda903(head, { year, purpose: "check" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { year: expect.any(Array) } });
    }
  });

  it("lists a child whose episodes are wrong, with what to fix, and writes no file", async () => {
    const council = councils.find((c) => c.slug === "kingsmere")!;
    const t = council.id;
    const personId = randomUUID();
    await withTenant(t, async (tx) => {
      const careCase = await tx.carePeriod.findFirstOrThrow({ where: { tenantId: t }, select: { caseId: true } });
      await tx.person.create({
        data: { tenantId: t, id: personId, kind: "CHILD", firstName: "Problem", lastName: "Child", dateOfBirth: fromIsoDate("2015-06-01"), sex: "F", ethnicity: "WBRI", upn: null, laChildId: "KMPROBLEM1" },
      });
      const periodId = randomUUID();
      await tx.carePeriod.create({ data: { tenantId: t, id: periodId, personId, caseId: careCase.caseId, startDate: fromIsoDate("2025-05-01"), categoryOfNeed: "N1" } });
      const episode = { tenantId: t, carePeriodId: periodId, personId, place: "U3", provider: "PR1", urn: "SC992100", homePostcode: "KM1 1AA", placementPostcode: "KM2 2BB" };
      await tx.careEpisode.create({ data: { ...episode, startDate: fromIsoDate("2025-05-01"), endDate: fromIsoDate("2025-09-01"), legalStatus: "", reasonNewEpisode: "S" } });
      // the database refuses overlapping episodes (care_episode_no_overlap), so: a gap with a "change of placement"
      await tx.careEpisode.create({ data: { ...episode, startDate: fromIsoDate("2025-09-15"), legalStatus: "C2", reasonNewEpisode: "B", place: "U1" } });
    });
    const result = await exportSsda903(await ctxAs(council, "HEAD_OF_SERVICE"), { year: 2026, purpose: "download" });
    expect(result.ok).toBe(false);
    expect("files" in result).toBe(false);
    if (result.ok) return;
    const child = result.children.find((c) => c.childId === "KMPROBLEM1");
    expect(child).toMatchObject({ personId, name: "Problem Child" });
    const messages = child!.problems.map((p) => p.message).join("\n");
    expect(messages).toMatch(/legal status \(LS\)/);
    expect(messages).toMatch(/starts a new period of care, so its reason for new episode \(RNE\) is S, not B/);
    expect(messages).toMatch(/unique pupil number/);
    // the demo children are still fine: only the broken child is listed
    expect(result.children.map((c) => c.childId)).toEqual(["KMPROBLEM1"]);
    // an administrator sees the child's identifier, not their name
    const forAdmin = await exportSsda903(await ctxAs(council, "TENANT_ADMIN"), { year: 2026, purpose: "check" });
    expect(!forAdmin.ok && forAdmin.children[0]).toMatchObject({ childId: "KMPROBLEM1", name: null });
    const audit = await withTenant(t, (tx) => tx.auditEvent.findFirstOrThrow({ where: { tenantId: t, action: "export.ssda903" }, orderBy: { id: "desc" } }));
    expect(audit.details).toMatchObject({ ok: false, childrenWithProblems: 1 });
  });

  it("asks for the URN of a children's home in England, not of one in Wales", async () => {
    const council = councils.find((c) => c.slug === "tamsbridge")!;
    const t = council.id;
    const child = async (laChildId: string, placementLaCode: string) => {
      const personId = randomUUID();
      await withTenant(t, async (tx) => {
        const careCase = await tx.carePeriod.findFirstOrThrow({ where: { tenantId: t }, select: { caseId: true } });
        await tx.person.create({
          data: { tenantId: t, id: personId, kind: "CHILD", firstName: "Home", lastName: laChildId, dateOfBirth: fromIsoDate("2010-02-01"), sex: "M", ethnicity: "WBRI", upn: "A123456789012", laChildId },
        });
        const periodId = randomUUID();
        await tx.carePeriod.create({ data: { tenantId: t, id: periodId, personId, caseId: careCase.caseId, startDate: fromIsoDate("2025-06-01"), categoryOfNeed: "N1" } });
        await tx.careEpisode.create({
          data: { tenantId: t, carePeriodId: periodId, personId, startDate: fromIsoDate("2025-06-01"), legalStatus: "C2", reasonNewEpisode: "S", place: "K2", provider: "PR4", urn: null, homePostcode: "TB1 1AA", placementPostcode: "CF10 1AA", placementLaCode },
        });
      });
    };
    await child("TBWALES1", "WAL");
    await child("TBENGLAND1", "931");
    const result = await exportSsda903(await ctxAs(council, "HEAD_OF_SERVICE"), { year: 2026, purpose: "check" });
    if (result.ok) throw new Error("the English home has no URN: the check should list it");
    const problems = (childId: string) => result.children.find((c) => c.childId === childId)?.problems.map((p) => p.message).join("\n") ?? "";
    expect(problems("TBENGLAND1")).toMatch(/URN/);
    expect(problems("TBWALES1")).not.toMatch(/URN/);
  });

  it("names a child's social worker with no Social Work England number, and says who records it where", async () => {
    const council = councils.find((c) => c.slug === "tamsbridge")!;
    const t = council.id;
    const lead = await withTenant(t, async (tx) => {
      const period = await tx.carePeriod.findFirstOrThrow({ where: { tenantId: t, endDate: null }, select: { caseId: true } });
      const allocation = await tx.allocation.findFirstOrThrow({
        where: { tenantId: t, caseId: period.caseId, roleOnCase: "LEAD", endDate: null, worker: { role: "SOCIAL_WORKER" } },
        select: { worker: { select: { id: true, name: true } } },
      });
      await tx.user.update({ where: { tenantId_id: { tenantId: t, id: allocation.worker.id } }, data: { sweRegistration: null } });
      return allocation.worker;
    });
    const result = await exportSsda903(await ctxAs(council, "HEAD_OF_SERVICE"), { year: 2026, purpose: "check" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.children.flatMap((c) => c.problems.map((p) => p.message));
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^${lead.name}, the child's social worker from .*, has no Social Work England registration number recorded \\(SW_ID\\)\\. A tenant administrator records it on their page in Users and teams\\.$`)));
  });
});
