// A child's statutory records: assessments, section 47 enquiries and conferences, CP and CIN plans,
// periods of care with their SSDA903 episodes, looked-after reviews and health assessments.
// Every change is validated (dates in order, codes from the lists) and audited with the child.
import "server-only";
import { randomUUID } from "node:crypto";
import { assertCan, type Ctx } from "@/lib/auth/context";
import { inOrder } from "@/lib/db/in-order";
import { Prisma } from "@/lib/db/generated/client";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { ageOn, formatDate, fromIsoDate, todayInEngland, toIsoDate, type IsoDate } from "@/lib/domain/dates";
import { avoidedAgencyRefusal, changeLegalStatus, endCare, type PlacementEpisode, type PlacementHistory } from "@/lib/domain/placements";
import { noVacancyRefusal } from "@/lib/domain/placements-matching";
import { formatLondonDateTime } from "@/lib/domain/london-time";
import { classifyReferral } from "@/lib/domain/re-referral";
import {
  checkCorrection,
  isStatutoryRecordType,
  lastReferralRefusal,
  referralCorrectionErrors,
  referralDatesRefusal,
  referralRemovalRefusal,
  type OnReferral,
  outsidePlanRefusal,
  reasonError,
  recordChanges,
  recordVersion,
  removalRefusal,
  removedMessage,
  staleMessage,
  valuesOfVersion,
  RECORD_WORDS,
  type EditableRecord,
  type RecordChange,
  type RecordValues,
  type StatutoryRecordType,
} from "@/lib/domain/statutory-corrections";
import type { Level } from "@/lib/domain/roles";
import { takesProvider, type CategoryOfNeed, type LegalStatus, type PlacementProvider, type PlacementType, type ReasonCareEnded } from "@/lib/domain/ssda903-codes";
import { AppError, notFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { childrenWithCarers } from "./carer-load";
import { parseId } from "./ids";
import { assertMayOpen } from "./restricted";

const d = (iso: IsoDate) => fromIsoDate(iso);
const iso = (date: Date | null) => (date ? toIsoDate(date) : null);
const invalid = (field: string, message: string) => new AppError("VALIDATION", message, { [field]: [message] });

/** Each record carries `edit`: its values and the version they were loaded at, for the correction and removal forms. */
export type StatutoryRecord = {
  child: { id: string; name: string; dateOfBirth: IsoDate | null; age: number | null; disabilities: string[] };
  cases: { id: string; reference: string; level: Level; status: "OPEN" | "CLOSED" }[];
  referrals: {
    id: string;
    caseId: string;
    referralDate: IsoDate;
    referralSource: string;
    closureDate: IsoDate | null;
    closureReason: string | null;
    primaryNeedCode: string | null;
    edit: EditableRecord<"cin_episode">;
  }[];
  assessments: { id: string; caseId: string; startDate: IsoDate; authorisedDate: IsoDate | null; factors: string[]; edit: EditableRecord<"assessment"> }[];
  section47s: { id: string; caseId: string; strategyDiscussionDate: IsoDate; startDate: IsoDate; icpcDate: IsoDate | null; icpcNotRequired: boolean; edit: EditableRecord<"section47"> }[];
  cpPlans: {
    id: string;
    caseId: string;
    startDate: IsoDate;
    endDate: IsoDate | null;
    initialCategory: string;
    latestCategory: string;
    reviews: IsoDate[];
    coreGroups: IsoDate[];
    edit: EditableRecord<"cp_plan">;
    reviewRecords: EditableRecord<"cp_review">[];
    coreGroupRecords: EditableRecord<"core_group">[];
  }[];
  cinPlans: { id: string; caseId: string; startDate: IsoDate; endDate: IsoDate | null; edit: EditableRecord<"cin_plan"> }[];
  carePeriods: {
    id: string;
    caseId: string;
    startDate: IsoDate;
    endDate: IsoDate | null;
    reasonEnded: string | null;
    categoryOfNeed: string | null;
    episodes: { id: string; startDate: IsoDate; endDate: IsoDate | null; legalStatus: string; place: string; provider: string | null; reasonNewEpisode: string }[];
    reviews: { date: IsoDate; code: string | null; edit: EditableRecord<"la_review"> }[];
  }[];
  healthAssessments: { id: string; kind: "INITIAL" | "REVIEW"; date: IsoDate; edit: EditableRecord<"health_assessment"> }[];
  pathwayPlanReviews: IsoDate[];
  pathwayPlanReviewRecords: EditableRecord<"pathway_plan_review">[];
};

/** A stored row's values as the correction forms edit them (one place, so the page's version and the check's agree). */
const VALUES = {
  assessment: (a: { startDate: Date; authorisedDate: Date | null; factors: string[] }): RecordValues["assessment"] => ({
    startDate: toIsoDate(a.startDate),
    authorisedDate: iso(a.authorisedDate),
    factors: [...a.factors].sort(),
  }),
  section47: (s: { strategyDiscussionDate: Date; startDate: Date; icpcDate: Date | null; icpcNotRequired: boolean }): RecordValues["section47"] => ({
    strategyDiscussionDate: toIsoDate(s.strategyDiscussionDate),
    startDate: toIsoDate(s.startDate),
    icpcDate: iso(s.icpcDate),
    icpcNotRequired: s.icpcNotRequired,
  }),
  cp_plan: (c: { startDate: Date; endDate: Date | null; initialCategory: string; latestCategory: string }): RecordValues["cp_plan"] => ({
    startDate: toIsoDate(c.startDate),
    endDate: iso(c.endDate),
    initialCategory: c.initialCategory,
    latestCategory: c.latestCategory,
  }),
  cp_review: (r: { reviewDate: Date }): RecordValues["cp_review"] => ({ reviewDate: toIsoDate(r.reviewDate) }),
  core_group: (m: { meetingDate: Date }): RecordValues["core_group"] => ({ meetingDate: toIsoDate(m.meetingDate) }),
  cin_plan: (c: { startDate: Date; endDate: Date | null }): RecordValues["cin_plan"] => ({ startDate: toIsoDate(c.startDate), endDate: iso(c.endDate) }),
  la_review: (r: { reviewDate: Date; reviewCode: string | null }): RecordValues["la_review"] => ({ reviewDate: toIsoDate(r.reviewDate), reviewCode: r.reviewCode }),
  health_assessment: (h: { assessmentDate: Date; kind: "INITIAL" | "REVIEW" }): RecordValues["health_assessment"] => ({ date: toIsoDate(h.assessmentDate), kind: h.kind }),
  pathway_plan_review: (r: { reviewDate: Date }): RecordValues["pathway_plan_review"] => ({ reviewDate: toIsoDate(r.reviewDate) }),
  cin_episode: (e: { referralDate: Date; referralSource: string; primaryNeedCode: string | null; closureDate: Date | null; closureReason: string | null }): RecordValues["cin_episode"] => ({
    referralDate: toIsoDate(e.referralDate),
    referralSource: e.referralSource.trim(),
    primaryNeedCode: e.primaryNeedCode?.trim() || null,
    closureDate: iso(e.closureDate),
    closureReason: e.closureReason?.trim() || null,
  }),
};

function editable<T extends StatutoryRecordType>(type: T, id: string, values: RecordValues[T]): EditableRecord<T> {
  return { type, id, values, version: recordVersion(type, values) };
}

export async function getStatutoryRecord(ctx: Ctx, personIdInput: string): Promise<StatutoryRecord> {
  assertCan(ctx, "case:view", "see statutory records");
  const personId = parseId(personIdInput, "child");
  return withTenant(ctx.tenantId, async (tx) => {
    await assertMayOpen(tx, ctx, { personId });
    const t = ctx.tenantId;
    const p = await tx.person.findFirst({ where: { tenantId: t, id: personId, kind: "CHILD" }, select: { id: true, firstName: true, lastName: true, dateOfBirth: true, disabilities: true } });
    if (!p) throw notFoundError("child");
    const [cases, referrals, assessments, section47s, cpPlans, cinPlans, carePeriods, health, pathwayReviews] = await inOrder([
      () => tx.caseChild.findMany({ where: { tenantId: t, personId }, select: { case: { select: { id: true, reference: true, level: true, status: true, openedOn: true } } } }),
      () => tx.cinEpisode.findMany({ where: { tenantId: t, personId }, orderBy: { referralDate: "desc" } }),
      () => tx.assessment.findMany({ where: { tenantId: t, personId }, orderBy: { startDate: "desc" } }),
      () => tx.section47.findMany({ where: { tenantId: t, personId }, orderBy: { startDate: "desc" } }),
      () => tx.cpPlan.findMany({ where: { tenantId: t, personId }, orderBy: { startDate: "desc" }, include: { reviews: { orderBy: { reviewDate: "asc" } }, coreGroups: { orderBy: { meetingDate: "asc" } } } }),
      () => tx.cinPlan.findMany({ where: { tenantId: t, personId }, orderBy: { startDate: "desc" } }),
      () => tx.carePeriod.findMany({
        where: { tenantId: t, personId },
        orderBy: { startDate: "desc" },
        include: { episodes: { orderBy: { startDate: "asc" } }, reviews: { orderBy: { reviewDate: "asc" } } },
      }),
      () => tx.healthAssessment.findMany({ where: { tenantId: t, personId }, orderBy: { assessmentDate: "desc" } }),
      () => tx.pathwayPlanReview.findMany({ where: { tenantId: t, personId }, orderBy: { reviewDate: "asc" }, select: { id: true, reviewDate: true } }),
    ]);
    await recordAudit(tx, ctx, { action: "statutory.viewed", entityType: "person", entityId: personId, personId });
    const dob = iso(p.dateOfBirth);
    return {
      child: { id: p.id, name: `${p.firstName} ${p.lastName}`, dateOfBirth: dob, age: dob ? ageOn(dob, todayInEngland()) : null, disabilities: p.disabilities },
      cases: cases.map((c) => c.case).sort((a, b) => b.openedOn.getTime() - a.openedOn.getTime()).map(({ openedOn: _o, ...c }) => c),
      referrals: referrals.map((r) => ({
        id: r.id,
        caseId: r.caseId,
        referralDate: toIsoDate(r.referralDate),
        referralSource: r.referralSource,
        closureDate: iso(r.closureDate),
        closureReason: r.closureReason,
        primaryNeedCode: r.primaryNeedCode,
        edit: editable("cin_episode", r.id, VALUES.cin_episode(r)),
      })),
      assessments: assessments.map((a) => ({
        id: a.id,
        caseId: a.caseId,
        startDate: toIsoDate(a.startDate),
        authorisedDate: iso(a.authorisedDate),
        factors: a.factors,
        edit: editable("assessment", a.id, VALUES.assessment(a)),
      })),
      section47s: section47s.map((s) => ({
        id: s.id,
        caseId: s.caseId,
        strategyDiscussionDate: toIsoDate(s.strategyDiscussionDate),
        startDate: toIsoDate(s.startDate),
        icpcDate: iso(s.icpcDate),
        icpcNotRequired: s.icpcNotRequired,
        edit: editable("section47", s.id, VALUES.section47(s)),
      })),
      cpPlans: cpPlans.map((c) => ({
        id: c.id,
        caseId: c.caseId,
        startDate: toIsoDate(c.startDate),
        endDate: iso(c.endDate),
        initialCategory: c.initialCategory,
        latestCategory: c.latestCategory,
        reviews: c.reviews.map((r) => toIsoDate(r.reviewDate)),
        coreGroups: c.coreGroups.map((m) => toIsoDate(m.meetingDate)),
        edit: editable("cp_plan", c.id, VALUES.cp_plan(c)),
        reviewRecords: c.reviews.map((r) => editable("cp_review", r.id, VALUES.cp_review(r))),
        coreGroupRecords: c.coreGroups.map((m) => editable("core_group", m.id, VALUES.core_group(m))),
      })),
      cinPlans: cinPlans.map((c) => ({ id: c.id, caseId: c.caseId, startDate: toIsoDate(c.startDate), endDate: iso(c.endDate), edit: editable("cin_plan", c.id, VALUES.cin_plan(c)) })),
      carePeriods: carePeriods.map((c) => ({
        id: c.id,
        caseId: c.caseId,
        startDate: toIsoDate(c.startDate),
        endDate: iso(c.endDate),
        reasonEnded: c.reasonEnded,
        categoryOfNeed: c.categoryOfNeed,
        episodes: c.episodes.map((e) => ({
          id: e.id,
          startDate: toIsoDate(e.startDate),
          endDate: iso(e.endDate),
          legalStatus: e.legalStatus,
          place: e.place,
          provider: e.provider,
          reasonNewEpisode: e.reasonNewEpisode,
        })),
        reviews: c.reviews.map((r) => ({ date: toIsoDate(r.reviewDate), code: r.reviewCode, edit: editable("la_review", r.id, VALUES.la_review(r)) })),
      })),
      healthAssessments: health.map((h) => ({ id: h.id, kind: h.kind, date: toIsoDate(h.assessmentDate), edit: editable("health_assessment", h.id, VALUES.health_assessment(h)) })),
      pathwayPlanReviews: pathwayReviews.map((r) => toIsoDate(r.reviewDate)),
      pathwayPlanReviewRecords: pathwayReviews.map((r) => editable("pathway_plan_review", r.id, VALUES.pathway_plan_review(r))),
    };
  });
}

/** The child must be in the case; the case must be the council's. */
async function childInCase(tx: Tx, tenantId: string, personId: string, caseId: string) {
  const link = await tx.caseChild.findFirst({ where: { tenantId, caseId, personId }, select: { case: { select: { status: true } } } });
  if (!link) throw notFoundError("case");
  return link.case;
}

/** The child's CIN episode in this case that was open on `on` (the census links records to it). */
async function episodeFor(tx: Tx, tenantId: string, personId: string, caseId: string, on: IsoDate) {
  return tx.cinEpisode.findFirst({
    where: { tenantId, personId, caseId, referralDate: { lte: d(on) }, OR: [{ closureDate: null }, { closureDate: { gte: d(on) } }] },
    orderBy: { referralDate: "desc" },
    select: { id: true, referralDate: true },
  });
}

function notFuture(field: string, value: IsoDate | null | undefined, what: string) {
  if (value && value > todayInEngland()) throw invalid(field, `${what} must be today or in the past`);
}

const overlap = (error: unknown) => (error as { code?: string; meta?: { code?: string } }).code === "P2004" || String((error as Error).message).includes("23P01");

const WRITE_WHAT = {
  "statutory:record": "record statutory work",
  "pathway:record": "record pathway plan reviews",
  "statutory:remove": "remove statutory records entered in error",
} as const;

async function write<T>(
  ctx: Ctx,
  personIdInput: string,
  caseIdInput: string | null,
  work: (tx: Tx, personId: string, caseId: string | null) => Promise<T>,
  permission: "statutory:record" | "pathway:record" | "statutory:remove" = "statutory:record",
): Promise<T> {
  assertCan(ctx, permission, WRITE_WHAT[permission]);
  const personId = parseId(personIdInput, "child");
  const caseId = caseIdInput ? parseId(caseIdInput, "case") : null;
  try {
    return await withTenant(ctx.tenantId, async (tx) => {
      await assertMayOpen(tx, ctx, { personId });
      // one statutory change to a child at a time: a second (a double submit, a colleague at the same
      // moment) waits here, then sees what the first recorded and is refused rather than repeating it
      const child = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM person WHERE tenant_id = ${ctx.tenantId}::uuid AND id = ${personId}::uuid FOR UPDATE`;
      if (child.length === 0) throw notFoundError("child");
      return work(tx, personId, caseId);
    });
  } catch (error) {
    if (overlap(error)) throw new AppError("CONFLICT", "That overlaps a record the child already has for those dates. End the earlier one first, or check the dates.");
    throw error;
  }
}

export async function recordAssessment(ctx: Ctx, input: { personId: string; caseId: string; startDate: IsoDate; authorisedDate?: IsoDate; factors: string[] }) {
  notFuture("startDate", input.startDate, "The start date");
  notFuture("authorisedDate", input.authorisedDate, "The authorisation date");
  if (input.authorisedDate && input.authorisedDate < input.startDate) throw invalid("authorisedDate", "The assessment cannot be authorised before it started");
  return write(ctx, input.personId, input.caseId, async (tx, personId, caseId) => {
    await childInCase(tx, ctx.tenantId, personId, caseId!);
    const episode = await episodeFor(tx, ctx.tenantId, personId, caseId!, input.startDate);
    if (!episode) throw invalid("startDate", "The child has no referral open on that date in this case: an assessment follows a referral. Check the start date.");
    const same = await tx.assessment.count({ where: { tenantId: ctx.tenantId, personId, cinEpisodeId: episode.id, startDate: d(input.startDate) } });
    if (same > 0) throw new AppError("REFUSED", `An assessment starting ${formatDate(input.startDate)} is already recorded for this referral (it may have just been sent twice). It is in the list below.`);
    const created = await tx.assessment.create({
      data: {
        tenantId: ctx.tenantId,
        personId,
        caseId: caseId!,
        cinEpisodeId: episode.id,
        startDate: d(input.startDate),
        authorisedDate: input.authorisedDate ? d(input.authorisedDate) : null,
        factors: input.factors,
        recordedById: ctx.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, { action: "assessment.recorded", entityType: "assessment", entityId: created.id, caseId, personId, details: { startDate: input.startDate, authorisedDate: input.authorisedDate } });
    return created;
  });
}

export async function completeAssessment(ctx: Ctx, input: { personId: string; assessmentId: string; authorisedDate: IsoDate; factors: string[] }) {
  notFuture("authorisedDate", input.authorisedDate, "The authorisation date");
  return write(ctx, input.personId, null, async (tx, personId) => {
    const a = await tx.assessment.findFirst({ where: { tenantId: ctx.tenantId, id: parseId(input.assessmentId, "assessment"), personId }, select: { id: true, caseId: true, startDate: true, authorisedDate: true } });
    if (!a) throw notFoundError("assessment");
    if (a.authorisedDate) throw new AppError("REFUSED", "This assessment was already authorised.");
    if (input.authorisedDate < toIsoDate(a.startDate)) throw invalid("authorisedDate", "The assessment cannot be authorised before it started");
    await tx.assessment.update({ where: { tenantId_id: { tenantId: ctx.tenantId, id: a.id } }, data: { authorisedDate: d(input.authorisedDate), factors: input.factors } });
    await recordAudit(tx, ctx, { action: "assessment.authorised", entityType: "assessment", entityId: a.id, caseId: a.caseId, personId, details: { authorisedDate: input.authorisedDate } });
    return { id: a.id };
  });
}

export async function recordSection47(ctx: Ctx, input: { personId: string; caseId: string; strategyDiscussionDate: IsoDate; startDate: IsoDate; icpcDate?: IsoDate; icpcNotRequired: boolean }) {
  notFuture("strategyDiscussionDate", input.strategyDiscussionDate, "The strategy discussion");
  notFuture("startDate", input.startDate, "The start of the enquiry");
  notFuture("icpcDate", input.icpcDate, "The conference date");
  if (input.startDate < input.strategyDiscussionDate) throw invalid("startDate", "The enquiry starts on or after the strategy discussion");
  if (input.icpcDate && input.icpcDate < input.startDate) throw invalid("icpcDate", "The conference cannot be before the enquiry started");
  if (input.icpcDate && input.icpcNotRequired) throw invalid("icpcNotRequired", "Give a conference date or say it is not required, not both");
  return write(ctx, input.personId, input.caseId, async (tx, personId, caseId) => {
    await childInCase(tx, ctx.tenantId, personId, caseId!);
    const episode = await episodeFor(tx, ctx.tenantId, personId, caseId!, input.startDate);
    if (!episode) throw invalid("startDate", "The child has no referral open on that date in this case. Check the dates.");
    const same = await tx.section47.count({ where: { tenantId: ctx.tenantId, personId, caseId: caseId!, strategyDiscussionDate: d(input.strategyDiscussionDate) } });
    if (same > 0) throw new AppError("REFUSED", `A section 47 enquiry from the strategy discussion of ${formatDate(input.strategyDiscussionDate)} is already recorded (it may have just been sent twice). It is in the list below.`);
    const created = await tx.section47.create({
      data: {
        tenantId: ctx.tenantId,
        personId,
        caseId: caseId!,
        cinEpisodeId: episode.id,
        strategyDiscussionDate: d(input.strategyDiscussionDate),
        startDate: d(input.startDate),
        icpcDate: input.icpcDate ? d(input.icpcDate) : null,
        icpcNotRequired: input.icpcNotRequired,
        recordedById: ctx.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, { action: "section47.recorded", entityType: "section47", entityId: created.id, caseId, personId, details: { ...input } });
    return created;
  });
}

export async function recordConference(ctx: Ctx, input: { personId: string; section47Id: string; icpcDate?: IsoDate; icpcNotRequired: boolean }) {
  notFuture("icpcDate", input.icpcDate, "The conference date");
  if (!input.icpcDate && !input.icpcNotRequired) throw invalid("icpcDate", "Enter the conference date, or say a conference is not required");
  if (input.icpcDate && input.icpcNotRequired) throw invalid("icpcNotRequired", "Give a conference date or say it is not required, not both");
  return write(ctx, input.personId, null, async (tx, personId) => {
    const s = await tx.section47.findFirst({ where: { tenantId: ctx.tenantId, id: parseId(input.section47Id, "enquiry"), personId }, select: { id: true, caseId: true, startDate: true, icpcDate: true, icpcNotRequired: true } });
    if (!s) throw notFoundError("enquiry");
    if (s.icpcDate || s.icpcNotRequired) throw new AppError("REFUSED", "The outcome of this enquiry's conference is already recorded.");
    if (input.icpcDate && input.icpcDate < toIsoDate(s.startDate)) throw invalid("icpcDate", "The conference cannot be before the enquiry started");
    await tx.section47.update({
      where: { tenantId_id: { tenantId: ctx.tenantId, id: s.id } },
      data: { icpcDate: input.icpcDate ? d(input.icpcDate) : null, icpcNotRequired: input.icpcNotRequired },
    });
    await recordAudit(tx, ctx, { action: "section47.conference_recorded", entityType: "section47", entityId: s.id, caseId: s.caseId, personId, details: { icpcDate: input.icpcDate, notRequired: input.icpcNotRequired } });
    return { id: s.id };
  });
}

export async function startCpPlan(ctx: Ctx, input: { personId: string; caseId: string; startDate: IsoDate; category: "NEG" | "PHY" | "SAB" | "EMO" | "MUL" }) {
  notFuture("startDate", input.startDate, "The plan's start");
  return write(ctx, input.personId, input.caseId, async (tx, personId, caseId) => {
    await childInCase(tx, ctx.tenantId, personId, caseId!);
    const episode = await episodeFor(tx, ctx.tenantId, personId, caseId!, input.startDate);
    if (!episode) throw invalid("startDate", "The child has no referral open on that date in this case. A plan follows a referral and a conference.");
    const created = await tx.cpPlan.create({
      data: { tenantId: ctx.tenantId, personId, caseId: caseId!, cinEpisodeId: episode.id, startDate: d(input.startDate), initialCategory: input.category, latestCategory: input.category, recordedById: ctx.userId },
      select: { id: true },
    });
    await recordAudit(tx, ctx, { action: "cp_plan.started", entityType: "cp_plan", entityId: created.id, caseId, personId, details: { startDate: input.startDate, category: input.category } });
    return created;
  });
}

export async function recordCpReview(ctx: Ctx, input: { personId: string; planId: string; reviewDate: IsoDate; latestCategory?: "NEG" | "PHY" | "SAB" | "EMO" | "MUL" }) {
  notFuture("reviewDate", input.reviewDate, "The review");
  return write(ctx, input.personId, null, async (tx, personId) => {
    const plan = await tx.cpPlan.findFirst({ where: { tenantId: ctx.tenantId, id: parseId(input.planId, "plan"), personId }, select: { id: true, caseId: true, startDate: true, endDate: true } });
    if (!plan) throw notFoundError("plan");
    const outside = outsidePlanRefusal("review", input.reviewDate, { startDate: toIsoDate(plan.startDate), endDate: iso(plan.endDate) });
    if (outside) throw invalid("reviewDate", outside);
    await tx.cpReview.create({ data: { tenantId: ctx.tenantId, cpPlanId: plan.id, reviewDate: d(input.reviewDate) } }).catch((e) => {
      if ((e as { code?: string }).code === "P2002") throw invalid("reviewDate", "A review on that date is already recorded");
      throw e;
    });
    if (input.latestCategory) await tx.cpPlan.update({ where: { tenantId_id: { tenantId: ctx.tenantId, id: plan.id } }, data: { latestCategory: input.latestCategory } });
    await recordAudit(tx, ctx, { action: "cp_plan.reviewed", entityType: "cp_plan", entityId: plan.id, caseId: plan.caseId, personId, details: { reviewDate: input.reviewDate } });
    return { id: plan.id };
  });
}

export async function recordCoreGroup(ctx: Ctx, input: { personId: string; planId: string; meetingDate: IsoDate }) {
  notFuture("meetingDate", input.meetingDate, "The meeting");
  return write(ctx, input.personId, null, async (tx, personId) => {
    const plan = await tx.cpPlan.findFirst({ where: { tenantId: ctx.tenantId, id: parseId(input.planId, "plan"), personId }, select: { id: true, caseId: true, startDate: true, endDate: true } });
    if (!plan) throw notFoundError("plan");
    const outside = outsidePlanRefusal("meeting", input.meetingDate, { startDate: toIsoDate(plan.startDate), endDate: iso(plan.endDate) });
    if (outside) throw invalid("meetingDate", outside);
    await tx.cpCoreGroup.create({ data: { tenantId: ctx.tenantId, cpPlanId: plan.id, meetingDate: d(input.meetingDate) } }).catch((e) => {
      if ((e as { code?: string }).code === "P2002") throw invalid("meetingDate", "A core group meeting on that date is already recorded");
      throw e;
    });
    await recordAudit(tx, ctx, { action: "cp_plan.core_group_recorded", entityType: "cp_plan", entityId: plan.id, caseId: plan.caseId, personId, details: { meetingDate: input.meetingDate } });
    return { id: plan.id };
  });
}

/** A care leaver's pathway plan review: the young person must have an open care-leaver case. */
export async function recordPathwayPlanReview(ctx: Ctx, input: { personId: string; reviewDate: IsoDate }) {
  notFuture("reviewDate", input.reviewDate, "The review");
  return write(ctx, input.personId, null, async (tx, personId) => {
    const careLeaverCase = await tx.caseChild.findFirst({
      where: { tenantId: ctx.tenantId, personId, removedOn: null, case: { status: "OPEN", level: "CARE_LEAVER" } },
      select: { caseId: true },
    });
    if (!careLeaverCase) throw new AppError("REFUSED", "A pathway plan review is recorded for a care leaver. This young person has no open care-leaver case: step the case to care leaver first.");
    const created = await tx.pathwayPlanReview.create({ data: { tenantId: ctx.tenantId, personId, reviewDate: d(input.reviewDate) }, select: { id: true } }).catch((e) => {
      if ((e as { code?: string }).code === "P2002") throw invalid("reviewDate", "A review on that date is already recorded");
      throw e;
    });
    await recordAudit(tx, ctx, { action: "pathway_plan.reviewed", entityType: "pathway_plan_review", entityId: created.id, caseId: careLeaverCase.caseId, personId, details: { reviewDate: input.reviewDate } });
    return created;
  }, "pathway:record");
}

async function endPlan(ctx: Ctx, kind: "cp" | "cin", input: { personId: string; planId: string; endDate: IsoDate }) {
  notFuture("endDate", input.endDate, "The end date");
  return write(ctx, input.personId, null, async (tx, personId) => {
    const where = { tenantId: ctx.tenantId, id: parseId(input.planId, "plan"), personId };
    const plan = kind === "cp" ? await tx.cpPlan.findFirst({ where, select: { id: true, caseId: true, startDate: true, endDate: true } }) : await tx.cinPlan.findFirst({ where, select: { id: true, caseId: true, startDate: true, endDate: true } });
    if (!plan) throw notFoundError("plan");
    if (plan.endDate) throw new AppError("REFUSED", "This plan has already ended.");
    if (input.endDate < toIsoDate(plan.startDate)) throw invalid("endDate", "A plan cannot end before it started");
    const data = { endDate: d(input.endDate) };
    if (kind === "cp") await tx.cpPlan.update({ where: { tenantId_id: { tenantId: ctx.tenantId, id: plan.id } }, data });
    else await tx.cinPlan.update({ where: { tenantId_id: { tenantId: ctx.tenantId, id: plan.id } }, data });
    await recordAudit(tx, ctx, { action: `${kind}_plan.ended`, entityType: `${kind}_plan`, entityId: plan.id, caseId: plan.caseId, personId, details: { endDate: input.endDate } });
    return { id: plan.id };
  });
}

export const endCpPlan = (ctx: Ctx, input: { personId: string; planId: string; endDate: IsoDate }) => endPlan(ctx, "cp", input);
export const endCinPlan = (ctx: Ctx, input: { personId: string; planId: string; endDate: IsoDate }) => endPlan(ctx, "cin", input);

export async function startCinPlan(ctx: Ctx, input: { personId: string; caseId: string; startDate: IsoDate }) {
  notFuture("startDate", input.startDate, "The plan's start");
  return write(ctx, input.personId, input.caseId, async (tx, personId, caseId) => {
    await childInCase(tx, ctx.tenantId, personId, caseId!);
    const episode = await episodeFor(tx, ctx.tenantId, personId, caseId!, input.startDate);
    if (!episode) throw invalid("startDate", "The child has no referral open on that date in this case. A CIN plan follows a referral and an assessment.");
    const created = await tx.cinPlan.create({ data: { tenantId: ctx.tenantId, personId, caseId: caseId!, cinEpisodeId: episode.id, startDate: d(input.startDate), recordedById: ctx.userId }, select: { id: true } });
    await recordAudit(tx, ctx, { action: "cin_plan.started", entityType: "cin_plan", entityId: created.id, caseId, personId, details: { startDate: input.startDate } });
    return created;
  });
}

// ---------------------------------------------------------------------------------------------
// Looked after

export type StartCareInput = {
  personId: string;
  caseId: string;
  startDate: IsoDate;
  legalStatus: LegalStatus;
  categoryOfNeed: CategoryOfNeed;
  place: PlacementType;
  provider: PlacementProvider | null;
  homePostcode?: string | null;
  placementPostcode?: string | null;
  weeklyCost?: number | null;
  /** the carer or provider on the council's list, when there is one */
  carerId?: string | null;
  /** where the child's home is (decision 0015), for distance and Find a placement */
  homeLatitude?: number | null;
  homeLongitude?: number | null;
  /** where a placement not on the list is, its authority (blank: the council's own) and Ofsted URN */
  placementLatitude?: number | null;
  placementLongitude?: number | null;
  placementLaCode?: string | null;
  urn?: string | null;
  /** an in-house placement found instead of an agency one (the "agency placements avoided" saving) */
  avoidedAgency?: boolean;
};

export async function startCare(ctx: Ctx, input: StartCareInput) {
  notFuture("startDate", input.startDate, "The date the child became looked after");
  const both = (a: number | null | undefined, b: number | null | undefined, first: string, second: string, what: string) => {
    if ((a ?? null) === null && (b ?? null) !== null) throw invalid(first, `Enter both the latitude and the longitude of ${what}, or neither`);
    if ((a ?? null) !== null && (b ?? null) === null) throw invalid(second, `Enter both the latitude and the longitude of ${what}, or neither`);
  };
  both(input.homeLatitude, input.homeLongitude, "homeLatitude", "homeLongitude", "the child's home");
  if (!input.carerId) both(input.placementLatitude, input.placementLongitude, "placementLatitude", "placementLongitude", "the placement");
  return write(ctx, input.personId, input.caseId, async (tx, personId, caseId) => {
    const c = await childInCase(tx, ctx.tenantId, personId, caseId!);
    if (c.status !== "OPEN") throw new AppError("REFUSED", "This case is closed. Record care on the child's open case.");
    const open = await tx.carePeriod.findFirst({ where: { tenantId: ctx.tenantId, personId, endDate: null }, select: { id: true } });
    if (open) throw new AppError("REFUSED", "The child is already looked after. End the current period of care before starting another.");
    const carerId = input.carerId ? parseId(input.carerId, "carer") : null;
    if (carerId) await tx.$executeRaw`SELECT 1 FROM carer WHERE tenant_id = ${ctx.tenantId}::uuid AND id = ${carerId}::uuid FOR UPDATE`;
    const carer = carerId ? await tx.carer.findFirst({ where: { tenantId: ctx.tenantId, id: carerId } }) : null;
    if (carerId && !carer) throw invalid("carerId", "Choose a carer from the list");
    if (carer?.kind === "FOSTER_HOUSEHOLD") {
      const placed = (await childrenWithCarers(tx, ctx.tenantId, input.startDate, carer.id)).get(carer.id) ?? 0;
      const refusal = noVacancyRefusal({ name: carer.name, approvedPlaces: carer.approvedPlaces ?? 0, currentChildren: placed, onHold: carer.onHold }, { alreadyPlacedThere: false });
      if (refusal) throw new AppError("REFUSED", refusal, { carerId: [refusal] });
    }
    const provider = input.provider ?? (carer && takesProvider(input.place) ? (carer.provider as PlacementProvider) : null);
    const avoided = avoidedAgencyRefusal({ placeType: input.place, provider, avoidedAgencyPlacement: input.avoidedAgency ?? false });
    if (avoided) throw invalid("avoidedAgency", avoided);
    const typedLocation = input.placementLatitude != null && input.placementLongitude != null ? { latitude: input.placementLatitude, longitude: input.placementLongitude } : null;
    const ownLaCode = async () => (await tx.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { laCode: true } })).laCode;
    const period = await tx.carePeriod.create({
      data: { tenantId: ctx.tenantId, personId, caseId: caseId!, startDate: d(input.startDate), categoryOfNeed: input.categoryOfNeed },
      select: { id: true },
    });
    await tx.careEpisode.create({
      data: {
        tenantId: ctx.tenantId,
        carePeriodId: period.id,
        personId,
        startDate: d(input.startDate),
        legalStatus: input.legalStatus,
        reasonNewEpisode: "S",
        place: input.place,
        provider,
        carerId,
        homePostcode: input.homePostcode ?? null,
        placementPostcode: carer?.postcode ?? input.placementPostcode ?? null,
        weeklyCost: input.weeklyCost ?? (carer?.usualWeeklyRate === null || carer?.usualWeeklyRate === undefined ? null : Number(carer.usualWeeklyRate)),
        // a carer on the list has its own URN and location; otherwise what was typed (decision 0015)
        urn: carer?.urn ?? input.urn ?? null,
        avoidedAgency: input.avoidedAgency ?? false,
        homeLatitude: input.homeLatitude ?? null,
        homeLongitude: input.homeLongitude ?? null,
        placementLatitude: carer ? carer.latitude : (typedLocation?.latitude ?? null),
        placementLongitude: carer ? carer.longitude : (typedLocation?.longitude ?? null),
        placementLaCode: carer ? carer.laCode : (input.placementLaCode ?? (input.placementPostcode || typedLocation ? await ownLaCode() : null)),
      },
    });
    await recordAudit(tx, ctx, {
      action: "care.started",
      entityType: "care_period",
      entityId: period.id,
      caseId,
      personId,
      details: { startDate: input.startDate, legalStatus: input.legalStatus, place: input.place, carerId, avoidedAgency: input.avoidedAgency ?? false },
    });
    return period;
  });
}

const point = (latitude: number | null, longitude: number | null) => (latitude !== null && longitude !== null ? { latitude, longitude } : null);

/**
 * The child's whole placement history, in the domain's shape: every column of each episode, so that
 * an episode the domain starts from the current one (a change of legal status) carries all of it.
 */
export async function historyOf(tx: Tx, tenantId: string, personId: string): Promise<PlacementHistory & { rows: Map<string, { carePeriodId: string }> }> {
  const periods = await tx.carePeriod.findMany({ where: { tenantId, personId }, include: { episodes: true } });
  const rows = new Map<string, { carePeriodId: string }>();
  const episodes: PlacementEpisode[] = [];
  for (const p of periods) {
    for (const e of p.episodes) {
      rows.set(e.id, { carePeriodId: p.id });
      episodes.push({
        id: e.id,
        startDate: toIsoDate(e.startDate),
        endDate: iso(e.endDate),
        placeType: e.place as PlacementType,
        provider: e.provider as PlacementProvider | null,
        carerId: e.carerId,
        legalStatus: e.legalStatus as LegalStatus,
        reasonNewEpisode: e.reasonNewEpisode as PlacementEpisode["reasonNewEpisode"],
        reasonPlaceChange: (e.reasonPlaceChange ?? undefined) as PlacementEpisode["reasonPlaceChange"],
        endPlanned: e.endPlanned ?? undefined,
        placementPostcode: e.placementPostcode ?? undefined,
        homePostcode: e.homePostcode ?? undefined,
        weeklyCost: e.weeklyCost === null ? undefined : Number(e.weeklyCost),
        urn: e.urn,
        avoidedAgencyPlacement: e.avoidedAgency,
        home: point(e.homeLatitude, e.homeLongitude),
        placement: point(e.placementLatitude, e.placementLongitude),
        placementLaCode: e.placementLaCode,
        intendedUntil18: e.intendedUntil18,
        temporaryApproval: e.temporaryApproval,
      });
    }
  }
  return {
    rows,
    periods: periods.map((p) => ({ id: p.id, startDate: toIsoDate(p.startDate), endDate: iso(p.endDate), reasonEnded: p.reasonEnded as ReasonCareEnded | null, categoryOfNeed: p.categoryOfNeed as CategoryOfNeed | null })),
    episodes,
  };
}

/** Saves the domain's new episode list: ends what ended, adds what is new, with every column (the history is kept). */
export async function saveEpisodes(tx: Tx, tenantId: string, personId: string, before: PlacementHistory & { rows: Map<string, { carePeriodId: string }> }, after: PlacementEpisode[]) {
  const old = new Map(before.episodes.map((e) => [e.id, e]));
  for (const e of after) {
    const was = old.get(e.id);
    if (was) {
      if ((was.endDate ?? null) !== (e.endDate ?? null) || was.reasonPlaceChange !== e.reasonPlaceChange || was.endPlanned !== e.endPlanned) {
        await tx.careEpisode.update({
          where: { tenantId_id: { tenantId, id: e.id } },
          data: { endDate: e.endDate ? d(e.endDate) : null, reasonPlaceChange: e.reasonPlaceChange ?? null, endPlanned: e.endPlanned ?? null },
        });
      }
      continue;
    }
    const period = before.periods.find((p) => p.startDate <= e.startDate && (!p.endDate || p.endDate >= e.startDate))!;
    await tx.careEpisode.create({
      data: {
        tenantId,
        id: e.id,
        carePeriodId: period.id,
        personId,
        startDate: d(e.startDate),
        endDate: e.endDate ? d(e.endDate) : null,
        legalStatus: e.legalStatus,
        reasonNewEpisode: e.reasonNewEpisode,
        place: e.placeType,
        provider: e.provider,
        carerId: e.carerId,
        reasonPlaceChange: e.reasonPlaceChange ?? null,
        endPlanned: e.endPlanned ?? null,
        placementPostcode: e.placementPostcode ?? null,
        homePostcode: e.homePostcode ?? null,
        weeklyCost: e.weeklyCost ?? null,
        urn: e.urn ?? null,
        avoidedAgency: e.avoidedAgencyPlacement ?? false,
        homeLatitude: e.home?.latitude ?? null,
        homeLongitude: e.home?.longitude ?? null,
        placementLatitude: e.placement?.latitude ?? null,
        placementLongitude: e.placement?.longitude ?? null,
        placementLaCode: e.placementLaCode ?? null,
        intendedUntil18: e.intendedUntil18 ?? false,
        temporaryApproval: e.temporaryApproval ?? false,
      },
    });
  }
}

export async function recordLegalStatusChange(ctx: Ctx, input: { personId: string; date: IsoDate; legalStatus: LegalStatus }) {
  return write(ctx, input.personId, null, async (tx, personId) => {
    const history = await historyOf(tx, ctx.tenantId, personId);
    const result = changeLegalStatus(history, { date: input.date, legalStatus: input.legalStatus, newEpisodeId: randomUUID() }, todayInEngland());
    if (!result.ok) throw new AppError("REFUSED", result.refusals.join(" "));
    await saveEpisodes(tx, ctx.tenantId, personId, history, result.episodes);
    await recordAudit(tx, ctx, { action: "care.legal_status_changed", entityType: "person", entityId: personId, personId, details: { ...input } });
    return { ok: true };
  });
}

export async function recordEndOfCare(ctx: Ctx, input: { personId: string; date: IsoDate; reasonEnded: ReasonCareEnded }) {
  return write(ctx, input.personId, null, async (tx, personId) => {
    const history = await historyOf(tx, ctx.tenantId, personId);
    const result = endCare(history, { date: input.date, reasonEnded: input.reasonEnded }, todayInEngland());
    if (!result.ok) throw new AppError("REFUSED", result.refusals.join(" "));
    await saveEpisodes(tx, ctx.tenantId, personId, history, result.episodes);
    for (const p of result.periods) {
      const was = history.periods.find((x) => x.id === p.id);
      if (was && (was.endDate ?? null) !== (p.endDate ?? null)) {
        await tx.carePeriod.update({ where: { tenantId_id: { tenantId: ctx.tenantId, id: p.id } }, data: { endDate: p.endDate ? d(p.endDate) : null, reasonEnded: p.reasonEnded ?? null } });
      }
    }
    await recordAudit(tx, ctx, { action: "care.ended", entityType: "person", entityId: personId, personId, details: { ...input } });
    return { ok: true };
  });
}

export async function recordLaReview(ctx: Ctx, input: { personId: string; reviewDate: IsoDate; reviewCode?: string }) {
  notFuture("reviewDate", input.reviewDate, "The review");
  return write(ctx, input.personId, null, async (tx, personId) => {
    const period = await tx.carePeriod.findFirst({
      where: { tenantId: ctx.tenantId, personId, startDate: { lte: d(input.reviewDate) }, OR: [{ endDate: null }, { endDate: { gte: d(input.reviewDate) } }] },
      select: { id: true, caseId: true },
    });
    if (!period) throw invalid("reviewDate", "The child was not looked after on that date. Check the date.");
    await tx.laReview.create({ data: { tenantId: ctx.tenantId, personId, carePeriodId: period.id, reviewDate: d(input.reviewDate), reviewCode: input.reviewCode ?? null } }).catch((e) => {
      if ((e as { code?: string }).code === "P2002") throw invalid("reviewDate", "A review on that date is already recorded");
      throw e;
    });
    await recordAudit(tx, ctx, { action: "la_review.recorded", entityType: "care_period", entityId: period.id, caseId: period.caseId, personId, details: { ...input } });
    return { ok: true };
  });
}

export async function recordHealthAssessment(ctx: Ctx, input: { personId: string; date: IsoDate; kind: "INITIAL" | "REVIEW" }) {
  notFuture("date", input.date, "The health assessment");
  return write(ctx, input.personId, null, async (tx, personId) => {
    const looked = await tx.carePeriod.count({ where: { tenantId: ctx.tenantId, personId } });
    if (!looked) throw new AppError("REFUSED", "Health assessments are recorded for looked-after children: record the period of care first.");
    await tx.healthAssessment.create({ data: { tenantId: ctx.tenantId, personId, kind: input.kind, assessmentDate: d(input.date) } }).catch((e) => {
      if ((e as { code?: string }).code === "P2002") throw invalid("date", "A health assessment on that date is already recorded");
      throw e;
    });
    await recordAudit(tx, ctx, { action: "health_assessment.recorded", entityType: "person", entityId: personId, personId, details: { ...input } });
    return { ok: true };
  });
}

/**
 * The child's disabilities as the CIN census records them (codes of DISABILITIES): "NONE" on its own,
 * or the disabilities the child has. An empty list means not yet recorded.
 */
export async function recordDisabilities(ctx: Ctx, input: { personId: string; disabilities: string[] }) {
  if (input.disabilities.includes("NONE") && input.disabilities.length > 1) {
    throw invalid("disabilities", "Choose either No disability or the disabilities the child has, not both");
  }
  return write(ctx, input.personId, null, async (tx, personId) => {
    const changed = await tx.person.updateMany({ where: { tenantId: ctx.tenantId, id: personId, kind: "CHILD" }, data: { disabilities: input.disabilities } });
    if (changed.count === 0) throw notFoundError("child");
    await recordAudit(tx, ctx, { action: "person.disabilities_recorded", entityType: "person", entityId: personId, personId, details: { disabilities: input.disabilities } });
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Correcting a record, and removing one entered in error (docs/decisions/0022-correcting-statutory-records.md).
// Periods of care and placement episodes are not here: their SSDA903 history has its own rules
// (lib/domain/placements.ts). Nor are referrals: they open and close with the case.

/** A stored record: its values, the case it is audited against, and what its checks need. */
type Stored = {
  values: RecordValues[StatutoryRecordType];
  caseId: string | null;
  /** the CIN episode the census links it to (assessments, enquiries, plans) */
  episodeId: string | null;
  /** a review's or core group meeting's plan */
  plan: { id: string; startDate: IsoDate; endDate: IsoDate | null } | null;
  /** a referral's no-further-action flag (the census asks for no need then) */
  referralNfa?: boolean;
};

const planSpan = (p: { id: string; startDate: Date; endDate: Date | null }) => ({ id: p.id, startDate: toIsoDate(p.startDate), endDate: iso(p.endDate) });

/** The child's record of that type and id, or null (not theirs, not the council's, or removed). */
async function storedRecord(tx: Tx, t: string, personId: string, type: StatutoryRecordType, id: string): Promise<Stored | null> {
  const none = { episodeId: null, plan: null };
  const planSelect = { select: { id: true, caseId: true, startDate: true, endDate: true } } as const;
  switch (type) {
    case "assessment": {
      const a = await tx.assessment.findFirst({ where: { tenantId: t, id, personId } });
      return a && { ...none, values: VALUES.assessment(a), caseId: a.caseId, episodeId: a.cinEpisodeId };
    }
    case "section47": {
      const s = await tx.section47.findFirst({ where: { tenantId: t, id, personId } });
      return s && { ...none, values: VALUES.section47(s), caseId: s.caseId, episodeId: s.cinEpisodeId };
    }
    case "cp_plan": {
      const c = await tx.cpPlan.findFirst({ where: { tenantId: t, id, personId } });
      return c && { ...none, values: VALUES.cp_plan(c), caseId: c.caseId, episodeId: c.cinEpisodeId };
    }
    case "cin_plan": {
      const c = await tx.cinPlan.findFirst({ where: { tenantId: t, id, personId } });
      return c && { ...none, values: VALUES.cin_plan(c), caseId: c.caseId, episodeId: c.cinEpisodeId };
    }
    case "cp_review": {
      const r = await tx.cpReview.findFirst({ where: { tenantId: t, id, plan: { personId } }, include: { plan: planSelect } });
      return r && { ...none, values: VALUES.cp_review(r), caseId: r.plan.caseId, plan: planSpan(r.plan) };
    }
    case "core_group": {
      const m = await tx.cpCoreGroup.findFirst({ where: { tenantId: t, id, plan: { personId } }, include: { plan: planSelect } });
      return m && { ...none, values: VALUES.core_group(m), caseId: m.plan.caseId, plan: planSpan(m.plan) };
    }
    case "la_review": {
      const r = await tx.laReview.findFirst({ where: { tenantId: t, id, personId }, include: { period: { select: { caseId: true } } } });
      return r && { ...none, values: VALUES.la_review(r), caseId: r.period.caseId };
    }
    case "health_assessment": {
      const h = await tx.healthAssessment.findFirst({ where: { tenantId: t, id, personId } });
      if (!h) return null;
      // audited against the case of the care the assessment fell in (or the latest before it)
      const period = await tx.carePeriod.findFirst({ where: { tenantId: t, personId, startDate: { lte: h.assessmentDate } }, orderBy: { startDate: "desc" }, select: { caseId: true } });
      return { ...none, values: VALUES.health_assessment(h), caseId: period?.caseId ?? null };
    }
    case "cin_episode": {
      const e = await tx.cinEpisode.findFirst({ where: { tenantId: t, id, personId } });
      return e && { ...none, values: VALUES.cin_episode(e), caseId: e.caseId, episodeId: e.id, referralNfa: e.referralNfa };
    }
    case "pathway_plan_review": {
      const r = await tx.pathwayPlanReview.findFirst({ where: { tenantId: t, id, personId } });
      if (!r) return null;
      const leaving = await tx.caseChild.findFirst({ where: { tenantId: t, personId, case: { level: "CARE_LEAVER" } }, orderBy: { case: { openedOn: "desc" } }, select: { caseId: true } });
      return { ...none, values: VALUES.pathway_plan_review(r), caseId: leaving?.caseId ?? null };
    }
  }
}

/** Who last changed the record, and when (asked only for a refusal's message). */
async function lastChange(tx: Tx, t: string, personId: string, id: string, action?: string) {
  const event = await tx.auditEvent.findFirst({
    where: { tenantId: t, personId, entityId: id, ...(action ? { action } : {}) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { actorId: true, at: true },
  });
  if (!event) return null;
  const actor = event.actorId ? await tx.user.findFirst({ where: { tenantId: t, id: event.actorId }, select: { name: true } }) : null;
  return { by: actor?.name ?? null, at: event.at.toISOString() };
}

/** The record, as it was when the form was loaded: refused (CONFLICT, saying what changed) when someone changed or removed it since. */
async function currentRecord(tx: Tx, t: string, personId: string, type: StatutoryRecordType, id: string, version: string, purpose: "correct" | "remove"): Promise<Stored> {
  const stored = await storedRecord(tx, t, personId, type, id);
  if (!stored) {
    const removal = await lastChange(tx, t, personId, id, `${type}.removed`);
    if (removal) throw new AppError("CONFLICT", removedMessage(type, purpose, removal, formatLondonDateTime));
    throw notFoundError(RECORD_WORDS[type].name);
  }
  const now = recordVersion(type, stored.values);
  if (version !== now) {
    const loaded = valuesOfVersion(type, version);
    const changes = loaded ? recordChanges(type, loaded, stored.values) : [];
    const last = await lastChange(tx, t, personId, id);
    throw new AppError("CONFLICT", staleMessage(type, purpose, changes, last, formatLondonDateTime), undefined, { conflict: { version: now, values: stored.values } });
  }
  return stored;
}

/** The CIN episode a corrected record belongs to: the same one while its start is unchanged, else the one open on the new start in its case. */
async function episodeOnStart(tx: Tx, t: string, personId: string, stored: Stored, was: IsoDate, start: IsoDate, field: string, what: string): Promise<string | null> {
  if (start === was) return stored.episodeId;
  const episode = await episodeFor(tx, t, personId, stored.caseId!, start);
  if (!episode) throw invalid(field, `The child has no referral open on ${formatDate(start)} in this ${what}'s case: it follows a referral. Check the date.`);
  return episode.id;
}

/** A plan left running must belong to a referral still open. */
async function mayRunOn(tx: Tx, t: string, episodeId: string | null) {
  if (!episodeId) return;
  const episode = await tx.cinEpisode.findFirst({ where: { tenantId: t, id: episodeId }, select: { closureDate: true } });
  if (episode?.closureDate) throw invalid("endDate", `The referral this plan belongs to closed on ${formatDate(toIsoDate(episode.closureDate))}, so the plan cannot run on. Enter the date the plan ended.`);
}


/** The records made against a referral (linked to its CIN episode), each with the dates the census reads. */
async function onReferral(tx: Tx, t: string, episodeId: string) {
  const where = { tenantId: t, cinEpisodeId: episodeId };
  const [assessments, section47s, cpPlans, cinPlans] = await inOrder([
    () => tx.assessment.findMany({ where, select: { startDate: true, authorisedDate: true }, orderBy: { startDate: "asc" } }),
    () => tx.section47.findMany({ where, select: { startDate: true, icpcDate: true }, orderBy: { startDate: "asc" } }),
    () => tx.cpPlan.findMany({ where, select: { startDate: true, endDate: true }, orderBy: { startDate: "asc" } }),
    () => tx.cinPlan.findMany({ where, select: { startDate: true, endDate: true }, orderBy: { startDate: "asc" } }),
  ]);
  const day = (date: Date) => toIsoDate(date);
  const records = [
    ...assessments.map((a) => ({ one: "an assessment", what: `the assessment starting ${formatDate(day(a.startDate))}`, section: "Assessments", start: day(a.startDate), later: a.authorisedDate, event: "authorised" })),
    ...section47s.map((s) => ({ one: "a section 47 enquiry", what: `the section 47 enquiry starting ${formatDate(day(s.startDate))}`, section: "Section 47 enquiries", start: day(s.startDate), later: s.icpcDate, event: "conference" })),
    ...cpPlans.map((p) => ({ one: "a child protection plan", what: `the child protection plan starting ${formatDate(day(p.startDate))}`, section: "Child protection plans", start: day(p.startDate), later: p.endDate, event: "ended" })),
    ...cinPlans.map((p) => ({ one: "a child in need plan", what: `the child in need plan starting ${formatDate(day(p.startDate))}`, section: "Child in need plans", start: day(p.startDate), later: p.endDate, event: "ended" })),
  ];
  // every date the census checks against the referral: starts, authorisations, conferences, ends
  const dated: OnReferral[] = records.flatMap((r) => [
    { what: r.what, date: r.start, section: r.section },
    ...(r.later ? [{ what: r.what, date: day(r.later), section: r.section, event: r.event }] : []),
  ]);
  return { records, dated };
}

const spansMeet = (a: { referralDate: IsoDate; closureDate: IsoDate | null }, b: { referralDate: IsoDate; closureDate: IsoDate | null }) =>
  a.referralDate <= (b.closureDate ?? "9999-12-31") && b.referralDate <= (a.closureDate ?? "9999-12-31");

/** Checks what needs the records around it, then writes the corrected values. */
async function applyCorrection(tx: Tx, t: string, personId: string, type: StatutoryRecordType, id: string, stored: Stored, next: RecordValues[StatutoryRecordType]) {
  const key = { tenantId_id: { tenantId: t, id } };
  const twice = (what: string) => `If it is the same ${what} recorded twice, keep one and ask a manager to remove the other.`;
  switch (type) {
    case "assessment": {
      const was = stored.values as RecordValues["assessment"];
      const v = next as RecordValues["assessment"];
      const episodeId = await episodeOnStart(tx, t, personId, stored, was.startDate, v.startDate, "startDate", "assessment");
      if (v.startDate !== was.startDate) {
        const same = await tx.assessment.count({ where: { tenantId: t, personId, cinEpisodeId: episodeId, startDate: d(v.startDate), id: { not: id } } });
        if (same) throw invalid("startDate", `Another assessment starting ${formatDate(v.startDate)} is already recorded for this referral. ${twice("assessment")}`);
      }
      await tx.assessment.update({ where: key, data: { startDate: d(v.startDate), authorisedDate: v.authorisedDate ? d(v.authorisedDate) : null, factors: v.factors, cinEpisodeId: episodeId } });
      return;
    }
    case "section47": {
      const was = stored.values as RecordValues["section47"];
      const v = next as RecordValues["section47"];
      const episodeId = await episodeOnStart(tx, t, personId, stored, was.startDate, v.startDate, "startDate", "enquiry");
      if (v.strategyDiscussionDate !== was.strategyDiscussionDate) {
        const same = await tx.section47.count({ where: { tenantId: t, personId, caseId: stored.caseId!, strategyDiscussionDate: d(v.strategyDiscussionDate), id: { not: id } } });
        if (same) throw invalid("strategyDiscussionDate", `Another section 47 enquiry from the strategy discussion of ${formatDate(v.strategyDiscussionDate)} is already recorded. ${twice("enquiry")}`);
      }
      await tx.section47.update({
        where: key,
        data: { strategyDiscussionDate: d(v.strategyDiscussionDate), startDate: d(v.startDate), icpcDate: v.icpcDate ? d(v.icpcDate) : null, icpcNotRequired: v.icpcNotRequired, cinEpisodeId: episodeId },
      });
      return;
    }
    case "cp_plan":
    case "cin_plan": {
      const was = stored.values as RecordValues["cin_plan"];
      const v = next as RecordValues["cin_plan"];
      const episodeId = await episodeOnStart(tx, t, personId, stored, was.startDate, v.startDate, "startDate", "plan");
      if (!v.endDate && was.endDate) await mayRunOn(tx, t, episodeId);
      const dates = { startDate: d(v.startDate), endDate: v.endDate ? d(v.endDate) : null, cinEpisodeId: episodeId };
      if (type === "cin_plan") {
        await tx.cinPlan.update({ where: key, data: dates });
        return;
      }
      // the plan's reviews and core group meetings must still fall within it
      const [reviews, meetings] = await inOrder([
        () => tx.cpReview.findMany({ where: { tenantId: t, cpPlanId: id }, select: { reviewDate: true }, orderBy: { reviewDate: "asc" } }),
        () => tx.cpCoreGroup.findMany({ where: { tenantId: t, cpPlanId: id }, select: { meetingDate: true }, orderBy: { meetingDate: "asc" } }),
      ]);
      const held = [...reviews.map((r) => ({ date: toIsoDate(r.reviewDate), what: "a review conference" })), ...meetings.map((m) => ({ date: toIsoDate(m.meetingDate), what: "a core group meeting" }))];
      for (const h of held) {
        if (!outsidePlanRefusal("review", h.date, v)) continue;
        const early = h.date < v.startDate;
        throw invalid(early ? "startDate" : "endDate", `The plan has ${h.what} on ${formatDate(h.date)}, ${early ? "before that start" : "after that end"}. Correct or remove that ${h.what.slice(2)} first, or check the date.`);
      }
      const p = v as unknown as RecordValues["cp_plan"];
      await tx.cpPlan.update({ where: key, data: { ...dates, initialCategory: p.initialCategory as "NEG", latestCategory: p.latestCategory as "NEG" } });
      return;
    }
    case "cp_review":
    case "core_group": {
      const plan = stored.plan!;
      const date = type === "cp_review" ? (next as RecordValues["cp_review"]).reviewDate : (next as RecordValues["core_group"]).meetingDate;
      const field = type === "cp_review" ? "reviewDate" : "meetingDate";
      const what = type === "cp_review" ? "review" : "meeting";
      const outside = outsidePlanRefusal(what, date, plan);
      if (outside) throw invalid(field, outside);
      const same =
        type === "cp_review"
          ? await tx.cpReview.count({ where: { tenantId: t, cpPlanId: plan.id, reviewDate: d(date), id: { not: id } } })
          : await tx.cpCoreGroup.count({ where: { tenantId: t, cpPlanId: plan.id, meetingDate: d(date), id: { not: id } } });
      if (same) throw invalid(field, `A ${type === "cp_review" ? "review" : "core group meeting"} on ${formatDate(date)} is already recorded for this plan. ${twice(what)}`);
      if (type === "cp_review") await tx.cpReview.update({ where: key, data: { reviewDate: d(date) } });
      else await tx.cpCoreGroup.update({ where: key, data: { meetingDate: d(date) } });
      return;
    }
    case "la_review": {
      const v = next as RecordValues["la_review"];
      const period = await tx.carePeriod.findFirst({
        where: { tenantId: t, personId, startDate: { lte: d(v.reviewDate) }, OR: [{ endDate: null }, { endDate: { gte: d(v.reviewDate) } }] },
        select: { id: true },
      });
      if (!period) throw invalid("reviewDate", "The child was not looked after on that date. Check the date.");
      const same = await tx.laReview.count({ where: { tenantId: t, personId, reviewDate: d(v.reviewDate), id: { not: id } } });
      if (same) throw invalid("reviewDate", `A review on ${formatDate(v.reviewDate)} is already recorded. ${twice("review")}`);
      await tx.laReview.update({ where: key, data: { reviewDate: d(v.reviewDate), reviewCode: v.reviewCode, carePeriodId: period.id } });
      return;
    }
    case "health_assessment": {
      const v = next as RecordValues["health_assessment"];
      const same = await tx.healthAssessment.count({ where: { tenantId: t, personId, assessmentDate: d(v.date), id: { not: id } } });
      if (same) throw invalid("date", `A health assessment on ${formatDate(v.date)} is already recorded. ${twice("assessment")}`);
      await tx.healthAssessment.update({ where: key, data: { assessmentDate: d(v.date), kind: v.kind } });
      return;
    }
    case "cin_episode": {
      const was = stored.values as RecordValues["cin_episode"];
      const v = next as RecordValues["cin_episode"];
      const problems = referralCorrectionErrors({ closed: was.closureDate !== null, referralNfa: stored.referralNfa ?? false }, v);
      if (Object.keys(problems).length) throw new AppError("VALIDATION", "Check the answers marked below.", Object.fromEntries(Object.entries(problems).map(([k, m]) => [k, [m]])));
      const datesChanged = v.referralDate !== was.referralDate || v.closureDate !== was.closureDate;
      let reReferral: { reReferral: boolean; previousEpisodeId: string | null } | null = null;
      if (datesChanged) {
        // one referral at a time (the census joins overlapping ones): no new overlap with the child's other referrals.
        // No database constraint holds this, because the front door allows a referral while one is open (decision 0013).
        const others = await tx.cinEpisode.findMany({
          where: { tenantId: t, personId, id: { not: id } },
          select: { id: true, referralDate: true, closureDate: true, case: { select: { reference: true } } },
          orderBy: { referralDate: "asc" },
        });
        const spans = others.map((o) => ({ id: o.id, referralDate: toIsoDate(o.referralDate), closureDate: iso(o.closureDate), reference: o.case.reference }));
        const clash = spans.find((o) => spansMeet(o, v) && !spansMeet(o, was));
        if (clash) {
          const field = v.referralDate !== was.referralDate ? "referralDate" : "closureDate";
          const said = `${formatDate(clash.referralDate)} (${clash.closureDate ? `closed ${formatDate(clash.closureDate)}` : "open"}, case ${clash.reference})`;
          throw invalid(field, `Those dates overlap the child's referral of ${said}: the census counts one referral at a time. Check the dates, or correct that referral first.`);
        }
        // the assessments, enquiries and plans recorded against it must still fall within it
        const { dated } = await onReferral(tx, t, id);
        const outside = referralDatesRefusal(dated, v);
        if (outside && (outside.field === "referralDate" ? v.referralDate !== was.referralDate : v.closureDate !== was.closureDate)) throw invalid(outside.field, outside.message);
        if (v.referralDate !== was.referralDate) {
          // a re-referral is measured from the child's referrals in the 12 months before (the front door's rule)
          const { reReferral: again, previous } = classifyReferral(v.referralDate, spans);
          reReferral = { reReferral: again, previousEpisodeId: previous?.id ?? null };
        }
      }
      await tx.cinEpisode.update({
        where: key,
        data: {
          referralDate: d(v.referralDate),
          referralSource: v.referralSource,
          primaryNeedCode: v.primaryNeedCode,
          closureDate: v.closureDate ? d(v.closureDate) : null,
          closureReason: v.closureReason,
          ...(reReferral ?? {}),
        },
      });
      if (reReferral) {
        // the child's later referrals were measured from this one's old date: measure them again
        const all = await tx.cinEpisode.findMany({ where: { tenantId: t, personId }, select: { id: true, referralDate: true, reReferral: true, previousEpisodeId: true } });
        const dated = all.map((e) => ({ ...e, referralDate: toIsoDate(e.referralDate) }));
        const from = v.referralDate < was.referralDate ? v.referralDate : was.referralDate;
        for (const later of dated.filter((e) => e.id !== id && e.referralDate > from)) {
          const { reReferral: again, previous } = classifyReferral(later.referralDate, dated.filter((e) => e.id !== later.id));
          const previousEpisodeId = previous?.id ?? null;
          if (again !== later.reReferral || previousEpisodeId !== later.previousEpisodeId) {
            await tx.cinEpisode.update({ where: { tenantId_id: { tenantId: t, id: later.id } }, data: { reReferral: again, previousEpisodeId } });
          }
        }
      }
      return;
    }
    case "pathway_plan_review": {
      const v = next as RecordValues["pathway_plan_review"];
      const same = await tx.pathwayPlanReview.count({ where: { tenantId: t, personId, reviewDate: d(v.reviewDate), id: { not: id } } });
      if (same) throw invalid("reviewDate", `A review on ${formatDate(v.reviewDate)} is already recorded. ${twice("review")}`);
      await tx.pathwayPlanReview.update({ where: key, data: { reviewDate: d(v.reviewDate) } });
      return;
    }
  }
}

function recordTypeOf(value: unknown): StatutoryRecordType {
  if (!isStatutoryRecordType(value)) throw invalid("recordType", "Choose a statutory record to correct");
  return value;
}

export type CorrectionInput = {
  personId: string;
  recordType: StatutoryRecordType;
  recordId: string;
  /** the record's version when the form was loaded (`edit.version` of getStatutoryRecord) */
  version: string;
  reason: string;
  /** the record's fields as the form sends them (RECORD_FIELDS) */
  values: Record<string, unknown>;
};

/**
 * Corrects a statutory record that was saved wrong, with the checks of recording it (dates not in the
 * future, in order, within the plan, on a referral, not the same record twice, the overlap
 * constraints). Refused (CONFLICT, saying what changed) if someone changed or removed it after the
 * form was loaded. Audited against the child and case with the values before and after and the reason.
 */
export async function correctStatutoryRecord(ctx: Ctx, input: CorrectionInput): Promise<{ id: string; changes: RecordChange[] }> {
  const type = recordTypeOf(input.recordType);
  const permission = type === "pathway_plan_review" ? "pathway:record" : "statutory:record";
  assertCan(ctx, permission, WRITE_WHAT[permission]);
  // every problem at once: the values' and the reason's
  const checked = checkCorrection(type, input.values, todayInEngland());
  const reasonProblem = reasonError(input.reason, "correct");
  const fieldErrors = { ...(checked.ok ? {} : checked.fieldErrors), ...(reasonProblem ? { reason: reasonProblem } : {}) };
  if (!checked.ok || reasonProblem) throw new AppError("VALIDATION", "Check the answers marked below.", Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, [v]])));
  const reason = input.reason.trim();
  const next = checked.values;
  return write(
    ctx,
    input.personId,
    null,
    async (tx, personId) => {
      const t = ctx.tenantId;
      const id = parseId(input.recordId, RECORD_WORDS[type].name);
      const stored = await currentRecord(tx, t, personId, type, id, input.version, "correct");
      const changes = recordChanges(type, stored.values, next);
      if (changes.length === 0) throw new AppError("REFUSED", `Nothing was changed: these are the values already recorded for this ${RECORD_WORDS[type].name}.`);
      await applyCorrection(tx, t, personId, type, id, stored, next);
      await recordAudit(tx, ctx, {
        action: `${type}.corrected`,
        entityType: type,
        entityId: id,
        caseId: stored.caseId,
        personId,
        details: { reason, before: stored.values, after: next, changed: changes.map((c) => c.field), ...(stored.plan ? { planId: stored.plan.id } : {}) },
      });
      return { id, changes };
    },
    permission,
  );
}

/**
 * A referral goes only with nothing made against it (assessments, enquiries, plans, a period of care
 * in its case and dates, a later referral measured from it as a re-referral), and never as the last
 * referral of a child on an open statutory case.
 */
async function mayRemoveReferral(tx: Tx, t: string, personId: string, id: string, stored: Stored) {
  const v = stored.values as RecordValues["cin_episode"];
  const { records } = await onReferral(tx, t, id);
  const [care, later] = await inOrder([
    () =>
      tx.carePeriod.findMany({
        where: { tenantId: t, personId, caseId: stored.caseId!, startDate: { gte: d(v.referralDate), ...(v.closureDate ? { lte: d(v.closureDate) } : {}) } },
        select: { startDate: true },
        orderBy: { startDate: "asc" },
      }),
    () => tx.cinEpisode.findMany({ where: { tenantId: t, previousEpisodeId: id }, select: { referralDate: true }, orderBy: { referralDate: "asc" } }),
  ]);
  const linked = [
    ...records.map((r) => ({ what: r.one, date: r.start })),
    ...care.map((c) => ({ what: "a period of care", date: toIsoDate(c.startDate) })),
    ...later.map((e) => ({ what: "a later referral counted as a re-referral of it", date: toIsoDate(e.referralDate) })),
  ];
  const refusal = referralRemovalRefusal(linked);
  if (refusal) throw new AppError("REFUSED", refusal);
  const onCase = await tx.case.findFirst({ where: { tenantId: t, id: stored.caseId!, status: "OPEN", level: { in: ["CHILD_IN_NEED", "CHILD_PROTECTION", "LOOKED_AFTER"] } }, select: { reference: true } });
  if (onCase) {
    const others = await tx.cinEpisode.count({ where: { tenantId: t, personId, caseId: stored.caseId!, id: { not: id } } });
    if (others === 0) throw new AppError("REFUSED", lastReferralRefusal(onCase.reference));
  }
}

/** Where each kind is kept (a fixed list: never from input). */
const TABLES: Record<StatutoryRecordType, string> = {
  assessment: "assessment",
  section47: "section47",
  cp_plan: "cp_plan",
  cp_review: "cp_review",
  core_group: "cp_core_group",
  cin_plan: "cin_plan",
  la_review: "la_review",
  health_assessment: "health_assessment",
  pathway_plan_review: "pathway_plan_review",
  cin_episode: "cin_episode",
};

export type RemovalInput = { personId: string; recordType: StatutoryRecordType; recordId: string; version: string; reason: string };

/**
 * Removes a statutory record entered in error (recorded twice, or on the wrong child): managers only
 * (statutory:remove). Refused while a plan has reviews or core group meetings (they go first, or the
 * plan stays), and from a page opened before someone changed the record. The row is deleted; the audit
 * event keeps all of it as it was (`before`, every column) with the reason, against the child and case.
 */
export async function removeStatutoryRecord(ctx: Ctx, input: RemovalInput): Promise<{ id: string; before: Record<string, unknown> }> {
  assertCan(ctx, "statutory:remove", WRITE_WHAT["statutory:remove"]);
  const type = recordTypeOf(input.recordType);
  const problem = reasonError(input.reason, "remove");
  if (problem) throw invalid("reason", problem);
  const reason = input.reason.trim();
  return write(
    ctx,
    input.personId,
    null,
    async (tx, personId) => {
      const t = ctx.tenantId;
      const id = parseId(input.recordId, RECORD_WORDS[type].name);
      const stored = await currentRecord(tx, t, personId, type, id, input.version, "remove");
      if (type === "cp_plan") {
        const [reviews, meetings] = await inOrder([
          () => tx.cpReview.findMany({ where: { tenantId: t, cpPlanId: id }, select: { reviewDate: true }, orderBy: { reviewDate: "asc" } }),
          () => tx.cpCoreGroup.findMany({ where: { tenantId: t, cpPlanId: id }, select: { meetingDate: true }, orderBy: { meetingDate: "asc" } }),
        ]);
        const refusal = removalRefusal(type, { reviews: reviews.map((r) => toIsoDate(r.reviewDate)), coreGroups: meetings.map((m) => toIsoDate(m.meetingDate)) });
        if (refusal) throw new AppError("REFUSED", refusal);
      }
      if (type === "cin_episode") await mayRemoveReferral(tx, t, personId, id, stored);
      // the row as the database held it, every column, for the audit log (which is append-only)
      const [removed] = await tx.$queryRaw<{ row: Record<string, unknown> }[]>(
        Prisma.sql`DELETE FROM ${Prisma.raw(TABLES[type])} AS r WHERE r.tenant_id = ${t}::uuid AND r.id = ${id}::uuid RETURNING to_jsonb(r) AS row`,
      );
      if (!removed) throw notFoundError(RECORD_WORDS[type].name);
      await recordAudit(tx, ctx, {
        action: `${type}.removed`,
        entityType: type,
        entityId: id,
        caseId: stored.caseId,
        personId,
        details: { reason, before: removed.row, values: stored.values },
      });
      return { id, before: removed.row };
    },
    "statutory:remove",
  );
}
