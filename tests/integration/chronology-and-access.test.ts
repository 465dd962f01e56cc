// A child's chronology, and who has seen their record.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listRecordAccess } from "../../lib/data/audit-log";
import { getCaseForView } from "../../lib/data/cases";
import { getChildChronology } from "../../lib/data/chronology";
import { getFamilyForView } from "../../lib/data/families";
import { getPersonForView } from "../../lib/data/people";
import { getAllocationPage } from "../../lib/data/allocations";
import { getMergePage } from "../../lib/data/merge";
import { decideTransition, getTransition, getTransitionForm, requestTransition } from "../../lib/data/transitions";
import { withTenant } from "../../lib/db/tenant";
import { addDays, fromIsoDate, todayInEngland } from "../../lib/domain/dates";
import { createAllocatedCase, createTeam, createTenant, createUser, ctxFor } from "../support/factories";

async function setup() {
  const tenant = await createTenant();
  const team = await createTeam(tenant.id);
  const worker = await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: team.id, name: "Val Viewer" });
  const manager = await createUser(tenant.id, { role: "TEAM_MANAGER", teamId: team.id, name: "Mo Manager" });
  const admin = await createUser(tenant.id, { role: "TENANT_ADMIN" });
  const made = await createAllocatedCase(tenant.id, worker, "CHILD_IN_NEED", 1);
  return { tenant, team, worker, manager, admin, caseId: made.case.id, childId: made.children[0]!.id, familyId: made.family.id };
}

describe("chronology", () => {
  it("lists referrals, visits, approved transitions and the case, newest first, and is audited", async () => {
    const s = await setup();
    const t = s.tenant.id;
    await withTenant(t, async (tx) => {
      await tx.cinEpisode.create({ data: { tenantId: t, personId: s.childId, caseId: s.caseId, referralDate: fromIsoDate(addDays(todayInEngland(), -30)), referralSource: "6", primaryNeedCode: "N1" } });
      const visit = await tx.visit.create({
        data: { tenantId: t, caseId: s.caseId, visitedAt: new Date(`${addDays(todayInEngland(), -10)}T10:00:00Z`), type: "HOME", note: "Seen at home with mum", recordedById: s.worker.id, idempotencyKey: randomUUID() },
      });
      await tx.visitChild.create({ data: { tenantId: t, visitId: visit.id, personId: s.childId, seenAlone: true } });
    });
    const { transitionId } = await requestTransition(ctxFor(s.worker), { caseId: s.caseId, to: "CHILD_PROTECTION", reason: "ICPC decided a plan" });
    await decideTransition(ctxFor(s.manager), { transitionId, decision: "APPROVE" });

    const { entries } = await getChildChronology(ctxFor(s.worker), s.childId);
    // the factory opened the case today
    expect(entries.map((e) => e.title)).toEqual([
      expect.stringMatching(/^Case C-.+ opened$/),
      "Change of level: Child in need to Child protection",
      "Home visit: seen alone",
      "Referral to children's social care",
    ]);
    const audit = await withTenant(t, (tx) => tx.auditEvent.count({ where: { tenantId: t, action: "chronology.viewed", personId: s.childId, actorId: s.worker.id } }));
    expect(audit).toBe(1);
  });
});

describe("who has seen a record", () => {
  it("a manager and an administrator see each view of the child and their cases; a practitioner cannot", async () => {
    const s = await setup();
    await getCaseForView(ctxFor(s.worker), s.caseId);
    await getPersonForView(ctxFor(s.worker), s.childId);
    // the family's page shows the child too
    await getFamilyForView(ctxFor(s.worker), s.familyId);
    const { events } = await listRecordAccess(ctxFor(s.manager), s.childId);
    expect(events.filter((e) => e.who === "Val Viewer").map((e) => e.action)).toEqual(["family.viewed", "person.viewed", "case.viewed"]);
    const forAdmin = await listRecordAccess(ctxFor(s.admin), s.childId);
    expect(forAdmin.events.map((e) => e.action)).toContain("audit.viewed");
    await expect(listRecordAccess(ctxFor(s.worker), s.childId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("opening the pages to request a change, decide it, allocate or merge counts as a view of the child", async () => {
    const s = await setup();
    const head = await createUser(s.tenant.id, { role: "HEAD_OF_SERVICE", name: "Hal Head" });
    await getTransitionForm(ctxFor(s.worker), s.caseId);
    const { transitionId } = await requestTransition(ctxFor(s.worker), { caseId: s.caseId, to: "CHILD_PROTECTION", reason: "ICPC decided a plan" });
    await getTransition(ctxFor(s.manager), transitionId);
    await getAllocationPage(ctxFor(s.manager), s.caseId);
    await getMergePage(ctxFor(head), s.childId);
    const { events } = await listRecordAccess(ctxFor(s.manager), s.childId);
    const views = (who: string) => events.filter((e) => e.who === who && e.action.endsWith(".viewed")).map((e) => e.action);
    expect(views("Val Viewer")).toEqual(["case.viewed"]);
    expect(views("Mo Manager")).toEqual(["case.viewed", "case.viewed"]);
    expect(views("Hal Head")).toEqual(["person.viewed"]);
  });

  it("another council's child is not found in either view", async () => {
    const a = await setup();
    const b = await setup();
    await expect(listRecordAccess(ctxFor(a.manager), b.childId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getChildChronology(ctxFor(a.worker), b.childId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
