// What is due, from real records: overdue until met, per child, per worker, per case — and only the council's own.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listMyCaseload } from "../../lib/data/caseload";
import { getTeamDashboard } from "../../lib/data/teams";
import { dueCountsForWorkers, getCaseTimescales, getChildDue, listWhatsDue } from "../../lib/data/timescales";
import { withTenant } from "../../lib/db/tenant";
import { getStatutoryRecord, recordCoreGroup, recordPathwayPlanReview } from "../../lib/data/statutory";
import { addDays, addMonths, fromIsoDate, todayInEngland } from "../../lib/domain/dates";
import { addWorkingDays } from "../../lib/domain/working-days";
import { createAllocatedCase, createTeam, createTenant, createUser, ctxFor } from "../support/factories";

async function councilWithOverdueAssessment() {
  const tenant = await createTenant();
  const team = await createTeam(tenant.id);
  const worker = await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: team.id });
  const made = await createAllocatedCase(tenant.id, worker, "CHILD_PROTECTION", 1);
  const child = made.children[0]!.id;
  const referral = addDays(todayInEngland(), -90);
  await withTenant(tenant.id, async (tx) => {
    await tx.cinEpisode.create({ data: { tenantId: tenant.id, personId: child, caseId: made.case.id, referralDate: fromIsoDate(referral), referralSource: "6" } });
    await tx.cpPlan.create({ data: { tenantId: tenant.id, personId: child, caseId: made.case.id, startDate: fromIsoDate(addDays(todayInEngland(), -30)), initialCategory: "NEG", latestCategory: "NEG", recordedById: worker.id } });
  });
  return { tenant, worker, caseId: made.case.id, child, referral };
}

describe("timescales from records", () => {
  it("an assessment not done 45 working days after the referral is overdue for the child, the worker and the case; a visit moves the CP visit on", async () => {
    const s = await councilWithOverdueAssessment();
    const due = await getChildDue(ctxFor(s.worker), s.child);
    expect(due.find((i) => i.kind === "assessment")).toMatchObject({ state: "overdue", dueDate: addWorkingDays(s.referral, 45) });
    expect(due.find((i) => i.kind === "cp-visit")).toMatchObject({ state: "overdue" });

    // the plan began 30 days ago: its first core group was due within 10 working days
    expect(due.find((i) => i.kind === "core-group")).toMatchObject({ state: "overdue" });

    const mine = await listWhatsDue(ctxFor(s.worker));
    expect(mine.filter((r) => r.state === "overdue").map((r) => r.kind).sort()).toEqual(["assessment", "core-group", "cp-visit"]);
    const counts = await withTenant(s.tenant.id, (tx) => dueCountsForWorkers(tx, s.tenant.id, [s.worker.id]));
    expect(counts.get(s.worker.id)).toMatchObject({ overdue: 3 });

    const seen = (type: "HOME" | "PHONE" | "VIRTUAL" | "SCHOOL") =>
      withTenant(s.tenant.id, async (tx) => {
        const v = await tx.visit.create({ data: { tenantId: s.tenant.id, caseId: s.caseId, visitedAt: new Date(), type, note: "Seen", recordedById: s.worker.id, idempotencyKey: randomUUID() } });
        await tx.visitChild.create({ data: { tenantId: s.tenant.id, visitId: v.id, personId: s.child, seenAlone: true } });
      });
    // a phone call, a video call or a school visit with the child "seen" is not the statutory visit
    for (const type of ["PHONE", "VIRTUAL", "SCHOOL"] as const) await seen(type);
    const notYet = await getCaseTimescales(ctxFor(s.worker), s.caseId);
    expect(notYet.children[0]!.items.find((i) => i.kind === "cp-visit")?.state).toBe("overdue");
    // a home visit today where the child was seen: the CP visit is no longer overdue
    await seen("HOME");
    const after = await getCaseTimescales(ctxFor(s.worker), s.caseId);
    expect(after.children[0]!.items.find((i) => i.kind === "cp-visit")?.state).not.toBe("overdue");
    expect(after.drift).toMatchObject({ days: 0, state: "ok", what: "Visit: child seen" });
  });

  it("never shows another council's children", async () => {
    const a = await councilWithOverdueAssessment();
    const b = await councilWithOverdueAssessment();
    expect((await listWhatsDue(ctxFor(a.worker))).every((r) => r.personId === a.child)).toBe(true);
    await expect(getChildDue(ctxFor(a.worker), b.child)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCaseTimescales(ctxFor(a.worker), b.caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the team dashboard counts each worker's overdue duties and lists the team's red cases, for its own council only", async () => {
    const s = await councilWithOverdueAssessment();
    const manager = await createUser(s.tenant.id, { role: "TEAM_MANAGER", teamId: s.worker.teamId });
    const dash = await getTeamDashboard(ctxFor(manager), s.worker.teamId!);
    // the assessment, the first core group and the CP visit are overdue; the last intervention was the
    // plan 30 days ago, past the 10 working days at which a CP case turns red
    expect(dash.perWorker[s.worker.id]).toMatchObject({ overdue: 3, red: 1, amber: 0 });
    expect(dash.redCases).toEqual([expect.objectContaining({ caseId: s.caseId, state: "red", what: "Child protection plan agreed" })]);
    // the worker sees the same on their own caseload
    const mine = await listMyCaseload(ctxFor(s.worker));
    expect(mine.find((r) => r.caseId === s.caseId)?.drift).toMatchObject({ state: "red", what: "Child protection plan agreed", days: dash.redCases[0]!.days });

    const other = await councilWithOverdueAssessment();
    const head = await createUser(s.tenant.id, { role: "HEAD_OF_SERVICE", teamId: null });
    await expect(getTeamDashboard(ctxFor(head), other.worker.teamId!)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("core group meetings and pathway plan reviews", () => {
  it("recording the first core group meets the duty; a date outside the plan or a second on one day is refused; it is audited", async () => {
    const s = await councilWithOverdueAssessment();
    const plan = await withTenant(s.tenant.id, (tx) => tx.cpPlan.findFirstOrThrow({ where: { tenantId: s.tenant.id, personId: s.child }, select: { id: true, startDate: true } }));
    const ctx = ctxFor(s.worker);
    const before = addDays(todayInEngland(), -31);
    await expect(recordCoreGroup(ctx, { personId: s.child, planId: plan.id, meetingDate: before })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { meetingDate: [expect.stringContaining("The meeting must fall within the plan's dates")] },
    });
    const held = addDays(todayInEngland(), -20);
    await recordCoreGroup(ctx, { personId: s.child, planId: plan.id, meetingDate: held });
    await expect(recordCoreGroup(ctx, { personId: s.child, planId: plan.id, meetingDate: held })).rejects.toMatchObject({
      fieldErrors: { meetingDate: ["A core group meeting on that date is already recorded"] },
    });
    const item = (await getChildDue(ctx, s.child)).find((i) => i.kind === "core-group");
    // on time when held within 10 working days of the plan starting 30 days ago
    expect(item).toMatchObject({ state: "done", doneOn: held, onTime: held <= addWorkingDays(addDays(todayInEngland(), -30), 10) });
    const audit = await withTenant(s.tenant.id, (tx) => tx.auditEvent.findMany({ where: { tenantId: s.tenant.id, action: "cp_plan.core_group_recorded" }, select: { personId: true, actorId: true } }));
    expect(audit).toEqual([{ personId: s.child, actorId: s.worker.id }]);
  });

  it("a care leaver's pathway plan is due 6 months from the last review; only a care leaver can have one recorded", async () => {
    const tenant = await createTenant();
    const team = await createTeam(tenant.id);
    // a care leaver's personal adviser is often a keyworker
    const worker = await createUser(tenant.id, { role: "FAMILY_KEYWORKER", teamId: team.id });
    const leaver = await createAllocatedCase(tenant.id, worker, "CARE_LEAVER", 1);
    const young = leaver.children[0]!.id;
    const ctx = ctxFor(worker);
    const opened = await withTenant(tenant.id, (tx) => tx.case.findFirstOrThrow({ where: { tenantId: tenant.id, id: leaver.case.id }, select: { openedOn: true } }));
    const since = opened.openedOn.toISOString().slice(0, 10);
    expect((await getChildDue(ctx, young)).find((i) => i.kind === "pathway-plan")).toMatchObject({ dueDate: addMonths(since, 6) });

    const reviewed = addDays(todayInEngland(), -200);
    await recordPathwayPlanReview(ctx, { personId: young, reviewDate: reviewed });
    expect((await getChildDue(ctx, young)).find((i) => i.kind === "pathway-plan")).toMatchObject({ dueDate: addMonths(reviewed, 6), state: "overdue" });
    expect((await listWhatsDue(ctx)).some((r) => r.kind === "pathway-plan" && r.personId === young)).toBe(true);

    // who may record a pathway review may not record other statutory work
    await expect(recordCoreGroup(ctx, { personId: young, planId: randomUUID(), meetingDate: todayInEngland() })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const cp = await createAllocatedCase(tenant.id, worker, "CHILD_PROTECTION", 1);
    await expect(recordPathwayPlanReview(ctx, { personId: cp.children[0]!.id, reviewDate: todayInEngland() })).rejects.toMatchObject({
      code: "REFUSED",
      message: expect.stringContaining("no open care-leaver case"),
    });
    expect((await getChildDue(ctx, cp.children[0]!.id)).some((i) => i.kind === "pathway-plan")).toBe(false);
  });

  it("another council's user can neither record a core group or pathway review for a council's child nor see them", async () => {
    const a = await councilWithOverdueAssessment();
    const b = await councilWithOverdueAssessment();
    const plan = await withTenant(a.tenant.id, (tx) => tx.cpPlan.findFirstOrThrow({ where: { tenantId: a.tenant.id, personId: a.child }, select: { id: true } }));
    const day = addDays(todayInEngland(), -5);
    await expect(recordCoreGroup(ctxFor(b.worker), { personId: a.child, planId: plan.id, meetingDate: day })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordPathwayPlanReview(ctxFor(b.worker), { personId: a.child, reviewDate: day })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // B's own child with A's plan id: the plan is not found either
    await expect(recordCoreGroup(ctxFor(b.worker), { personId: b.child, planId: plan.id, meetingDate: day })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await recordCoreGroup(ctxFor(a.worker), { personId: a.child, planId: plan.id, meetingDate: day });
    const seenByB = await withTenant(b.tenant.id, (tx) => tx.cpCoreGroup.count());
    expect(seenByB).toBe(0);
    await expect(getStatutoryRecord(ctxFor(b.worker), a.child)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getStatutoryRecord(ctxFor(a.worker), a.child)).cpPlans[0]!.coreGroups).toEqual([day]);
  });
});
