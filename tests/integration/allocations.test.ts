// Allocation under caseload caps: the cap check and the write are one transaction.
import { beforeAll, describe, expect, it } from "vitest";
import { allocateWorker, endAllocation, getAllocationPage } from "../../lib/data/allocations";
import { getTeamWithWorkers } from "../../lib/data/teams";
import { withTenant } from "../../lib/db/tenant";
import { allocate, createCase, createFamily, createTeam, createTenant, createUser, ctxFor, type TestUser } from "../support/factories";

async function casesWithOneChild(tenantId: string, teamId: string, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { family, children } = await createFamily(tenantId, { adults: 0 });
    ids.push((await createCase(tenantId, { familyId: family.id, childIds: children.map((c) => c.id), teamId })).id);
  }
  return ids;
}

async function currentLoad(tenantId: string, workerId: string) {
  return withTenant(tenantId, async (tx) => {
    const rows = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(cc.person_id)::int AS n FROM allocation a
      JOIN case_file c ON c.tenant_id = a.tenant_id AND c.id = a.case_id AND c.status = 'OPEN'
      JOIN case_child cc ON cc.tenant_id = c.tenant_id AND cc.case_id = c.id AND cc.removed_on IS NULL
      WHERE a.tenant_id = ${tenantId}::uuid AND a.worker_id = ${workerId}::uuid AND a.end_date IS NULL`;
    return rows[0]!.n;
  });
}

let tenantId: string;
let teamId: string;
let manager: TestUser;
let assistant: TestUser;
let worker: TestUser;
let roomy: TestUser;

beforeAll(async () => {
  tenantId = (await createTenant()).id;
  teamId = (await createTeam(tenantId)).id;
  manager = await createUser(tenantId, { role: "TEAM_MANAGER", teamId });
  assistant = await createUser(tenantId, { role: "ASSISTANT_TEAM_MANAGER", teamId });
  worker = await createUser(tenantId, { role: "SOCIAL_WORKER", teamId, name: "Wendy Worker" });
  roomy = await createUser(tenantId, { role: "SOCIAL_WORKER", teamId, name: "Rhys Roomy" });
  // Wendy holds 16 children: 2 places left under the social worker cap of 18
  for (const caseId of await casesWithOneChild(tenantId, teamId, 16)) await allocate(tenantId, caseId, worker.id);
  for (const caseId of await casesWithOneChild(tenantId, teamId, 4)) await allocate(tenantId, caseId, roomy.id);
});

describe("allocating under the cap", () => {
  it("20 simultaneous allocations to a worker with 2 places left: exactly 2 succeed, the rest get the cap message", async () => {
    const cases = await casesWithOneChild(tenantId, teamId, 20);
    const results = await Promise.allSettled(cases.map((caseId) => allocateWorker(ctxFor(manager), { caseId, workerId: worker.id, roleOnCase: "LEAD" })));
    const succeeded = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(succeeded).toHaveLength(2);
    expect(refused).toHaveLength(18);
    for (const r of refused) {
      expect(r.reason).toMatchObject({ code: "REFUSED" });
      expect(r.reason.message).toContain("Wendy Worker would go over their cap: this case takes them from 18 children to 19 children");
      expect(r.reason.message).toContain("the social worker cap of 18 children");
      expect(r.reason.message).toContain("Rhys Roomy (4 of 18)");
    }
    expect(await currentLoad(tenantId, worker.id)).toBe(18);
  });

  it("refuses with the cap, the load and who has room in the details", async () => {
    const [caseId] = await casesWithOneChild(tenantId, teamId, 1);
    await expect(allocateWorker(ctxFor(manager), { caseId: caseId!, workerId: worker.id, roleOnCase: "LEAD" })).rejects.toMatchObject({
      code: "REFUSED",
      details: { cap: 18, load: 18, loadAfter: 19, withRoom: [{ workerId: roomy.id, name: "Rhys Roomy", load: 4, cap: 18, room: 14 }] },
    });
  });

  it("a team manager can override with a written reason; it is audited and flagged on the team page", async () => {
    const [caseId] = await casesWithOneChild(tenantId, teamId, 1);
    const result = await allocateWorker(ctxFor(manager), { caseId: caseId!, workerId: worker.id, roleOnCase: "LEAD", overrideReason: "Sibling of a child Wendy already holds" });
    expect(result.overCap).toBe(true);
    expect(await currentLoad(tenantId, worker.id)).toBe(19);
    const audit = await withTenant(tenantId, (tx) => tx.auditEvent.findMany({ where: { tenantId, caseId: caseId!, action: "allocation.cap_overridden" }, select: { actorId: true, details: true } }));
    expect(audit).toEqual([{ actorId: manager.id, details: expect.objectContaining({ reason: "Sibling of a child Wendy already holds", load: 19, cap: 18 }) }]);
    const team = await getTeamWithWorkers(ctxFor(manager), teamId);
    const wendy = team.workers.find((w) => w.id === worker.id)!;
    expect(wendy).toMatchObject({ load: 19, cap: 18, overCap: true });
    expect(wendy.overrides).toEqual([expect.objectContaining({ caseId, reason: "Sibling of a child Wendy already holds", by: manager.name })]);

    // back under the cap: the flag goes
    await endAllocation(ctxFor(manager), { caseId: caseId!, allocationId: result.allocationId, endDate: new Date().toISOString().slice(0, 10), reason: "Rebalanced" });
    const after = (await getTeamWithWorkers(ctxFor(manager), teamId)).workers.find((w) => w.id === worker.id)!;
    expect(after).toMatchObject({ load: 18, overCap: false, overrides: [] });
  });

  it("an assistant team manager cannot override the cap", async () => {
    const [caseId] = await casesWithOneChild(tenantId, teamId, 1);
    await expect(allocateWorker(ctxFor(assistant), { caseId: caseId!, workerId: worker.id, roleOnCase: "LEAD", overrideReason: "Because" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps ended allocations as history with date and reason", async () => {
    const [caseId] = await casesWithOneChild(tenantId, teamId, 1);
    const { allocationId } = await allocateWorker(ctxFor(manager), { caseId: caseId!, workerId: roomy.id, roleOnCase: "LEAD" });
    await endAllocation(ctxFor(manager), { caseId: caseId!, allocationId, endDate: new Date().toISOString().slice(0, 10), reason: "Worker left the team" });
    const rows = await withTenant(tenantId, (tx) => tx.allocation.findMany({ where: { tenantId, caseId: caseId! }, select: { workerId: true, endReason: true, endDate: true } }));
    expect(rows).toEqual([{ workerId: roomy.id, endReason: "Worker left the team", endDate: expect.any(Date) }]);
    await expect(endAllocation(ctxFor(manager), { caseId: caseId!, allocationId, endDate: "2026-01-01", reason: "again" })).rejects.toMatchObject({ code: "REFUSED" });
  });

  it("refuses a second lead, a double allocation and a practitioner allocating", async () => {
    const [caseId] = await casesWithOneChild(tenantId, teamId, 1);
    await allocateWorker(ctxFor(manager), { caseId: caseId!, workerId: roomy.id, roleOnCase: "LEAD" });
    const other = await createUser(tenantId, { role: "FAMILY_KEYWORKER", teamId });
    await expect(allocateWorker(ctxFor(manager), { caseId: caseId!, workerId: other.id, roleOnCase: "LEAD" })).rejects.toMatchObject({ code: "REFUSED", message: expect.stringContaining("already leads this case") });
    await expect(allocateWorker(ctxFor(manager), { caseId: caseId!, workerId: roomy.id, roleOnCase: "CO_WORKER" })).rejects.toMatchObject({ code: "REFUSED" });
    await expect(allocateWorker(ctxFor(worker), { caseId: caseId!, workerId: other.id, roleOnCase: "CO_WORKER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("two managers naming different leads at once: one leads, the other is told who does", async () => {
    const [caseId] = await casesWithOneChild(tenantId, teamId, 1);
    const [a, b] = await Promise.all([createUser(tenantId, { role: "FAMILY_KEYWORKER", teamId, name: "Ada Lead" }), createUser(tenantId, { role: "FAMILY_KEYWORKER", teamId, name: "Bo Lead" })]);
    const results = await Promise.allSettled([
      allocateWorker(ctxFor(manager), { caseId: caseId!, workerId: a.id, roleOnCase: "LEAD" }),
      allocateWorker(ctxFor(assistant), { caseId: caseId!, workerId: b.id, roleOnCase: "LEAD" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "REFUSED", message: expect.stringMatching(/^(Ada|Bo) Lead already leads this case/) });
  });

  it("refuses a start date in the future or before the case opened, saying which dates will do", async () => {
    const [caseId] = await casesWithOneChild(tenantId, teamId, 1);
    const opened = await withTenant(tenantId, async (tx) => (await tx.case.findFirstOrThrow({ where: { tenantId, id: caseId! }, select: { openedOn: true } })).openedOn.toISOString().slice(0, 10));
    const dayBefore = new Date(Date.parse(opened) - 86_400_000).toISOString().slice(0, 10);
    await expect(allocateWorker(ctxFor(manager), { caseId: caseId!, workerId: roomy.id, roleOnCase: "CO_WORKER", startDate: dayBefore })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { startDate: [expect.stringMatching(/ or later$/)] },
    });
    await expect(allocateWorker(ctxFor(manager), { caseId: caseId!, workerId: roomy.id, roleOnCase: "CO_WORKER", startDate: "2099-01-01" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { startDate: ["Enter today or an earlier date"] },
    });
  });

  it("shows each candidate's load against their cap", async () => {
    const [caseId] = await casesWithOneChild(tenantId, teamId, 1);
    const page = await getAllocationPage(ctxFor(manager), caseId!);
    expect(page.candidates.find((c) => c.id === worker.id)).toMatchObject({ load: 18, cap: 18, wouldExceed: true });
    expect(page.candidates.find((c) => c.id === roomy.id)).toMatchObject({ wouldExceed: false });
    expect(page.candidates.some((c) => c.id === manager.id)).toBe(false);
  });
});

describe("whose cases", () => {
  it("another team's manager can neither allocate, end an allocation nor open the page; the head of service can, and may choose a worker from any team", async () => {
    const otherTeam = await createTeam(tenantId);
    const otherManager = await createUser(tenantId, { role: "TEAM_MANAGER", teamId: otherTeam.id });
    const otherAssistant = await createUser(tenantId, { role: "ASSISTANT_TEAM_MANAGER", teamId: otherTeam.id });
    const otherWorker = await createUser(tenantId, { role: "SOCIAL_WORKER", teamId: otherTeam.id });
    const head = await createUser(tenantId, { role: "HEAD_OF_SERVICE" });
    const [caseId] = await casesWithOneChild(tenantId, teamId, 1);
    const { allocationId } = await allocateWorker(ctxFor(manager), { caseId: caseId!, workerId: roomy.id, roleOnCase: "LEAD" });
    const refusal = { code: "FORBIDDEN", message: "This case belongs to another team: its managers or the head of service allocate its workers." };
    for (const outsider of [otherManager, otherAssistant]) {
      await expect(allocateWorker(ctxFor(outsider), { caseId: caseId!, workerId: otherWorker.id, roleOnCase: "CO_WORKER" })).rejects.toMatchObject(refusal);
      await expect(endAllocation(ctxFor(outsider), { caseId: caseId!, allocationId, endDate: new Date().toISOString().slice(0, 10), reason: "x" })).rejects.toMatchObject(refusal);
      await expect(getAllocationPage(ctxFor(outsider), caseId!)).rejects.toMatchObject(refusal);
    }
    // a worker from another team may still be chosen by the case's own manager, or the head of service
    await allocateWorker(ctxFor(head), { caseId: caseId!, workerId: otherWorker.id, roleOnCase: "CO_WORKER" });
    const rows = await withTenant(tenantId, (tx) => tx.allocation.findMany({ where: { tenantId, caseId: caseId!, endDate: null }, select: { workerId: true } }));
    expect(rows.map((r) => r.workerId).sort()).toEqual([roomy.id, otherWorker.id].sort());
  });
});

describe("isolation", () => {
  it("another council's case or worker cannot be used", async () => {
    const other = await createTenant();
    const otherTeam = await createTeam(other.id);
    const otherManager = await createUser(other.id, { role: "TEAM_MANAGER", teamId: otherTeam.id });
    const otherWorker = await createUser(other.id, { role: "SOCIAL_WORKER", teamId: otherTeam.id });
    const [otherCase] = await casesWithOneChild(other.id, otherTeam.id, 1);
    const [ourCase] = await casesWithOneChild(tenantId, teamId, 1);
    await expect(allocateWorker(ctxFor(manager), { caseId: otherCase!, workerId: roomy.id, roleOnCase: "LEAD" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(allocateWorker(ctxFor(manager), { caseId: ourCase!, workerId: otherWorker.id, roleOnCase: "LEAD" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(getAllocationPage(ctxFor(manager), otherCase!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(allocateWorker(ctxFor(otherManager), { caseId: ourCase!, workerId: otherWorker.id, roleOnCase: "LEAD" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const page = await getAllocationPage(ctxFor(manager), ourCase!);
    expect(page.candidates.some((c) => c.id === otherWorker.id)).toBe(false);
  });
});
