// What is due, from real records: overdue until met, per child, per worker, per case — and only the council's own.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listMyCaseload } from "../../lib/data/caseload";
import { getTeamDashboard } from "../../lib/data/teams";
import { dueCountsForWorkers, getCaseTimescales, getChildDue, listWhatsDue } from "../../lib/data/timescales";
import { withTenant } from "../../lib/db/tenant";
import { addDays, fromIsoDate, todayInEngland } from "../../lib/domain/dates";
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

    const mine = await listWhatsDue(ctxFor(s.worker));
    expect(mine.filter((r) => r.state === "overdue").map((r) => r.kind).sort()).toEqual(["assessment", "cp-visit"]);
    const counts = await withTenant(s.tenant.id, (tx) => dueCountsForWorkers(tx, s.tenant.id, [s.worker.id]));
    expect(counts.get(s.worker.id)).toMatchObject({ overdue: 2 });

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
    // the assessment and the CP visit are overdue; the last intervention was the plan 30 days ago,
    // past the 10 working days at which a CP case turns red
    expect(dash.perWorker[s.worker.id]).toMatchObject({ overdue: 2, red: 1, amber: 0 });
    expect(dash.redCases).toEqual([expect.objectContaining({ caseId: s.caseId, state: "red", what: "Child protection plan agreed" })]);
    // the worker sees the same on their own caseload
    const mine = await listMyCaseload(ctxFor(s.worker));
    expect(mine.find((r) => r.caseId === s.caseId)?.drift).toMatchObject({ state: "red", what: "Child protection plan agreed", days: dash.redCases[0]!.days });

    const other = await councilWithOverdueAssessment();
    const head = await createUser(s.tenant.id, { role: "HEAD_OF_SERVICE", teamId: null });
    await expect(getTeamDashboard(ctxFor(head), other.worker.teamId!)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
