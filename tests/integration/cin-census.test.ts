// The CIN census from the database: every demo council's 2025-26 file validates against the census
// schema (../shared/reference/cin-census/CIN_schema_2026.xsd) and holds exactly the children SQL
// finds with an episode open in the year; a child with a problem is listed and nothing is written;
// overlapping referrals are joined; one council's export never holds another's children; only export
// roles may run it; every check and export is audited.
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../../lib/auth/context";
import { exportCinCensus, type CinCensusExport } from "../../lib/data/cin-census";
import { recordDisabilities } from "../../lib/data/statutory";
import { withPlatformOperator, withTenant } from "../../lib/db/tenant";
import { fromIsoDate } from "../../lib/domain/dates";
import { exportReturnToDisk } from "../../lib/exports/command-line";
import type { Role } from "../../lib/domain/roles";
import { schemaErrors } from "../../lib/exports/cin-census/testing/validate-xsd";
import { seedDemoCouncils } from "../../prisma/seed/index";
import { database } from "./setup";
import { withClient } from "../support/database";

type Council = { id: string; slug: string; name: string; laCode: string };
let councils: Council[] = [];

async function ctxAs(council: Council, role: Role): Promise<Ctx> {
  const user = await withTenant(council.id, (tx) => tx.user.findFirstOrThrow({ where: { tenantId: council.id, role }, orderBy: { email: "asc" } }));
  return { tenantId: council.id, userId: user.id, role, teamId: user.teamId, name: user.name, tenantName: council.name };
}

function xmlOf(result: CinCensusExport): string {
  if (!result.ok) throw new Error(JSON.stringify({ general: result.general, children: result.children.slice(0, 5) }, null, 1));
  return result.xml;
}

const all = (xml: string, element: string) => [...xml.matchAll(new RegExp(`<${element}>([^<]*)</${element}>`, "g"))].map((m) => m[1]!);

/** Straight from the database as the server's superuser (no exporter code, no row-level security): the LA child ids of the council's children with a CIN episode open in 2025-26. */
async function childrenInYear(slug: string): Promise<string[]> {
  return withClient(database.adminUrl, async (c) =>
    (
      await c.query<{ id: string }>(
        `SELECT DISTINCT p.la_child_id AS id FROM cin_episode e JOIN person p ON p.tenant_id = e.tenant_id AND p.id = e.person_id JOIN tenant t ON t.tenant_id = e.tenant_id
         WHERE t.slug = $1 AND e.referral_date <= '2026-03-31' AND (e.closure_date IS NULL OR e.closure_date >= '2025-04-01') ORDER BY 1`,
        [slug],
      )
    ).rows.map((r) => r.id),
  );
}

beforeAll(async () => {
  await seedDemoCouncils({ today: "2026-11-20" });
  councils = await withPlatformOperator((tx) => tx.tenant.findMany({ select: { id: true, slug: true, name: true, laCode: true }, orderBy: { slug: "asc" } }));
}, 180_000);

describe("CIN census of the demo councils (2025-26)", () => {
  it("is valid against the census schema for every council, with exactly the children open in the year", async () => {
    expect(councils).toHaveLength(3);
    for (const council of councils) {
      const result = await exportCinCensus(await ctxAs(council, "HEAD_OF_SERVICE"), { year: 2026, purpose: "download", now: new Date("2026-11-20T10:15:00Z") });
      const xml = xmlOf(result);
      expect(await schemaErrors(xml), council.slug).toEqual([]);
      expect(result).toMatchObject({ period: { from: "2025-04-01", to: "2026-03-31" }, laCode: council.laCode, fileName: `CIN_2026_${council.laCode}.xml` });
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n  <Header>')).toBe(true);
      expect(all(xml, "LEA")).toEqual([council.laCode]);
      expect(all(xml, "DateTime")).toEqual(["2026-11-20T10:15:00"]);
      const expected = await childrenInYear(council.slug);
      // the demo councils have some hundreds of children in need in the year; none is left out or added
      expect(expected.length, council.slug).toBeGreaterThan(50);
      expect(result.childCount).toBe(expected.length);
      expect(all(xml, "LAchildID")).toEqual(expected);
      // every module of the census is there in the demo data
      for (const element of ["CINclosureDate", "ReasonForClosure", "AssessmentAuthorisationDate", "CINPlanStartDate", "S47ActualStartDate", "InitialCPCtarget", "CPPstartDate", "CPPreviewDate", "UPN"]) {
        expect(all(xml, element).length, `${council.slug} ${element}`).toBeGreaterThan(0);
      }
      // no event after the year: on 31 March it had not happened (a conference's target date may be later)
      for (const [, element, date] of xml.matchAll(/<(\w+)>(\d{4}-\d{2}-\d{2})</g)) {
        if (element !== "InitialCPCtarget" && element !== "ExpectedPersonBirthDate") expect(date! <= "2026-03-31", `${council.slug} ${element} ${date}`).toBe(true);
      }
    }
  });

  it("holds only the council's own children, read by the context's council", async () => {
    const ids = new Map<string, string[]>();
    for (const council of councils) ids.set(council.id, all(xmlOf(await exportCinCensus(await ctxAs(council, "TENANT_ADMIN"), { year: "2026", purpose: "download" })), "LAchildID"));
    for (const council of councils) {
      for (const other of councils.filter((c) => c.id !== council.id)) {
        const theirs = new Set(await childrenInYear(other.slug));
        expect(ids.get(council.id)!.filter((id) => theirs.has(id)), `${council.slug} holds ${other.slug}'s children`).toEqual([]);
      }
    }
    // a user of council B exports B: the council comes from the context, never from the request
    const [a, b] = councils as [Council, Council];
    const headOfB = await ctxAs(b, "HEAD_OF_SERVICE");
    const asB = await exportCinCensus(headOfB, { year: 2026, purpose: "check" });
    expect(asB.laCode).toBe(b.laCode);
    expect(all(xmlOf(asB), "LAchildID")).toEqual(ids.get(b.id));
    expect(all(xmlOf(asB), "LAchildID").some((id) => ids.get(a.id)!.includes(id))).toBe(false);
  });

  it("refuses roles without the export permission, and years it has no schema for", async () => {
    const council = councils[0]!;
    for (const role of ["SOCIAL_WORKER", "TEAM_MANAGER", "FAMILY_KEYWORKER"] as Role[]) {
      await expect(exportCinCensus(await ctxAs(council, role), { year: 2026, purpose: "download" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const head = await ctxAs(council, "HEAD_OF_SERVICE");
    for (const year of [2025, 2027, "26", "", "2026; drop"]) {
      await expect(exportCinCensus(head, { year, purpose: "check" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { year: expect.any(Array) } });
    }
  });

  it("audits every check and export in the council's own log", async () => {
    const council = councils[0]!;
    const ctx = await ctxAs(council, "HEAD_OF_SERVICE");
    await exportCinCensus(ctx, { year: 2026, purpose: "check" });
    await exportCinCensus(ctx, { year: 2026, purpose: "download" });
    const events = await withTenant(council.id, (tx) =>
      tx.auditEvent.findMany({ where: { tenantId: council.id, actorId: ctx.userId, action: { startsWith: "export.cin-census" } }, orderBy: { id: "desc" }, take: 2 }),
    );
    expect(events.map((e) => e.action)).toEqual(["export.cin-census", "export.cin-census.checked"]);
    expect(events[0]!.details).toMatchObject({ year: 2026, ok: true, file: `CIN_2026_${council.laCode}.xml`, children: (await childrenInYear(council.slug)).length });
  });

  it("joins a referral made while the child's episode was open, and the file stays valid", async () => {
    const council = councils.find((c) => c.slug === "tamsbridge")!;
    const t = council.id;
    const before = xmlOf(await exportCinCensus(await ctxAs(council, "HEAD_OF_SERVICE"), { year: 2026, purpose: "check" }));
    const episode = await withTenant(t, (tx) =>
      tx.cinEpisode.findFirstOrThrow({ where: { tenantId: t, referralDate: { gte: fromIsoDate("2025-04-01"), lte: fromIsoDate("2025-12-31") }, closureDate: null }, include: { person: true }, orderBy: { referralDate: "asc" } }),
    );
    const laChildId = episode.person.laChildId!;
    const details = (xml: string) => xml.split("<Child>").find((c) => c.includes(`<LAchildID>${laChildId}</LAchildID>`))!.split("<CINdetails>").length - 1;
    await withTenant(t, (tx) =>
      tx.cinEpisode.create({ data: { tenantId: t, personId: episode.personId, caseId: episode.caseId, referralDate: fromIsoDate("2026-01-05"), referralSource: "6", primaryNeedCode: "N1", reReferral: true } }),
    );
    const after = xmlOf(await exportCinCensus(await ctxAs(council, "HEAD_OF_SERVICE"), { year: 2026, purpose: "check" }));
    expect(details(after)).toBe(details(before));
    expect(await schemaErrors(after)).toEqual([]);
  });

  it("gives a child recorded without an LA child ID (as the front door did before decision 0021) a stable one, and the file stays valid", async () => {
    const council = councils.find((c) => c.slug === "tamsbridge")!;
    const t = council.id;
    const personId = "0f8c2a1e-1111-4222-8333-944455556666";
    await withTenant(t, async (tx) => {
      const someCase = await tx.cinEpisode.findFirstOrThrow({ where: { tenantId: t }, select: { caseId: true } });
      await tx.person.create({ data: { tenantId: t, id: personId, kind: "CHILD", firstName: "New", lastName: "Referral", dateOfBirth: fromIsoDate("2021-05-01"), sex: "M", ethnicity: "WBRI" } });
      await tx.cinEpisode.create({ data: { tenantId: t, personId, caseId: someCase.caseId, referralDate: fromIsoDate("2025-09-01"), referralSource: "6", primaryNeedCode: "N2" } });
    });
    const first = xmlOf(await exportCinCensus(await ctxAs(council, "HEAD_OF_SERVICE"), { year: 2026, purpose: "check" }));
    expect(await schemaErrors(first)).toEqual([]);
    const child = first.split("<Child>").find((c) => c.includes("<LAchildID>P0F8C2A1E11114222833</LAchildID>"));
    // no UPN at 4 years old on 31 March 2026: not yet at school
    expect(child).toContain("<UPNunknown>UN6</UPNunknown>");
    // the same every time
    const again = xmlOf(await exportCinCensus(await ctxAs(council, "TENANT_ADMIN"), { year: 2026, purpose: "check" }));
    expect(all(again, "LAchildID")).toEqual(all(first, "LAchildID"));
  });

  it("lists a child with problems, with what to fix, and writes no file", async () => {
    // the database already refuses unknown codes and a closure without a reason; these it cannot see
    const council = councils.find((c) => c.slug === "kingsmere")!;
    const t = council.id;
    const personId = randomUUID();
    await withTenant(t, async (tx) => {
      const someCase = await tx.cinEpisode.findFirstOrThrow({ where: { tenantId: t }, select: { caseId: true } });
      const recorder = await tx.user.findFirstOrThrow({ where: { tenantId: t, role: "SOCIAL_WORKER" }, select: { id: true } });
      await tx.person.create({
        data: { tenantId: t, id: personId, kind: "CHILD", firstName: "Problem", lastName: "Child", dateOfBirth: fromIsoDate("2014-06-01"), sex: "F", ethnicity: null, laChildId: "KMCINPROBLEM1" },
      });
      const episodeId = randomUUID();
      await tx.cinEpisode.create({ data: { tenantId: t, id: episodeId, personId, caseId: someCase.caseId, referralDate: fromIsoDate("2025-06-02"), referralSource: "2A", primaryNeedCode: null } });
      await tx.assessment.create({
        data: { tenantId: t, personId, caseId: someCase.caseId, cinEpisodeId: episodeId, startDate: fromIsoDate("2025-05-28"), authorisedDate: fromIsoDate("2025-07-01"), factors: ["4B"], recordedById: recorder.id },
      });
    });
    const result = await exportCinCensus(await ctxAs(council, "HEAD_OF_SERVICE"), { year: 2026, purpose: "download" });
    expect(result.ok).toBe(false);
    expect("xml" in result).toBe(false);
    if (result.ok) return;
    // only the broken child is listed: the demo children are fine
    expect(result.children.map((c) => c.laChildId)).toEqual(["KMCINPROBLEM1"]);
    expect(result.children[0]).toMatchObject({ personId, name: "Problem Child" });
    expect(result.children[0]!.problems).toEqual([
      { module: "Child", message: "Give the child's unique pupil number (UPN), or the reason it is not known (UN1–UN7)." },
      { module: "Child", message: "The child: give the ethnicity." },
      { module: "Referral", message: "The referral of 2 Jun 2025: give the primary need code." },
      { module: "Assessment", message: "The assessment starting 28 May 2025 (28 May 2025) is before the referral (2 Jun 2025). Check the dates, or record it on the right episode." },
    ]);
    // an administrator sees the child's identifier, not their name or a link to their record
    const forAdmin = await exportCinCensus(await ctxAs(council, "TENANT_ADMIN"), { year: 2026, purpose: "check" });
    expect(!forAdmin.ok && forAdmin.children[0]).toMatchObject({ laChildId: "KMCINPROBLEM1", personId: null, name: null });
    const audit = await withTenant(t, (tx) => tx.auditEvent.findFirstOrThrow({ where: { tenantId: t, action: "export.cin-census" }, orderBy: { id: "desc" } }));
    expect(audit.details).toMatchObject({ ok: false, childrenWithProblems: 1 });
  });

  it("writes the disabilities a social worker records for a child, and the file stays valid", async () => {
    // (Kingsmere has a child with problems, added by an earlier test)
    const council = councils.find((c) => c.slug === "wexcombe")!;
    const other = councils.find((c) => c.slug === "tamsbridge")!;
    const [child] = await withClient(database.adminUrl, async (c) =>
      (
        await c.query<{ id: string; la: string }>(
          `SELECT p.id, p.la_child_id AS la FROM cin_episode e JOIN person p ON p.tenant_id = e.tenant_id AND p.id = e.person_id
           WHERE e.tenant_id = $1 AND e.referral_date <= '2026-03-31' AND (e.closure_date IS NULL OR e.closure_date >= '2025-04-01') ORDER BY p.la_child_id LIMIT 1`,
          [council.id],
        )
      ).rows,
    );
    const worker = await ctxAs(council, "SOCIAL_WORKER");
    await expect(recordDisabilities(worker, { personId: child!.id, disabilities: ["NONE", "AUT"] })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(recordDisabilities(await ctxAs(council, "FAMILY_KEYWORKER"), { personId: child!.id, disabilities: ["AUT"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordDisabilities(await ctxAs(other, "SOCIAL_WORKER"), { personId: child!.id, disabilities: ["AUT"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await recordDisabilities(worker, { personId: child!.id, disabilities: ["AUT", "LD"] });

    const xml = xmlOf(await exportCinCensus(await ctxAs(council, "HEAD_OF_SERVICE"), { year: 2026, purpose: "download", now: new Date("2026-11-20T10:15:00Z") }));
    expect(await schemaErrors(xml)).toEqual([]);
    const mine = xml.slice(xml.indexOf(`<LAchildID>${child!.la}</LAchildID>`));
    expect(mine.slice(0, mine.indexOf("</ChildIdentifiers>") + 400)).toContain("<Disabilities>\n          <Disability>AUT</Disability>\n          <Disability>LD</Disability>\n        </Disabilities>");
  });
});

describe("the returns from the command line (npm run export:cin-census / export:ssda903)", () => {
  const output = () => {
    const lines = { log: [] as string[], error: [] as string[] };
    return { lines, out: { log: (l: string) => lines.log.push(l), error: (l: string) => lines.error.push(l) } };
  };
  const folder = () => mkdtemp(path.join(os.tmpdir(), "continuum-export-"));

  it("writes the census as a valid file, and the 903 as one CSV per table, audited as the council's administrator", async () => {
    const dir = await folder();
    const { lines, out } = output();
    expect(await exportReturnToDisk({ kind: "cin-census", tenant: "tamsbridge", year: "2026", out: path.join(dir, "census", "cin.xml") }, out)).toBe(true);
    const xml = await readFile(path.join(dir, "census", "cin.xml"), "utf8");
    expect(await schemaErrors(xml)).toEqual([]);
    const council = councils.find((c) => c.slug === "tamsbridge")!;
    const onScreen = xmlOf(await exportCinCensus(await ctxAs(council, "HEAD_OF_SERVICE"), { year: 2026, purpose: "check" }));
    expect(all(xml, "LAchildID")).toEqual(all(onScreen, "LAchildID"));
    expect(lines.log.join("\n")).toMatch(/CIN census 2025-26 \(\d+ children with a CIN episode open in the year\): written to .*cin\.xml/);
    const audit = await withTenant(council.id, (tx) => tx.auditEvent.findFirstOrThrow({ where: { tenantId: council.id, action: "export.cin-census" }, orderBy: { id: "desc" } }));
    expect(audit.actorId).toBe((await ctxAs(council, "TENANT_ADMIN")).userId);

    expect(await exportReturnToDisk({ kind: "ssda903", tenant: "tamsbridge", year: "2026", out: path.join(dir, "903") }, out)).toBe(true);
    const files = (await readdir(path.join(dir, "903"))).sort();
    expect(files.length).toBeGreaterThanOrEqual(4);
    const header = await readFile(path.join(dir, "903", files.find((f) => /header/i.test(f))!), "utf8");
    expect(header.split("\r\n")[0]).toBe("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB");
  });

  it("lists each child's problems and writes nothing", async () => {
    // (Kingsmere has a child with problems, added by an earlier test)
    const dir = await folder();
    const { lines, out } = output();
    expect(await exportReturnToDisk({ kind: "cin-census", tenant: "kingsmere", year: "2026", out: path.join(dir, "cin.xml") }, out)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
    // run as the administrator: the child's identifier, not their name
    expect(lines.error).toContain("Child KMCINPROBLEM1:");
    expect(lines.error).toContain("  - [Referral] The referral of 2 Jun 2025: give the primary need code.");
    expect(lines.error.at(-1)).toBe("\n1 child has problems.");
  });

  it("refuses an unknown council or user, a user who may not export, and a year it has no schema for, saying what to give", async () => {
    const { out } = output();
    const request = { kind: "cin-census" as const, tenant: "tamsbridge", year: "2026", out: path.join(await folder(), "cin.xml") };
    await expect(exportReturnToDisk({ ...request, tenant: "nowhere" }, out)).rejects.toMatchObject({ code: "NOT_FOUND", message: 'There is no council "nowhere". Give its short name with --tenant.' });
    await expect(exportReturnToDisk({ ...request, as: "nobody@tamsbridge.example" }, out)).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("There is no active user nobody@tamsbridge.example") });
    const worker = await ctxAs(councils.find((c) => c.slug === "tamsbridge")!, "SOCIAL_WORKER");
    const email = (await withTenant(worker.tenantId, (tx) => tx.user.findUniqueOrThrow({ where: { tenantId_id: { tenantId: worker.tenantId, id: worker.userId } } }))).email;
    await expect(exportReturnToDisk({ ...request, as: email }, out)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportReturnToDisk({ ...request, kind: "ssda903", year: "2019" }, out)).rejects.toMatchObject({ code: "VALIDATION" });
    // the council of another user's email is not reachable through --as
    await expect(exportReturnToDisk({ ...request, as: "hos@kingsmere.example" }, out)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
