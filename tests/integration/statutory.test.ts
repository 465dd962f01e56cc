// Statutory records: validated, linked to the child's CIN episode, audited, and confined to the council.
import { beforeAll, describe, expect, it } from "vitest";
import {
  completeAssessment,
  endCpPlan,
  getStatutoryRecord,
  recordAssessment,
  recordConference,
  recordCpReview,
  recordEndOfCare,
  recordHealthAssessment,
  recordLaReview,
  recordLegalStatusChange,
  recordSection47,
  startCare,
  startCinPlan,
  startCpPlan,
} from "../../lib/data/statutory";
import { withTenant } from "../../lib/db/tenant";
import { fromIsoDate } from "../../lib/domain/dates";
import { createAllocatedCase, createTeam, createTenant, createUser, ctxFor, type TestUser } from "../support/factories";

let tenantId: string;
let worker: TestUser;
let keyworker: TestUser;
let caseId: string;
let childId: string;

beforeAll(async () => {
  const tenant = await createTenant();
  tenantId = tenant.id;
  const team = await createTeam(tenant.id);
  worker = await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: team.id });
  keyworker = await createUser(tenant.id, { role: "FAMILY_KEYWORKER", teamId: team.id });
  const made = await createAllocatedCase(tenant.id, worker, "CHILD_IN_NEED", 1);
  caseId = made.case.id;
  childId = made.children[0]!.id;
  await withTenant(tenant.id, (tx) => tx.cinEpisode.create({ data: { tenantId: tenant.id, personId: childId, caseId, referralDate: fromIsoDate("2026-01-05"), referralSource: "2A", primaryNeedCode: "N1" } }));
});

describe("assessments, s47 and plans", () => {
  it("records an assessment linked to the referral, then authorises it", async () => {
    const ctx = ctxFor(worker);
    const { id } = await recordAssessment(ctx, { personId: childId, caseId, startDate: "2026-01-06", factors: [] });
    await completeAssessment(ctx, { personId: childId, assessmentId: id, authorisedDate: "2026-02-20", factors: ["3A", "4B"] });
    const record = await getStatutoryRecord(ctx, childId);
    expect(record.assessments).toEqual([{ id, caseId, startDate: "2026-01-06", authorisedDate: "2026-02-20", factors: ["3A", "4B"], edit: expect.objectContaining({ type: "assessment", id }) }]);
    await expect(completeAssessment(ctx, { personId: childId, assessmentId: id, authorisedDate: "2026-02-21", factors: [] })).rejects.toMatchObject({ code: "REFUSED" });
  });

  it("records a form sent twice at once only once, and one authorisation of two at once, saying why the other was refused", async () => {
    const ctx = ctxFor(worker);
    const twice = await Promise.allSettled([1, 2, 3].map(() => recordAssessment(ctx, { personId: childId, caseId, startDate: "2026-01-08", factors: [] })));
    expect(twice.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of twice.filter((r) => r.status === "rejected")) expect(r.reason).toMatchObject({ code: "REFUSED", message: expect.stringContaining("already recorded") });
    const id = (twice.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ id: string }>).value.id;
    const authorisations = await Promise.allSettled([
      completeAssessment(ctx, { personId: childId, assessmentId: id, authorisedDate: "2026-02-10", factors: ["3A"] }),
      completeAssessment(ctx, { personId: childId, assessmentId: id, authorisedDate: "2026-02-11", factors: ["4B"] }),
    ]);
    expect(authorisations.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const kept = (await getStatutoryRecord(ctx, childId)).assessments.find((a) => a.id === id)!;
    // whichever came first stands whole: nothing of the second is mixed in
    expect([JSON.stringify([kept.authorisedDate, kept.factors])]).toContain(authorisations[0]!.status === "fulfilled" ? '["2026-02-10",["3A"]]' : '["2026-02-11",["4B"]]');
    const s47s = await Promise.allSettled([1, 2].map(() => recordSection47(ctx, { personId: childId, caseId, strategyDiscussionDate: "2026-01-09", startDate: "2026-01-09", icpcNotRequired: true })));
    expect(s47s.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("refuses dates out of order and records before the referral", async () => {
    const ctx = ctxFor(worker);
    await expect(recordAssessment(ctx, { personId: childId, caseId, startDate: "2026-01-10", authorisedDate: "2026-01-09", factors: [] })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { authorisedDate: expect.any(Array) } });
    await expect(recordAssessment(ctx, { personId: childId, caseId, startDate: "2025-12-01", factors: [] })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { startDate: expect.any(Array) } });
    await expect(recordSection47(ctx, { personId: childId, caseId, strategyDiscussionDate: "2026-02-10", startDate: "2026-02-09", icpcNotRequired: false })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("records an s47 with its conference, a CP plan with a review, and refuses an overlapping plan", async () => {
    const ctx = ctxFor(worker);
    const s47 = await recordSection47(ctx, { personId: childId, caseId, strategyDiscussionDate: "2026-03-02", startDate: "2026-03-02", icpcNotRequired: false });
    await recordConference(ctx, { personId: childId, section47Id: s47.id, icpcDate: "2026-03-20", icpcNotRequired: false });
    await expect(recordConference(ctx, { personId: childId, section47Id: s47.id, icpcNotRequired: true })).rejects.toMatchObject({ code: "REFUSED" });
    const plan = await startCpPlan(ctx, { personId: childId, caseId, startDate: "2026-03-20", category: "NEG" });
    await recordCpReview(ctx, { personId: childId, planId: plan.id, reviewDate: "2026-06-15", latestCategory: "EMO" });
    await expect(startCpPlan(ctx, { personId: childId, caseId, startDate: "2026-05-01", category: "PHY" })).rejects.toMatchObject({ code: "CONFLICT" });
    await endCpPlan(ctx, { personId: childId, planId: plan.id, endDate: "2026-09-01" });
    const record = await getStatutoryRecord(ctx, childId);
    expect(record.section47s[0]).toMatchObject({ icpcDate: "2026-03-20", icpcNotRequired: false });
    expect(record.cpPlans[0]).toMatchObject({ startDate: "2026-03-20", endDate: "2026-09-01", initialCategory: "NEG", latestCategory: "EMO", reviews: ["2026-06-15"] });
    await startCinPlan(ctx, { personId: childId, caseId, startDate: "2026-09-01" });
  });

  it("is refused to a family keyworker and to another council", async () => {
    await expect(recordAssessment(ctxFor(keyworker), { personId: childId, caseId, startDate: "2026-01-06", factors: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await createTenant();
    const theirWorker = await createUser(other.id, { role: "SOCIAL_WORKER" });
    await expect(getStatutoryRecord(ctxFor(theirWorker), childId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordAssessment(ctxFor(theirWorker), { personId: childId, caseId, startDate: "2026-01-06", factors: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("looked after", () => {
  it("starts care with its first episode, changes legal status as a new episode, reviews, health assessment, and ends care", async () => {
    const ctx = ctxFor(worker);
    await startCare(ctx, { personId: childId, caseId, startDate: "2026-10-01", legalStatus: "V2", categoryOfNeed: "N1", place: "U1", provider: "PR1" });
    await expect(startCare(ctx, { personId: childId, caseId, startDate: "2026-10-02", legalStatus: "V2", categoryOfNeed: "N1", place: "U1", provider: "PR1" })).rejects.toMatchObject({ code: "REFUSED" });
    await recordLegalStatusChange(ctx, { personId: childId, date: "2026-10-15", legalStatus: "C1" });
    await recordLaReview(ctx, { personId: childId, reviewDate: "2026-10-20", reviewCode: "PN1" });
    await recordHealthAssessment(ctx, { personId: childId, date: "2026-10-21", kind: "INITIAL" });
    await expect(recordLaReview(ctx, { personId: childId, reviewDate: "2026-09-01" })).rejects.toMatchObject({ code: "VALIDATION" });
    await recordEndOfCare(ctx, { personId: childId, date: "2026-11-10", reasonEnded: "E11" });
    const { carePeriods } = await getStatutoryRecord(ctx, childId);
    expect(carePeriods[0]).toMatchObject({ startDate: "2026-10-01", endDate: "2026-11-10", reasonEnded: "E11", reviews: [{ date: "2026-10-20", code: "PN1" }] });
    expect(carePeriods[0]!.episodes.map((e) => [e.startDate, e.endDate, e.legalStatus, e.reasonNewEpisode])).toEqual([
      ["2026-10-01", "2026-10-15", "V2", "S"],
      ["2026-10-15", "2026-11-10", "C1", "L"],
    ]);
  });
});

describe("isolation", () => {
  it("another council's social worker can neither read nor write any statutory record of this council's child, and nothing is written", async () => {
    const record = await getStatutoryRecord(ctxFor(worker), childId);
    const other = await createTenant();
    const them = ctxFor(await createUser(other.id, { role: "SOCIAL_WORKER" }));
    const personId = childId;
    const anyId = (ids: { id: string }[]) => ids[0]?.id ?? "00000000-0000-4000-8000-000000000000";
    const attempts: Record<string, () => Promise<unknown>> = {
      record: () => getStatutoryRecord(them, personId),
      assessment: () => recordAssessment(them, { personId, caseId, startDate: "2026-01-06", factors: [] }),
      completeAssessment: () => completeAssessment(them, { personId, assessmentId: anyId(record.assessments), authorisedDate: "2026-02-01", factors: [] }),
      section47: () => recordSection47(them, { personId, caseId, strategyDiscussionDate: "2026-02-02", startDate: "2026-02-02", icpcNotRequired: true }),
      conference: () => recordConference(them, { personId, section47Id: anyId(record.section47s), icpcDate: "2026-02-10", icpcNotRequired: false }),
      cpPlan: () => startCpPlan(them, { personId, caseId, startDate: "2026-02-10", category: "NEG" }),
      cpReview: () => recordCpReview(them, { personId, planId: anyId(record.cpPlans), reviewDate: "2026-05-01" }),
      endCpPlan: () => endCpPlan(them, { personId, planId: anyId(record.cpPlans), endDate: "2026-05-02" }),
      cinPlan: () => startCinPlan(them, { personId, caseId, startDate: "2026-05-02" }),
      care: () => startCare(them, { personId, caseId, startDate: "2026-11-15", legalStatus: "V2", categoryOfNeed: "N1", place: "U1", provider: "PR1" }),
      legalStatus: () => recordLegalStatusChange(them, { personId, date: "2026-11-16", legalStatus: "C1" }),
      endOfCare: () => recordEndOfCare(them, { personId, date: "2026-11-17", reasonEnded: "E11" }),
      laReview: () => recordLaReview(them, { personId, reviewDate: "2026-11-16" }),
      health: () => recordHealthAssessment(them, { personId, date: "2026-11-16", kind: "REVIEW" }),
    };
    const counts = () =>
      withTenant(tenantId, async (tx) => [
        await tx.assessment.count(),
        await tx.section47.count(),
        await tx.cpPlan.count(),
        await tx.cpReview.count(),
        await tx.cinPlan.count(),
        await tx.carePeriod.count(),
        await tx.careEpisode.count(),
        await tx.laReview.count(),
        await tx.healthAssessment.count(),
      ]);
    const before = await counts();
    for (const [name, attempt] of Object.entries(attempts)) {
      await expect(attempt(), name).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await counts()).toEqual(before);
    expect(await withTenant(other.id, (tx) => tx.auditEvent.count({ where: { personId } }))).toBe(0);
  });
});
