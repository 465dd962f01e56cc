"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import {
  completeAssessment,
  correctStatutoryRecord,
  endCinPlan,
  endCpPlan,
  recordAssessment,
  recordConference,
  recordCoreGroup,
  recordCpReview,
  recordEndOfCare,
  recordHealthAssessment,
  recordLaReview,
  recordDisabilities,
  recordLegalStatusChange,
  recordPathwayPlanReview,
  recordSection47,
  removeStatutoryRecord,
  startCinPlan,
  startCpPlan,
} from "@/lib/data/statutory";
import { LEGAL_STATUS_CODES, REASONS_CARE_ENDED, REVIEW_PARTICIPATION_CODES, type ReasonCareEnded } from "@/lib/domain/ssda903-codes";

const REASON_CARE_ENDED_CODES = REASONS_CARE_ENDED.map((r) => r.code) as [ReasonCareEnded, ...ReasonCareEnded[]];
import { DISABILITIES } from "@/lib/exports/cin-census/codes";
import { ABUSE_CATEGORY_CODES, ASSESSMENT_FACTOR_CODES } from "@/lib/domain/statutory-codes";
import { STATUTORY_RECORD_TYPES } from "@/lib/domain/statutory-corrections";
import { checkbox, date, id } from "./fields";
import { handleForm, type FormState } from "./form";

const blank = (v: unknown) => (v === "" ? undefined : v);
const optionalDate = (what: string) => z.preprocess(blank, date(what, { notFuture: true }).optional());
const factors = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.enum(ASSESSMENT_FACTOR_CODES, { error: "Choose factors from the list" })));
const category = z.enum(ABUSE_CATEGORY_CODES, { error: "Choose the category of abuse" });

async function run<S extends z.ZodType>(formData: FormData, schema: S, work: Parameters<typeof handleForm<S, unknown>>[2]): Promise<FormState> {
  const state = await handleForm(formData, schema, work);
  if (state.status === "ok") {
    const personId = String(formData.get("personId"));
    revalidatePath(`/people/${personId}/statutory`);
    return { status: "ok", message: "Saved.", answerId: state.answerId };
  }
  return state;
}

const child = { personId: id("a child") };
const inCase = { ...child, caseId: id("the case") };

export async function recordAssessmentAction(_: FormState, formData: FormData) {
  const schema = z.object({ ...inCase, startDate: date("the start date", { notFuture: true }), authorisedDate: optionalDate("the authorisation date"), factors });
  return run(formData, schema, (ctx, input) => recordAssessment(ctx, input));
}

export async function completeAssessmentAction(_: FormState, formData: FormData) {
  const schema = z.object({ ...child, assessmentId: id("an assessment"), authorisedDate: date("the authorisation date", { notFuture: true }), factors });
  return run(formData, schema, (ctx, input) => completeAssessment(ctx, input));
}

export async function recordSection47Action(_: FormState, formData: FormData) {
  const schema = z.object({
    ...inCase,
    strategyDiscussionDate: date("the date of the strategy discussion", { notFuture: true }),
    startDate: date("the date the enquiry started", { notFuture: true }),
    icpcDate: optionalDate("the conference date"),
    icpcNotRequired: checkbox,
  });
  return run(formData, schema, (ctx, input) => recordSection47(ctx, input));
}

export async function recordConferenceAction(_: FormState, formData: FormData) {
  const schema = z.object({ ...child, section47Id: id("an enquiry"), icpcDate: optionalDate("the conference date"), icpcNotRequired: checkbox });
  return run(formData, schema, (ctx, input) => recordConference(ctx, input));
}

export async function startCpPlanAction(_: FormState, formData: FormData) {
  const schema = z.object({ ...inCase, startDate: date("the start date", { notFuture: true }), category });
  return run(formData, schema, (ctx, input) => startCpPlan(ctx, input));
}

export async function recordCpReviewAction(_: FormState, formData: FormData) {
  const schema = z.object({ ...child, planId: id("a plan"), reviewDate: date("the review date", { notFuture: true }), latestCategory: z.preprocess(blank, category.optional()) });
  return run(formData, schema, (ctx, input) => recordCpReview(ctx, input));
}

export async function recordCoreGroupAction(_: FormState, formData: FormData) {
  const schema = z.object({ ...child, planId: id("a plan"), meetingDate: date("the date of the meeting", { notFuture: true }) });
  return run(formData, schema, (ctx, input) => recordCoreGroup(ctx, input));
}

export async function recordPathwayPlanReviewAction(_: FormState, formData: FormData) {
  const schema = z.object({ ...child, reviewDate: date("the review date", { notFuture: true }) });
  return run(formData, schema, (ctx, input) => recordPathwayPlanReview(ctx, input));
}

export async function endCpPlanAction(_: FormState, formData: FormData) {
  const schema = z.object({ ...child, planId: id("a plan"), endDate: date("the end date", { notFuture: true }) });
  return run(formData, schema, (ctx, input) => endCpPlan(ctx, input));
}

export async function startCinPlanAction(_: FormState, formData: FormData) {
  const schema = z.object({ ...inCase, startDate: date("the start date", { notFuture: true }) });
  return run(formData, schema, (ctx, input) => startCinPlan(ctx, input));
}

export async function endCinPlanAction(_: FormState, formData: FormData) {
  const schema = z.object({ ...child, planId: id("a plan"), endDate: date("the end date", { notFuture: true }) });
  return run(formData, schema, (ctx, input) => endCinPlan(ctx, input));
}

export async function changeLegalStatusAction(_: FormState, formData: FormData) {
  const schema = z.object({ ...child, date: date("the date of the change", { notFuture: true }), legalStatus: z.enum(LEGAL_STATUS_CODES, { error: "Choose the legal status" }) });
  return run(formData, schema, (ctx, input) => recordLegalStatusChange(ctx, input));
}

export async function endCareAction(_: FormState, formData: FormData) {
  const schema = z.object({ ...child, date: date("the date care ended", { notFuture: true }), reasonEnded: z.enum(REASON_CARE_ENDED_CODES, { error: "Choose why care ended" }) });
  return run(formData, schema, (ctx, input) => recordEndOfCare(ctx, input));
}

export async function recordLaReviewAction(_: FormState, formData: FormData) {
  const schema = z.object({ ...child, reviewDate: date("the review date", { notFuture: true }), reviewCode: z.preprocess(blank, z.enum(REVIEW_PARTICIPATION_CODES).optional()) });
  return run(formData, schema, (ctx, input) => recordLaReview(ctx, input));
}

export async function recordHealthAssessmentAction(_: FormState, formData: FormData) {
  const schema = z.object({ ...child, date: date("the date of the health assessment", { notFuture: true }), kind: z.enum(["INITIAL", "REVIEW"], { error: "Choose initial or review" }) });
  return run(formData, schema, (ctx, input) => recordHealthAssessment(ctx, input));
}

const DISABILITY_CODES = DISABILITIES.map((d) => d.code) as [string, ...string[]];

export async function recordDisabilitiesAction(_: FormState, formData: FormData) {
  const schema = z.object({
    ...child,
    disabilities: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.enum(DISABILITY_CODES, { error: "Choose from the list" })).min(1, "Choose No disability, or the disabilities the child has")),
  });
  return run(formData, schema, (ctx, input) => recordDisabilities(ctx, input));
}

/** Which record a correction or removal is of, and the version its form was loaded at. */
const aRecord = {
  ...child,
  recordType: z.enum(STATUTORY_RECORD_TYPES, { error: "Choose a statutory record" }),
  recordId: id("a record"),
  version: z.string({ error: "This form is out of date: reload the page and try again." }).min(1, "This form is out of date: reload the page and try again."),
  reason: z.string().optional().default(""),
};

/** A correction: the record's fields are checked by the data layer, with the rules of recording them (lib/domain/statutory-corrections.ts). */
export async function correctRecordAction(_: FormState, formData: FormData) {
  const schema = z.looseObject(aRecord);
  return run(formData, schema, (ctx, { personId, recordType, recordId, version, reason, ...values }) => correctStatutoryRecord(ctx, { personId, recordType, recordId, version, reason, values }));
}

/** A removal: once done the record is gone from the page, so the page says so at its top. */
export async function removeRecordAction(_: FormState, formData: FormData) {
  const state = await handleForm(formData, z.object(aRecord), (ctx, input) => removeStatutoryRecord(ctx, input));
  if (state.status !== "ok") return state;
  // both checked by the schema above
  const personId = String(formData.get("personId"));
  revalidatePath(`/people/${personId}/statutory`);
  redirect(`/people/${personId}/statutory?removed=${String(formData.get("recordType"))}`);
}
