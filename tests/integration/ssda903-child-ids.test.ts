// The SSDA903 from the database knows a child without a recorded LA child id by the identifier the CIN
// census derives for them (docs/decisions/0021-child-identifiers.md), so a child has one CHILD in both
// returns; and each child's problems stay with their own record, even when children share a CHILD.
// Small hand-made councils, so the return holds only the children each test makes.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { exportCinCensus } from "../../lib/data/cin-census";
import { exportSsda903 } from "../../lib/data/ssda903";
import { withTenant } from "../../lib/db/tenant";
import { fromIsoDate } from "../../lib/domain/dates";
import { laChildIdFor, upnCheckLetter } from "../../lib/domain/identifiers";
import { allocate, createCase, createFamily, createTeam, createTenant, createUser, ctxFor, type TestUser } from "../support/factories";

type Council = { tenantId: string; worker: TestUser; head: TestUser };

async function makeCouncil(): Promise<Council> {
  const tenant = await createTenant();
  const team = await createTeam(tenant.id, { kind: "CHILDREN_IN_CARE" });
  return {
    tenantId: tenant.id,
    worker: await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: team.id }),
    head: await createUser(tenant.id, { role: "HEAD_OF_SERVICE" }),
  };
}

let serial = 100;
/** A valid UPN: the check letter worked out for 12 fresh characters. */
function freshUpn(): string {
  const rest = `8${String(serial++).padStart(10, "0")}3`;
  return `${upnCheckLetter(rest)}${rest}`;
}

describe("the SSDA903 knows each child by the census's identifier", () => {
  /**
   * A child (born 2014) looked after since 1 May 2025 in their case led by the council's social worker:
   * `broken` leaves out the episode's legal status; `registered: false` leaves the worker without a
   * Social Work England number.
   */
  async function lookedAfter(council: Council, options: { laChildId: string | null; ethnicity?: string | null; broken?: boolean; registered?: boolean }) {
    const t = council.tenantId;
    const { family, children } = await createFamily(t, { children: [{ dateOfBirth: "2014-09-01" }] });
    const person = children[0]!;
    const c = await createCase(t, { familyId: family.id, childIds: [person.id], level: "LOOKED_AFTER", teamId: council.worker.teamId, openedOn: "2025-01-10" });
    await allocate(t, c.id, council.worker.id, "LEAD", "2025-01-10");
    const child = { id: person.id, caseId: c.id, name: `${person.firstName} ${person.lastName}` };
    await withTenant(t, async (tx) => {
      await tx.person.update({
        where: { tenantId_id: { tenantId: t, id: child.id } },
        data: { laChildId: options.laChildId, ethnicity: options.ethnicity === undefined ? "WBRI" : options.ethnicity, upn: freshUpn() },
      });
      const periodId = randomUUID();
      await tx.carePeriod.create({ data: { tenantId: t, id: periodId, personId: child.id, caseId: child.caseId, startDate: fromIsoDate("2025-05-01"), categoryOfNeed: "N1" } });
      await tx.careEpisode.create({
        data: { tenantId: t, carePeriodId: periodId, personId: child.id, startDate: fromIsoDate("2025-05-01"), legalStatus: options.broken ? "" : "C2", reasonNewEpisode: "S", place: "U3", provider: "PR1", urn: "SC992100", homePostcode: "KM1 1AA", placementPostcode: "KM2 2BB" },
      });
      await tx.user.update({ where: { tenantId_id: { tenantId: t, id: council.worker.id } }, data: { sweRegistration: options.registered === false ? null : "SW123456" } });
    });
    return child;
  }

  it("a child without a recorded LA child id is written under the id the census gives them", async () => {
    const council = await makeCouncil();
    const child = await lookedAfter(council, { laChildId: null });
    const expected = laChildIdFor({ id: child.id, laChildId: null });
    const result = await exportSsda903(ctxFor(council.head), { year: 2026, purpose: "download" });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    const header = result.files.find((f) => f.table === "Header")!.csv.split("\r\n");
    expect(header[1]).toMatch(new RegExp(`^${expected},`));
    for (const table of ["Episodes", "SWEpisodes"]) expect(result.files.find((f) => f.table === table)!.csv, table).toContain(`\r\n${expected},`);

    // the census, for the same child, uses the same identifier
    await withTenant(council.tenantId, (tx) =>
      tx.cinEpisode.create({ data: { tenantId: council.tenantId, personId: child.id, caseId: child.caseId, referralDate: fromIsoDate("2025-04-20"), referralSource: "1A", primaryNeedCode: "N1" } }),
    );
    const census = await exportCinCensus(ctxFor(council.head), { year: 2026, purpose: "check" });
    const inCensus = census.ok ? census.xml.includes(`<LAchildID>${expected}</LAchildID>`) : census.children.some((c) => c.laChildId === expected);
    expect(inCensus, JSON.stringify(census).slice(0, 2000)).toBe(true);
  });

  it("lists each child without a recorded id with their own record and problems, and two children sharing a CHILD separately", async () => {
    const council = await makeCouncil();
    // two children without an LA child id: one with no ethnicity, one with an episode without a legal status
    const noEthnicity = await lookedAfter(council, { laChildId: null, ethnicity: null });
    const noStatus = await lookedAfter(council, { laChildId: null, broken: true });
    // and a child whose recorded id is, by a slip, another's derived one
    const clash = await lookedAfter(council, { laChildId: null });
    const derived = laChildIdFor({ id: clash.id, laChildId: null });
    const typedIn = await lookedAfter(council, { laChildId: derived });

    const result = await exportSsda903(ctxFor(council.head), { year: 2026, purpose: "check" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const of = (personId: string) => result.children.filter((c) => c.personId === personId);
    expect(result.children.every((c) => c.personId !== null)).toBe(true);

    expect(of(noEthnicity.id)).toEqual([expect.objectContaining({ childId: laChildIdFor({ id: noEthnicity.id, laChildId: null }), name: noEthnicity.name })]);
    expect(of(noEthnicity.id)[0]!.problems.map((p) => p.message)).toEqual([expect.stringMatching(/ethnicity \(ETHNIC\)/)]);
    expect(of(noStatus.id)).toEqual([expect.objectContaining({ childId: laChildIdFor({ id: noStatus.id, laChildId: null }), name: noStatus.name })]);
    expect(of(noStatus.id)[0]!.problems.map((p) => p.message).join("\n")).toMatch(/legal status \(LS\)/);
    expect(of(noStatus.id)[0]!.problems.map((p) => p.message).join("\n")).not.toMatch(/ETHNIC/);

    for (const child of [clash, typedIn]) {
      expect(of(child.id), child.name).toEqual([expect.objectContaining({ childId: derived, name: child.name })]);
      expect(of(child.id)[0]!.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^Another child in the return has the identifier \(CHILD\)/)]);
    }
    expect(result.children).toHaveLength(4);
  });

  it("keeps problems only the database sees (a social worker without a registration number) with each child's own record", async () => {
    const council = await makeCouncil();
    const first = await lookedAfter(council, { laChildId: null, registered: false });
    const second = await lookedAfter(council, { laChildId: null, registered: false });
    const result = await exportSsda903(ctxFor(council.head), { year: 2026, purpose: "check" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.children.map((c) => c.personId).sort()).toEqual([first.id, second.id].sort());
    for (const c of result.children) {
      expect(c.childId).toBe(laChildIdFor({ id: c.personId!, laChildId: null }));
      expect(c.problems.filter((p) => /has no Social Work England registration number/.test(p.message))).toHaveLength(1);
    }
  });
});
