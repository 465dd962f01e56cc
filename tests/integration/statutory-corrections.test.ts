// Correcting a child's statutory records, and removing one entered in error
// (docs/decisions/0022-correcting-statutory-records.md): a correction is checked as recording is and
// the census and what is due follow it; a refused or stale one changes nothing; removal is for
// managers, refused while a plan has reviews or meetings, audited with the row as it was; another
// council finds nothing; a merge refused for the same plan on both records goes through once the copy
// is removed.
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../../lib/auth/context";
import { listRecordAccess } from "../../lib/data/audit-log";
import { exportCinCensus } from "../../lib/data/cin-census";
import {
  correctStatutoryRecord,
  endCinPlan,
  endCpPlan,
  getStatutoryRecord,
  recordAssessment,
  recordConference,
  recordCpReview,
  recordHealthAssessment,
  recordLaReview,
  recordPathwayPlanReview,
  recordSection47,
  removeStatutoryRecord,
  startCare,
  startCinPlan,
  startCpPlan,
  type CorrectionInput,
} from "../../lib/data/statutory";
import { getMergePage, mergePeople } from "../../lib/data/merge";
import { getChildDue } from "../../lib/data/timescales";
import { withTenant } from "../../lib/db/tenant";
import { addDays, addMonths, fromIsoDate, todayInEngland } from "../../lib/domain/dates";
import type { EditableRecord } from "../../lib/domain/statutory-corrections";
import { createAllocatedCase, createCase, createFamily, createTeam, createTenant, createUser, ctxFor, type TestUser } from "../support/factories";

type Council = { tenantId: string; teamId: string; worker: TestUser; colleague: TestUser; keyworker: TestUser; manager: TestUser; head: TestUser };

async function makeCouncil(): Promise<Council> {
  const tenant = await createTenant();
  const team = await createTeam(tenant.id);
  return {
    tenantId: tenant.id,
    teamId: team.id,
    worker: await createUser(tenant.id, { role: "SOCIAL_WORKER", teamId: team.id }),
    colleague: await createUser(tenant.id, { role: "SENIOR_PRACTITIONER", teamId: team.id, name: "Jo Colleague" }),
    keyworker: await createUser(tenant.id, { role: "FAMILY_KEYWORKER", teamId: team.id }),
    manager: await createUser(tenant.id, { role: "TEAM_MANAGER", teamId: team.id, name: "Pat Manager" }),
    head: await createUser(tenant.id, { role: "HEAD_OF_SERVICE" }),
  };
}

const all = (xml: string, element: string) => [...xml.matchAll(new RegExp(`<${element}>([^<]*)</${element}>`, "g"))].map((m) => m[1]!);

async function censusXml(ctx: Ctx): Promise<string> {
  const result = await exportCinCensus(ctx, { year: 2026, purpose: "check" });
  if (!result.ok) throw new Error(JSON.stringify({ general: result.general, children: result.children }, null, 1));
  return result.xml;
}

/** What a correction sends: the record's current version and values, with some changed. */
function correction<T extends EditableRecord>(personId: string, edit: T, values: Partial<T["values"]>, reason = "Typed wrongly"): CorrectionInput {
  return { personId, recordType: edit.type, recordId: edit.id, version: edit.version, reason, values: { ...edit.values, ...values } };
}

let a: Council;
let caseId: string;
let childId: string;

/** Everything statutory the child has, and the corrections audited: a refused correction changes none of it. */
async function snapshot() {
  return withTenant(a.tenantId, async (tx) => ({
    assessments: await tx.assessment.findMany({ where: { personId: childId }, orderBy: { id: "asc" } }),
    section47s: await tx.section47.findMany({ where: { personId: childId }, orderBy: { id: "asc" } }),
    cpPlans: await tx.cpPlan.findMany({ where: { personId: childId }, orderBy: { id: "asc" }, include: { reviews: true, coreGroups: true } }),
    cinPlans: await tx.cinPlan.findMany({ where: { personId: childId }, orderBy: { id: "asc" } }),
    corrections: await tx.auditEvent.count({ where: { personId: childId, action: { endsWith: ".corrected" } } }),
  }));
}

beforeAll(async () => {
  a = await makeCouncil();
  // a child under 6 on the census date (so no UPN is asked for), with an ethnicity: the census has nothing to complain of
  const { family, children } = await createFamily(a.tenantId, { children: [{ dateOfBirth: "2021-05-04" }] });
  childId = children[0]!.id;
  const made = await createCase(a.tenantId, { familyId: family.id, childIds: [childId], level: "CHILD_PROTECTION", teamId: a.teamId, openedOn: "2025-06-02" });
  caseId = made.id;
  await withTenant(a.tenantId, async (tx) => {
    await tx.person.update({ where: { tenantId_id: { tenantId: a.tenantId, id: childId } }, data: { ethnicity: "WBRI" } });
    await tx.allocation.create({ data: { tenantId: a.tenantId, caseId, workerId: a.worker.id, roleOnCase: "LEAD", startDate: fromIsoDate("2025-06-02") } });
    await tx.cinEpisode.create({ data: { tenantId: a.tenantId, personId: childId, caseId, referralDate: fromIsoDate("2025-06-02"), referralSource: "2A", primaryNeedCode: "N1" } });
  });
  const ctx = ctxFor(a.worker);
  await recordAssessment(ctx, { personId: childId, caseId, startDate: "2025-06-03", authorisedDate: "2025-07-10", factors: ["21"] });
  const s47 = await recordSection47(ctx, { personId: childId, caseId, strategyDiscussionDate: "2025-07-20", startDate: "2025-07-20", icpcNotRequired: false });
  await recordConference(ctx, { personId: childId, section47Id: s47.id, icpcDate: "2025-07-30", icpcNotRequired: false });
  // an earlier short plan, then the current one with a review
  const earlier = await startCpPlan(ctx, { personId: childId, caseId, startDate: "2025-06-10", category: "PHY" });
  await endCpPlan(ctx, { personId: childId, planId: earlier.id, endDate: "2025-07-01" });
  const plan = await startCpPlan(ctx, { personId: childId, caseId, startDate: "2025-08-01", category: "NEG" });
  await recordCpReview(ctx, { personId: childId, planId: plan.id, reviewDate: "2025-10-20" });
  const cin = await startCinPlan(ctx, { personId: childId, caseId, startDate: "2025-06-05" });
  await endCinPlan(ctx, { personId: childId, planId: cin.id, endDate: "2025-07-31" });
});

describe("correcting a record", () => {
  it("corrects an assessment, a CP plan, a CIN plan and a CP review: the census and what is due follow, and each is audited against the child and case with before, after and reason", async () => {
    const ctx = ctxFor(a.worker);
    const head = ctxFor(a.head);
    const before = await censusXml(head);
    expect(all(before, "AssessmentActualStartDate")).toEqual(["2025-06-03"]);
    expect(all(before, "CPPstartDate").sort()).toEqual(["2025-06-10", "2025-08-01"]);
    expect(all(before, "CINPlanEndDate")).toEqual(["2025-07-31"]);
    expect(all(before, "CPPreviewDate")).toEqual(["2025-10-20"]);
    expect((await getChildDue(ctx, childId)).find((i) => i.kind === "cp-review")).toMatchObject({ dueDate: addMonths("2025-10-20", 6) });

    const record = await getStatutoryRecord(ctx, childId);
    const plan = record.cpPlans.find((p) => p.startDate === "2025-08-01")!;
    const assessment = await correctStatutoryRecord(ctx, correction(childId, record.assessments[0]!.edit, { startDate: "2025-06-04" }, "Start date typed a day early"));
    expect(assessment.changes.map((c) => [c.field, c.before, c.after])).toEqual([["startDate", "2025-06-03", "2025-06-04"]]);
    await correctStatutoryRecord(ctx, correction(childId, plan.edit, { startDate: "2025-08-04", latestCategory: "EMO" }, "Conference was on the 4th"));
    await correctStatutoryRecord(ctx, correction(childId, record.cinPlans[0]!.edit, { endDate: "2025-07-25" }));
    await correctStatutoryRecord(ctx, correction(childId, plan.reviewRecords[0]!, { reviewDate: "2025-10-27" }));

    const after = await censusXml(head);
    expect(all(after, "AssessmentActualStartDate")).toEqual(["2025-06-04"]);
    expect(all(after, "CPPstartDate").sort()).toEqual(["2025-06-10", "2025-08-04"]);
    expect(all(after, "LatestCategoryOfAbuse")).toContain("EMO");
    expect(all(after, "CINPlanEndDate")).toEqual(["2025-07-25"]);
    expect(all(after, "CPPreviewDate")).toEqual(["2025-10-27"]);
    expect((await getChildDue(ctx, childId)).find((i) => i.kind === "cp-review")).toMatchObject({ dueDate: addMonths("2025-10-27", 6) });

    const events = await withTenant(a.tenantId, (tx) => tx.auditEvent.findMany({ where: { personId: childId, action: { endsWith: ".corrected" } }, orderBy: { id: "asc" } }));
    expect(events.map((e) => [e.action, e.entityType, e.caseId, e.actorId])).toEqual([
      ["assessment.corrected", "assessment", caseId, a.worker.id],
      ["cp_plan.corrected", "cp_plan", caseId, a.worker.id],
      ["cin_plan.corrected", "cin_plan", caseId, a.worker.id],
      ["cp_review.corrected", "cp_review", caseId, a.worker.id],
    ]);
    expect(events[0]!.details).toMatchObject({
      reason: "Start date typed a day early",
      before: { startDate: "2025-06-03", authorisedDate: "2025-07-10", factors: ["21"] },
      after: { startDate: "2025-06-04", authorisedDate: "2025-07-10", factors: ["21"] },
      changed: ["startDate"],
    });
    expect(events[1]!.details).toMatchObject({ before: { startDate: "2025-08-01", latestCategory: "NEG" }, after: { startDate: "2025-08-04", latestCategory: "EMO" }, changed: ["startDate", "latestCategory"] });
    expect(events[3]!.details).toMatchObject({ before: { reviewDate: "2025-10-20" }, after: { reviewDate: "2025-10-27" }, planId: plan.id });
    const access = await listRecordAccess(ctxFor(a.manager), childId);
    expect(access.events.map((e) => e.action)).toEqual(expect.arrayContaining(["assessment.corrected", "cp_plan.corrected", "cin_plan.corrected", "cp_review.corrected"]));
  });

  it("refuses a date in the future, out of order, off the referral, outside the plan, or overlapping another plan, with the messages recording gives, and changes nothing", async () => {
    const ctx = ctxFor(a.worker);
    const record = await getStatutoryRecord(ctx, childId);
    const plan = record.cpPlans.find((p) => p.endDate === null)!;
    const earlier = record.cpPlans.find((p) => p.endDate !== null)!;
    const was = await snapshot();
    const refused = async (input: CorrectionInput, code: string, field?: string, message?: string | RegExp) =>
      expect(correctStatutoryRecord(ctx, input)).rejects.toMatchObject({ code, ...(field ? { fieldErrors: { [field]: [message ?? expect.any(String)] } } : {}), ...(message && !field ? { message: expect.stringMatching(message) } : {}) });

    await refused(correction(childId, plan.edit, { startDate: "2099-01-01" }), "VALIDATION", "startDate", "The start date must be today or in the past");
    await refused(correction(childId, record.assessments[0]!.edit, { authorisedDate: "2025-06-01" }), "VALIDATION", "authorisedDate", "The assessment cannot be authorised before it started");
    await refused(correction(childId, record.section47s[0]!.edit, { icpcDate: "2025-07-19" }), "VALIDATION", "icpcDate", "The conference cannot be before the enquiry started");
    await refused(correction(childId, earlier.edit, { endDate: "2025-06-01" }), "VALIDATION", "endDate", "A plan cannot end before it started");
    await refused(correction(childId, record.assessments[0]!.edit, { startDate: "2025-05-01" }), "VALIDATION", "startDate", expect.stringContaining("no referral open on 1 May 2025"));
    await refused(correction(childId, plan.reviewRecords[0]!, { reviewDate: "2025-07-01" }), "VALIDATION", "reviewDate", expect.stringContaining("must fall within the plan's dates"));
    await refused(correction(childId, plan.edit, { startDate: "2025-11-01" }), "VALIDATION", "startDate", expect.stringContaining("The plan has a review conference on 27 Oct 2025, before that start"));
    // the database's exclusion constraint: one child protection plan at a time
    await refused(correction(childId, earlier.edit, { endDate: "2025-08-10" }), "CONFLICT", undefined, /overlaps a record the child already has/);
    // no reason, or nothing changed
    await refused(correction(childId, plan.edit, { startDate: "2025-08-05" }, "  "), "VALIDATION", "reason", "Enter why the record is being corrected");
    await refused(correction(childId, plan.edit, {}), "REFUSED", undefined, /Nothing was changed/);
    expect(await snapshot()).toEqual(was);
  });

  it("refuses to re-open a plan whose referral has closed", async () => {
    // after the census year, so the census of the tests above is not touched
    const made = await createAllocatedCase(a.tenantId, a.worker);
    const child = made.children[0]!.id;
    await withTenant(a.tenantId, (tx) =>
      tx.cinEpisode.create({ data: { tenantId: a.tenantId, personId: child, caseId: made.case.id, referralDate: fromIsoDate("2026-04-10"), referralSource: "2A", primaryNeedCode: "N1" } }),
    );
    const ctx = ctxFor(a.worker);
    const plan = await startCinPlan(ctx, { personId: child, caseId: made.case.id, startDate: "2026-04-15" });
    await endCinPlan(ctx, { personId: child, planId: plan.id, endDate: "2026-06-01" });
    await withTenant(a.tenantId, (tx) => tx.cinEpisode.updateMany({ where: { personId: child }, data: { closureDate: fromIsoDate("2026-06-01"), closureReason: "RC1" } }));
    const edit = (await getStatutoryRecord(ctx, child)).cinPlans[0]!.edit;
    await expect(correctStatutoryRecord(ctx, correction(child, edit, { endDate: null }))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { endDate: ["The referral this plan belongs to closed on 1 Jun 2026, so the plan cannot run on. Enter the date the plan ended."] },
    });
    await correctStatutoryRecord(ctx, correction(child, edit, { endDate: "2026-05-28" }));
    expect((await getStatutoryRecord(ctx, child)).cinPlans[0]!.endDate).toBe("2026-05-28");
  });

  it("refuses a correction from a page opened before someone else changed the record, saying who and what changed; sent again over theirs, it stands", async () => {
    const mine = await getStatutoryRecord(ctxFor(a.worker), childId);
    const theirs = await getStatutoryRecord(ctxFor(a.colleague), childId);
    await correctStatutoryRecord(ctxFor(a.colleague), correction(childId, theirs.cinPlans[0]!.edit, { startDate: "2025-06-06" }, "Plan agreed on the 6th"));
    const stale = correctStatutoryRecord(ctxFor(a.worker), correction(childId, mine.cinPlans[0]!.edit, { startDate: "2025-06-09" }));
    await expect(stale).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^Someone changed this child in need plan after you opened the page \(Jo Colleague, .*\): the start date from 5 Jun 2025 to 6 Jun 2025\. Your correction was not saved/),
    });
    const refusal = (await stale.catch((e: unknown) => e)) as { details: { conflict: { version: string; values: { startDate: string } } } };
    expect(refusal.details.conflict.values.startDate).toBe("2025-06-06");
    expect((await getStatutoryRecord(ctxFor(a.worker), childId)).cinPlans[0]!.startDate).toBe("2025-06-06");
    // the form now carries the version it was refused against: sending it again replaces theirs
    await correctStatutoryRecord(ctxFor(a.worker), { ...correction(childId, mine.cinPlans[0]!.edit, { startDate: "2025-06-09" }), version: refusal.details.conflict.version });
    expect((await getStatutoryRecord(ctxFor(a.worker), childId)).cinPlans[0]!.startDate).toBe("2025-06-09");
  });

  it("corrects a looked-after review, a health assessment and a pathway plan review, and what is due follows; keyworkers correct only pathway plan reviews", async () => {
    const today = todayInEngland();
    const looked = await createAllocatedCase(a.tenantId, a.worker, "LOOKED_AFTER");
    const child = looked.children[0]!.id;
    const ctx = ctxFor(a.worker);
    await startCare(ctx, { personId: child, caseId: looked.case.id, startDate: addDays(today, -100), legalStatus: "C2", categoryOfNeed: "N1", place: "U1", provider: "PR1" });
    await recordLaReview(ctx, { personId: child, reviewDate: addDays(today, -80), reviewCode: "PN1" });
    await recordHealthAssessment(ctx, { personId: child, date: addDays(today, -70), kind: "INITIAL" });
    let record = await getStatutoryRecord(ctx, child);
    const review = record.carePeriods[0]!.reviews[0]!.edit;
    await expect(correctStatutoryRecord(ctx, correction(child, review, { reviewDate: addDays(today, -101) }))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { reviewDate: ["The child was not looked after on that date. Check the date."] } });
    await correctStatutoryRecord(ctx, correction(child, review, { reviewDate: addDays(today, -75), reviewCode: "PN2" }));
    await correctStatutoryRecord(ctx, correction(child, record.healthAssessments[0]!.edit, { date: addDays(today, -60) }));
    record = await getStatutoryRecord(ctx, child);
    expect(record.carePeriods[0]!.reviews).toMatchObject([{ date: addDays(today, -75), code: "PN2" }]);
    const due = await getChildDue(ctx, child);
    expect(due.find((i) => i.kind === "la-review")).toMatchObject({ dueDate: addMonths(addDays(today, -75), 3) });
    expect(due.find((i) => i.kind === "health-assessment")).toMatchObject({ dueDate: addMonths(addDays(today, -60), 12) });
    await expect(correctStatutoryRecord(ctxFor(a.keyworker), correction(child, record.healthAssessments[0]!.edit, { date: addDays(today, -61) }))).rejects.toMatchObject({ code: "FORBIDDEN" });

    const leaving = await createAllocatedCase(a.tenantId, a.keyworker, "CARE_LEAVER");
    const young = leaving.children[0]!.id;
    await recordPathwayPlanReview(ctxFor(a.keyworker), { personId: young, reviewDate: addDays(today, -30) });
    const pathway = (await getStatutoryRecord(ctxFor(a.keyworker), young)).pathwayPlanReviewRecords[0]!;
    await correctStatutoryRecord(ctxFor(a.keyworker), correction(young, pathway, { reviewDate: addDays(today, -20) }));
    expect((await getChildDue(ctxFor(a.keyworker), young)).find((i) => i.kind === "pathway-plan")).toMatchObject({ dueDate: addMonths(addDays(today, -20), 6) });
    const event = await withTenant(a.tenantId, (tx) => tx.auditEvent.findFirstOrThrow({ where: { personId: young, action: "pathway_plan_review.corrected" } }));
    expect(event.caseId).toBe(leaving.case.id);
  });

  it("is not found for another council: nothing is corrected or removed and nothing is written to either council", async () => {
    const b = await makeCouncil();
    const record = await getStatutoryRecord(ctxFor(a.worker), childId);
    const was = await snapshot();
    const audited = await withTenant(b.tenantId, (tx) => tx.auditEvent.count());
    for (const them of [b.worker, b.manager]) {
      await expect(correctStatutoryRecord(ctxFor(them), correction(childId, record.assessments[0]!.edit, { startDate: "2025-06-05" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(correctStatutoryRecord(ctxFor(them), correction(childId, record.cpPlans[0]!.reviewRecords[0] ?? record.cpPlans[1]!.reviewRecords[0]!, { reviewDate: "2025-10-28" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(
      removeStatutoryRecord(ctxFor(b.manager), { personId: childId, recordType: "assessment", recordId: record.assessments[0]!.id, version: record.assessments[0]!.edit.version, reason: "Duplicate" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // their own child, with our record's id: not found either
    const theirs = await createAllocatedCase(b.tenantId, b.worker);
    await expect(correctStatutoryRecord(ctxFor(b.worker), correction(theirs.children[0]!.id, record.assessments[0]!.edit, { startDate: "2025-06-05" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      removeStatutoryRecord(ctxFor(b.manager), { personId: theirs.children[0]!.id, recordType: "assessment", recordId: record.assessments[0]!.id, version: record.assessments[0]!.edit.version, reason: "Duplicate" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(was);
    expect(await withTenant(b.tenantId, (tx) => tx.auditEvent.count({ where: { OR: [{ action: { endsWith: ".corrected" } }, { action: { endsWith: ".removed" } }] } }))).toBe(0);
    expect(await withTenant(b.tenantId, (tx) => tx.auditEvent.count())).toBe(audited);
  });
});

/** A removal of the record as the page shows it now. */
const removal = (personId: string, edit: EditableRecord, reason = "Recorded twice") => ({ personId, recordType: edit.type, recordId: edit.id, version: edit.version, reason });

describe("removing a record entered in error", () => {
  it("a manager removes an assessment recorded twice: it leaves the record and the census, and the audit log keeps the whole row with the reason", async () => {
    const copy = await withTenant(a.tenantId, async (tx) => {
      const original = await tx.assessment.findFirstOrThrow({ where: { personId: childId } });
      const { id: _id, createdAt: _c, ...fields } = original;
      return tx.assessment.create({ data: fields });
    });
    const head = ctxFor(a.head);
    expect(all(await censusXml(head), "AssessmentActualStartDate")).toHaveLength(2);
    const image = await withTenant(a.tenantId, (tx) => tx.$queryRaw<{ row: Record<string, unknown> }[]>`SELECT to_jsonb(r) AS row FROM assessment r WHERE r.id = ${copy.id}::uuid`);
    const edit = (await getStatutoryRecord(ctxFor(a.manager), childId)).assessments.find((x) => x.id === copy.id)!.edit;

    // a social worker, a keyworker: not theirs to remove
    for (const who of [a.worker, a.colleague, a.keyworker]) await expect(removeStatutoryRecord(ctxFor(who), removal(childId, edit))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeStatutoryRecord(ctxFor(a.manager), removal(childId, edit, " "))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { reason: ["Enter why the record is being removed"] } });
    expect(await withTenant(a.tenantId, (tx) => tx.assessment.count({ where: { id: copy.id } }))).toBe(1);

    const done = await removeStatutoryRecord(ctxFor(a.manager), removal(childId, edit, "Recorded twice at the same visit"));
    expect(done.before).toEqual(image[0]!.row);
    expect(await withTenant(a.tenantId, (tx) => tx.assessment.count({ where: { id: copy.id } }))).toBe(0);
    expect((await getStatutoryRecord(ctxFor(a.worker), childId)).assessments.map((x) => x.id)).not.toContain(copy.id);
    expect(all(await censusXml(head), "AssessmentActualStartDate")).toEqual(["2025-06-04"]);

    const event = await withTenant(a.tenantId, (tx) => tx.auditEvent.findFirstOrThrow({ where: { action: "assessment.removed", entityId: copy.id } }));
    expect(event).toMatchObject({ personId: childId, caseId, actorId: a.manager.id, entityType: "assessment" });
    expect(event.details).toMatchObject({ reason: "Recorded twice at the same visit", before: image[0]!.row });
    expect(Object.keys((event.details as { before: object }).before).sort()).toEqual(
      ["authorised_date", "case_id", "cin_episode_id", "created_at", "factors", "id", "person_id", "recorded_by_id", "start_date", "tenant_id"].sort(),
    );
    expect((await listRecordAccess(ctxFor(a.manager), childId)).events.map((e) => e.action)).toContain("assessment.removed");

    // gone: removing or correcting it again from the old page says it was removed, and by whom
    await expect(removeStatutoryRecord(ctxFor(a.head), removal(childId, edit))).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("was removed as entered in error after you opened the page (Pat Manager") });
    await expect(correctStatutoryRecord(ctxFor(a.worker), correction(childId, edit, { startDate: "2025-06-05" }))).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("so your correction was not saved") });
  });

  it("refuses to remove a record someone corrected after the page was opened", async () => {
    const seen = (await getStatutoryRecord(ctxFor(a.manager), childId)).section47s[0]!.edit;
    await correctStatutoryRecord(ctxFor(a.worker), correction(childId, seen, { icpcDate: "2025-07-31" }));
    await expect(removeStatutoryRecord(ctxFor(a.manager), removal(childId, seen))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("the conference date from 30 Jul 2025 to 31 Jul 2025. It was not removed."),
    });
    expect((await getStatutoryRecord(ctxFor(a.manager), childId)).section47s).toHaveLength(1);
  });

  it("refuses to remove a CP plan with a review or core group meeting, saying what to do first; once they are removed, it goes", async () => {
    const manager = ctxFor(a.manager);
    const plan = (await getStatutoryRecord(manager, childId)).cpPlans.find((p) => p.endDate === null)!;
    await expect(removeStatutoryRecord(manager, removal(childId, plan.edit))).rejects.toMatchObject({
      code: "REFUSED",
      message: expect.stringContaining("This child protection plan has 1 review conference (27 Oct 2025) recorded against it, so it cannot be removed on its own"),
    });
    expect(await withTenant(a.tenantId, (tx) => tx.cpPlan.count({ where: { id: plan.id } }))).toBe(1);
    await removeStatutoryRecord(manager, removal(childId, plan.reviewRecords[0]!, "Recorded against the wrong plan"));
    // the plan changed (a review went), not its values: the version still holds
    await removeStatutoryRecord(manager, removal(childId, plan.edit, "Recorded on this child in error"));
    expect((await getStatutoryRecord(manager, childId)).cpPlans.map((p) => p.id)).not.toContain(plan.id);
    const events = await withTenant(a.tenantId, (tx) => tx.auditEvent.findMany({ where: { personId: childId, action: { in: ["cp_review.removed", "cp_plan.removed"] } }, orderBy: { id: "asc" } }));
    expect(events.map((e) => [e.action, (e.details as { before: { cp_plan_id?: string; id: string } }).before.id])).toEqual([
      ["cp_review.removed", plan.reviewRecords[0]!.id],
      ["cp_plan.removed", plan.id],
    ]);
  });
});

describe("a merge refused for the same plan on both records", () => {
  it("goes through once a manager removes the copy from the duplicate", async () => {
    const c = await makeCouncil();
    const t = c.tenantId;
    const first = await createFamily(t, { children: [{ firstName: "Amy", lastName: "Roe", dateOfBirth: "2016-04-03" }] });
    const second = await createFamily(t, { children: [{ firstName: "Amie", lastName: "Roe", dateOfBirth: "2016-04-03" }] });
    const keep = first.children[0]!.id;
    const dup = second.children[0]!.id;
    const keepCase = await createCase(t, { familyId: first.family.id, childIds: [keep], teamId: c.teamId, openedOn: "2025-01-01" });
    const dupCase = await createCase(t, { familyId: second.family.id, childIds: [dup], teamId: c.teamId, openedOn: "2025-01-01" });
    await withTenant(t, async (tx) => {
      for (const [personId, caseId] of [[keep, keepCase.id], [dup, dupCase.id]] as const) {
        await tx.cpPlan.create({ data: { tenantId: t, personId, caseId, startDate: fromIsoDate("2025-05-01"), initialCategory: "NEG", latestCategory: "NEG", recordedById: c.worker.id } });
      }
    });
    const manager = ctxFor(c.manager);
    await expect(mergePeople(manager, { survivorId: keep, mergedId: dup, reason: "Same child" })).rejects.toMatchObject({
      code: "REFUSED",
      message: expect.stringContaining("each have a child protection plan from 1 May 2025 (not ended): the same one may have been recorded on both records"),
    });
    expect((await getMergePage(manager, keep, dup)).conflicts.map((x) => x.kind)).toEqual(["CP_PLAN"]);
    const copy = (await getStatutoryRecord(manager, dup)).cpPlans[0]!;
    await removeStatutoryRecord(manager, removal(dup, copy.edit, "The same plan as on Amy's record"));
    expect((await getMergePage(manager, keep, dup)).conflicts).toEqual([]);
    await mergePeople(manager, { survivorId: keep, mergedId: dup, reason: "Same child" });
    expect((await getStatutoryRecord(manager, keep)).cpPlans.map((p) => p.startDate)).toEqual(["2025-05-01"]);
  });
});

describe("correcting and removing a referral (CIN episode)", () => {
  let r: Council;
  let child: string;
  let onCase: string;
  let first: string;
  let second: string;

  const referrals = () => withTenant(r.tenantId, (tx) => tx.cinEpisode.findMany({ where: { personId: child }, orderBy: { id: "asc" } }));
  const referralAudits = () => withTenant(r.tenantId, (tx) => tx.auditEvent.count({ where: { personId: child, entityType: "cin_episode" } }));
  const editOf = async (id: string, who: TestUser = r.worker) => (await getStatutoryRecord(ctxFor(who), child)).referrals.find((e) => e.id === id)!.edit;
  const census = (who: TestUser = r.head) => exportCinCensus(ctxFor(who), { year: 2026, purpose: "check" });

  beforeAll(async () => {
    r = await makeCouncil();
    const { family, children } = await createFamily(r.tenantId, { children: [{ dateOfBirth: "2021-05-04" }] });
    child = children[0]!.id;
    onCase = (await createCase(r.tenantId, { familyId: family.id, childIds: [child], level: "CHILD_IN_NEED", teamId: r.teamId, openedOn: "2025-05-01" })).id;
    await withTenant(r.tenantId, async (tx) => {
      await tx.person.update({ where: { tenantId_id: { tenantId: r.tenantId, id: child } }, data: { ethnicity: "WBRI" } });
      await tx.allocation.create({ data: { tenantId: r.tenantId, caseId: onCase, workerId: r.worker.id, roleOnCase: "LEAD", startDate: fromIsoDate("2025-05-01") } });
      // a referral that closed, then one migrated from the old system with no primary need and the source "unknown"
      first = (
        await tx.cinEpisode.create({
          data: { tenantId: r.tenantId, personId: child, caseId: onCase, referralDate: fromIsoDate("2025-05-01"), referralSource: "2A", primaryNeedCode: "N1", closureDate: fromIsoDate("2025-09-30"), closureReason: "RC8" },
        })
      ).id;
      second = (await tx.cinEpisode.create({ data: { tenantId: r.tenantId, personId: child, caseId: onCase, referralDate: fromIsoDate("2025-11-03"), referralSource: "10" } })).id;
    });
    await recordAssessment(ctxFor(r.worker), { personId: child, caseId: onCase, startDate: "2025-05-10", authorisedDate: "2025-06-01", factors: ["21"] });
  });

  it("corrects a referral's source and need, and its date and closure: the census writes the new values, the problem goes, and each is audited with before, after and reason", async () => {
    const before = await census();
    expect(before.ok).toBe(false);
    if (before.ok) return;
    expect(before.children.find((c) => c.personId === child)?.problems).toEqual([{ module: "Referral", message: "The referral of 3 Nov 2025: give the primary need code." }]);

    const ctx = ctxFor(r.worker);
    await correctStatutoryRecord(ctx, correction(child, await editOf(second), { referralSource: "6", primaryNeedCode: "N4" }, "Migrated without its need; the police referred"));
    await correctStatutoryRecord(ctx, correction(child, await editOf(first), { referralDate: "2025-05-02", closureDate: "2025-09-28", closureReason: "RC7" }, "Dates and reason typed wrongly in the old system"));

    const xml = await censusXml(ctxFor(r.head));
    expect(all(xml, "CINreferralDate")).toEqual(["2025-05-02", "2025-11-03"]);
    expect(all(xml, "ReferralSource")).toEqual(["2A", "6"]);
    expect(all(xml, "PrimaryNeedCode")).toEqual(["N1", "N4"]);
    expect(all(xml, "CINclosureDate")).toEqual(["2025-09-28"]);
    expect(all(xml, "ReasonForClosure")).toEqual(["RC7"]);

    const events = await withTenant(r.tenantId, (tx) => tx.auditEvent.findMany({ where: { personId: child, action: "cin_episode.corrected" }, orderBy: { id: "asc" } }));
    expect(events.map((e) => [e.entityType, e.entityId, e.caseId, e.actorId])).toEqual([
      ["cin_episode", second, onCase, r.worker.id],
      ["cin_episode", first, onCase, r.worker.id],
    ]);
    expect(events[0]!.details).toMatchObject({
      reason: "Migrated without its need; the police referred",
      before: { referralDate: "2025-11-03", referralSource: "10", primaryNeedCode: null, closureDate: null, closureReason: null },
      after: { referralDate: "2025-11-03", referralSource: "6", primaryNeedCode: "N4", closureDate: null, closureReason: null },
      changed: ["referralSource", "primaryNeedCode"],
    });
    expect(events[1]!.details).toMatchObject({ changed: ["referralDate", "closureDate", "closureReason"] });
    expect((await listRecordAccess(ctxFor(r.manager), child)).events.map((e) => e.action)).toContain("cin_episode.corrected");
    // the case is not changed by it
    expect(await withTenant(r.tenantId, (tx) => tx.case.findFirstOrThrow({ where: { id: onCase }, select: { openedOn: true } }))).toEqual({ openedOn: fromIsoDate("2025-05-01") });
    // the later referral (3 Nov 2025) is measured again from the corrected one (2 May 2025, within 12 months): a re-referral of it
    expect((await referrals()).find((e) => e.id === second)).toMatchObject({ reReferral: true, previousEpisodeId: first });
  });

  it("refuses a future date, a closure before the referral, a date after a linked assessment's start, an overlap with the child's other referral, a missing need, and closing or re-opening; nothing changes", async () => {
    const ctx = ctxFor(r.worker);
    const was = await referrals();
    const audited = await referralAudits();
    const closed = await editOf(first);
    const open = await editOf(second);
    const refused = (input: CorrectionInput, field: string, message: string | ReturnType<typeof expect.stringContaining>) =>
      expect(correctStatutoryRecord(ctx, input)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { [field]: [message] } });

    await refused(correction(child, open, { referralDate: addDays(todayInEngland(), 1) }), "referralDate", "The referral date must be today or in the past");
    await refused(correction(child, closed, { closureDate: "2025-05-01" }), "closureDate", "The referral cannot close before the date it was made");
    await refused(
      correction(child, closed, { referralDate: "2025-05-11" }),
      "referralDate",
      "The assessment starting 10 May 2025 is recorded against this referral and would then fall before it. Check the date, or correct the assessment starting 10 May 2025 first (under Assessments).",
    );
    await refused(correction(child, closed, { closureDate: "2025-05-20" }), "closureDate", expect.stringContaining("The assessment starting 10 May 2025 (authorised 1 Jun 2025) is recorded against this referral and would then fall after it closed"));
    await refused(correction(child, open, { referralDate: "2025-09-15" }), "referralDate", "Those dates overlap the child's referral of 2 May 2025 (closed 28 Sept 2025, case " + (await caseRef()) + "): the census counts one referral at a time. Check the dates, or correct that referral first.");
    await refused(correction(child, closed, { closureDate: "2025-11-03" }), "closureDate", expect.stringContaining("Those dates overlap the child's referral of 3 Nov 2025 (open"));
    await refused(correction(child, open, { primaryNeedCode: null }), "primaryNeedCode", expect.stringContaining("the census needs one unless the referral ended in no further action"));
    await refused(correction(child, open, { closureDate: "2025-12-01", closureReason: "RC8" }), "closureDate", expect.stringContaining("This referral is open: it closes with its case"));
    await refused(correction(child, closed, { closureDate: null, closureReason: null }), "closureDate", expect.stringContaining("A correction does not re-open it"));
    await refused(correction(child, open, { referralSource: "" }), "referralSource", "Choose who made the referral from the list");
    expect(await referrals()).toEqual(was);
    expect(await referralAudits()).toBe(audited);
  });

  const caseRef = async () => (await withTenant(r.tenantId, (tx) => tx.case.findFirstOrThrow({ where: { id: onCase }, select: { reference: true } }))).reference;

  it("refuses a correction from a page opened before someone else corrected the referral, saying what changed", async () => {
    const mine = await editOf(second, r.worker);
    await correctStatutoryRecord(ctxFor(r.colleague), correction(child, await editOf(second, r.colleague), { referralSource: "3A" }, "It was the GP"));
    await expect(correctStatutoryRecord(ctxFor(r.worker), correction(child, mine, { primaryNeedCode: "N5" }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^Someone changed this referral after you opened the page \(Jo Colleague, .*\): who made the referral from 6 to 3A\. Your correction was not saved/),
    });
    expect((await referrals()).find((e) => e.id === second)).toMatchObject({ referralSource: "3A", primaryNeedCode: "N4" });
  });

  it("a manager removes a referral recorded twice with nothing against it, audited with the row; one with an assessment, or a child's last on an open case, is refused; a social worker may not remove one", async () => {
    const copy = await withTenant(r.tenantId, (tx) =>
      tx.cinEpisode.create({ data: { tenantId: r.tenantId, personId: child, caseId: onCase, referralDate: fromIsoDate("2025-11-03"), referralSource: "3A", primaryNeedCode: "N4" } }),
    );
    const edit = await editOf(copy.id, r.manager);
    for (const who of [r.worker, r.colleague]) await expect(removeStatutoryRecord(ctxFor(who), removal(child, edit))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const image = await withTenant(r.tenantId, (tx) => tx.$queryRaw<{ row: Record<string, unknown> }[]>`SELECT to_jsonb(e) AS row FROM cin_episode e WHERE e.id = ${copy.id}::uuid`);
    const done = await removeStatutoryRecord(ctxFor(r.manager), removal(child, edit, "The same referral entered twice"));
    expect(done.before).toEqual(image[0]!.row);
    expect((await referrals()).map((e) => e.id)).not.toContain(copy.id);
    const event = await withTenant(r.tenantId, (tx) => tx.auditEvent.findFirstOrThrow({ where: { action: "cin_episode.removed", entityId: copy.id } }));
    expect(event).toMatchObject({ personId: child, caseId: onCase, actorId: r.manager.id, entityType: "cin_episode" });
    expect(event.details).toMatchObject({ reason: "The same referral entered twice", before: image[0]!.row, values: { referralDate: "2025-11-03", referralSource: "3A" } });
    expect((await listRecordAccess(ctxFor(r.manager), child)).events.map((e) => e.action)).toContain("cin_episode.removed");

    // the first referral has the assessment recorded against it, and the later one is now measured from it
    await expect(removeStatutoryRecord(ctxFor(r.manager), removal(child, await editOf(first, r.manager)))).rejects.toMatchObject({
      code: "REFUSED",
      message: expect.stringContaining(
        "This referral has an assessment (10 May 2025) and a later referral counted as a re-referral of it (3 Nov 2025) recorded against it, so it cannot be removed",
      ),
    });
    expect(await referrals()).toHaveLength(2);

    // a child on an open child in need case keeps a referral
    const alone = await createAllocatedCase(r.tenantId, r.worker);
    const kid = alone.children[0]!.id;
    const only = await withTenant(r.tenantId, (tx) => tx.cinEpisode.create({ data: { tenantId: r.tenantId, personId: kid, caseId: alone.case.id, referralDate: fromIsoDate(addDays(todayInEngland(), -3)), referralSource: "6", primaryNeedCode: "N1" } }));
    const onlyEdit = (await getStatutoryRecord(ctxFor(r.manager), kid)).referrals[0]!.edit;
    await expect(removeStatutoryRecord(ctxFor(r.manager), removal(kid, onlyEdit))).rejects.toMatchObject({ code: "REFUSED", message: expect.stringContaining(`This is the child's only referral on the open case ${alone.case.reference}`) });
    expect(await withTenant(r.tenantId, (tx) => tx.cinEpisode.count({ where: { id: only.id } }))).toBe(1);
  });

  it("is not found for another council, to correct or to remove", async () => {
    const b = await makeCouncil();
    const edit = await editOf(second);
    const was = await referrals();
    await expect(correctStatutoryRecord(ctxFor(b.worker), correction(child, edit, { primaryNeedCode: "N2" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeStatutoryRecord(ctxFor(b.manager), removal(child, edit))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const theirs = await createAllocatedCase(b.tenantId, b.worker);
    await expect(correctStatutoryRecord(ctxFor(b.worker), correction(theirs.children[0]!.id, edit, { primaryNeedCode: "N2" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeStatutoryRecord(ctxFor(b.manager), removal(theirs.children[0]!.id, edit))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await referrals()).toEqual(was);
  });
});
