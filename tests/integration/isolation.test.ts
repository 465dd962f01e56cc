// Council A's users never see council B: every B case, family, person and team is "not found", and B's
// data never appears in A's lists or counts.
import { beforeAll, describe, expect, it } from "vitest";
import { listUsersForAdmin } from "../../lib/data/admin";
import { getCaseForView } from "../../lib/data/cases";
import { getChildIdentifiersForEdit, saveChildIdentifiers } from "../../lib/data/child-identifiers";
import { listMyCaseload } from "../../lib/data/caseload";
import { getFamilyForView } from "../../lib/data/families";
import { getPersonForView } from "../../lib/data/people";
import { getTeamWithWorkers, listTeams } from "../../lib/data/teams";
import { allocate, createAllocatedCase, createTeam, createTenant, createUser, ctxFor, type TestUser } from "../support/factories";

type Council = {
  tenantId: string;
  teamId: string;
  worker: TestUser;
  manager: TestUser;
  head: TestUser;
  admin: TestUser;
  caseId: string;
  familyId: string;
  childId: string;
  adultId: string;
};

async function makeCouncil(): Promise<Council> {
  const tenant = await createTenant();
  const team = await createTeam(tenant.id);
  const worker = await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: team.id });
  const manager = await createUser(tenant.id, { role: "TEAM_MANAGER", teamId: team.id });
  const head = await createUser(tenant.id, { role: "HEAD_OF_SERVICE" });
  const admin = await createUser(tenant.id, { role: "TENANT_ADMIN" });
  const made = await createAllocatedCase(tenant.id, worker, "CHILD_IN_NEED", 1);
  const { withTenant } = await import("../../lib/db/tenant");
  const adult = await withTenant(tenant.id, (tx) => tx.familyMember.findFirstOrThrow({ where: { tenantId: tenant.id, familyId: made.family.id, person: { kind: "ADULT" } }, select: { personId: true } }));
  return { tenantId: tenant.id, teamId: team.id, worker, manager, head, admin, caseId: made.case.id, familyId: made.family.id, childId: made.children[0]!.id, adultId: adult.personId };
}

let a: Council;
let b: Council;

beforeAll(async () => {
  a = await makeCouncil();
  b = await makeCouncil();
  // B's worker also co-works a second B case: more B data that must never leak
  const extra = await createAllocatedCase(b.tenantId, b.manager, "CHILD_PROTECTION", 2);
  await allocate(b.tenantId, extra.case.id, b.worker.id, "CO_WORKER");
});

describe("council A cannot open council B's records", () => {
  const notFound = { code: "NOT_FOUND" };
  it("case", async () => {
    await expect(getCaseForView(ctxFor(a.worker), b.caseId)).rejects.toMatchObject(notFound);
    await expect(getCaseForView(ctxFor(a.head), b.caseId)).rejects.toMatchObject(notFound);
    await expect(getCaseForView(ctxFor(b.worker), b.caseId)).resolves.toMatchObject({ id: b.caseId });
  });
  it("family", async () => {
    await expect(getFamilyForView(ctxFor(a.worker), b.familyId)).rejects.toMatchObject(notFound);
    await expect(getFamilyForView(ctxFor(b.worker), b.familyId)).resolves.toMatchObject({ id: b.familyId });
  });
  it("person (child and adult)", async () => {
    await expect(getPersonForView(ctxFor(a.worker), b.childId)).rejects.toMatchObject(notFound);
    await expect(getPersonForView(ctxFor(a.worker), b.adultId)).rejects.toMatchObject(notFound);
    await expect(getPersonForView(ctxFor(b.worker), b.childId)).resolves.toMatchObject({ id: b.childId });
  });
  it("a child's identifiers and equality details, to see or to change", async () => {
    const form = await getChildIdentifiersForEdit(ctxFor(b.worker), b.childId);
    const change = { personId: b.childId, version: form.version, ...form.values, ethnicity: "WBRI", upn: "A123456789012", laChildId: "AFROMA1" };
    for (const user of [a.worker, a.manager, a.head]) {
      await expect(getChildIdentifiersForEdit(ctxFor(user), b.childId)).rejects.toMatchObject(notFound);
      await expect(saveChildIdentifiers(ctxFor(user), change)).rejects.toMatchObject(notFound);
    }
    const { withTenant } = await import("../../lib/db/tenant");
    const after = await withTenant(b.tenantId, (tx) => tx.person.findFirstOrThrow({ where: { tenantId: b.tenantId, id: b.childId }, select: { ethnicity: true, upn: true, laChildId: true } }));
    expect(after).toEqual({ ethnicity: form.values.ethnicity, upn: form.values.upn, laChildId: form.values.laChildId });
    await expect(getChildIdentifiersForEdit(ctxFor(b.worker), b.childId)).resolves.toMatchObject({ version: form.version });
  });
  it("team", async () => {
    await expect(getTeamWithWorkers(ctxFor(a.head), b.teamId)).rejects.toMatchObject(notFound);
    await expect(getTeamWithWorkers(ctxFor(b.head), b.teamId)).resolves.toMatchObject({ id: b.teamId });
  });
  it("a malformed id is not found either, never an error", async () => {
    await expect(getCaseForView(ctxFor(a.worker), "../../etc/passwd")).rejects.toMatchObject(notFound);
  });
});

describe("council B never appears in council A's lists or counts", () => {
  it("caseload", async () => {
    const rows = await listMyCaseload(ctxFor(a.worker));
    expect(rows.map((r) => r.caseId)).toEqual([a.caseId]);
  });
  it("teams and their counts", async () => {
    const teams = await listTeams(ctxFor(a.head));
    expect(teams.map((t) => t.id)).toEqual([a.teamId]);
    expect(teams[0]).toMatchObject({ workers: 2, openCases: 1 });
    const team = await getTeamWithWorkers(ctxFor(a.manager), a.teamId);
    expect(team.workers.map((w) => [w.id, w.openCases]).sort()).toEqual([[a.manager.id, 0], [a.worker.id, 1]].sort());
  });
  it("users", async () => {
    const users = await listUsersForAdmin(ctxFor(a.admin));
    expect(users.map((u) => u.id).sort()).toEqual([a.worker.id, a.manager.id, a.head.id, a.admin.id].sort());
  });
});

describe("permissions inside a council", () => {
  it("a team manager sees their own team only", async () => {
    const other = await createTeam(a.tenantId);
    await expect(getTeamWithWorkers(ctxFor(a.manager), other.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
  it("an administrator sees no case content", async () => {
    await expect(getCaseForView(ctxFor(a.admin), a.caseId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getPersonForView(ctxFor(a.admin), a.childId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
  it("a practitioner cannot list users", async () => {
    await expect(listUsersForAdmin(ctxFor(a.worker))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
