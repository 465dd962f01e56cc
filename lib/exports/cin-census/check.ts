// Checks a CIN census before it is written, and lists the problems per child in plain English,
// saying what to fix. The builder (build.ts) refuses to write while there are any. The checks cover
// everything the 2025-26 schema would reject (missing values, codes outside its lists, identifiers
// that break its patterns) and the census rules that make a file wrong: referral source and need,
// closure without a reason, plans without a category of abuse, dates out of order. They are not all
// of DfE's validation rules.
import { formatDate, isIsoDate, type IsoDate } from "@/lib/domain/dates";
import { isValidUpn } from "@/lib/domain/identifiers";
import { censusPeriod, childrenInCensus, SUPPORTED_YEARS, type CensusEpisode } from "./census-year";
import { CIN_CODES, LA_CHILD_ID, UPN_PATTERN } from "./codes";
import type { CinCensusChild, CinCensusInput } from "./types";

export type CinCensusModule = "Child" | "Referral" | "Assessment" | "CIN plan" | "Section 47" | "Child protection plan";
export type CinCensusProblem = { module: CinCensusModule; message: string };
export type CinChildProblems = { laChildId: string; problems: CinCensusProblem[] };
/** `general`: problems with the census as a whole; `children`: only children with problems. */
export type CinCensusCheck = { general: string[]; children: CinChildProblems[] };

export function hasProblems(check: CinCensusCheck): boolean {
  return check.general.length > 0 || check.children.length > 0;
}

const show = (date: string | null | undefined) => (date && isIsoDate(date) ? formatDate(date) : `"${date ?? ""}"`);
/** 18A and 19A: still in the schema, but DfE's 2025-26 rules query them. */
const QUERIED_FACTORS: Record<string, string> = { "18A": "18B or 18C", "19A": "19B or 19C" };

type Add = (message: string) => void;

function checkCode(add: Add, subject: string, value: string | null | undefined, list: readonly string[], what: string, required: boolean) {
  if (!value) {
    if (required) add(`${subject}: give the ${what}.`);
  } else if (!list.includes(value)) {
    add(`${subject}: the ${what} "${value}" is not a 2025-26 census code.`);
  }
}

/** Checks a date: it must be readable, and not before `notBefore` (another date of the record). */
function checkDate(add: Add, subject: string, date: IsoDate | null | undefined, what: string, notBefore?: { date: IsoDate | null | undefined; what: string }) {
  if (!date) return;
  if (!isIsoDate(date)) {
    add(`${subject}: the ${what} ${show(date)} is not a real date.`);
    return;
  }
  if (notBefore?.date && isIsoDate(notBefore.date) && date < notBefore.date) {
    add(`${subject}: the ${what} (${show(date)}) is before the ${notBefore.what} (${show(notBefore.date)}). Check the dates.`);
  }
}

function checkChild(child: CinCensusChild, add: (module: CinCensusModule, message: string) => void, duplicates: Set<string>, periodEnd: IsoDate) {
  const c = (m: string) => add("Child", m);
  const id = child.laChildId;
  if (!id) c("Give the child's LA child identifier (LAchildID).");
  else if (!LA_CHILD_ID.test(id)) c(`The LA child identifier (LAchildID) "${id}" must be 1 to 20 letters and digits only.`);
  if (id && duplicates.has(id)) c(`Another child in the census has the LA child identifier (LAchildID) "${id}". Each child needs their own.`);

  if (child.upn) {
    if (!UPN_PATTERN.test(child.upn) || !isValidUpn(child.upn.toUpperCase())) c(`The unique pupil number (UPN) "${child.upn}" is not valid: check it, or remove it and give the reason it is not known.`);
    if (child.upnUnknown) c(`The child has a UPN, so no reason it is unknown (UPNunknown ${child.upnUnknown}) can be given.`);
  } else if (!child.upnUnknown) {
    c("Give the child's unique pupil number (UPN), or the reason it is not known (UN1–UN7).");
  } else {
    checkCode(c, "The child", child.upnUnknown, CIN_CODES.upnUnknown, "reason the UPN is not known (UPNunknown)", true);
  }

  if (!child.dateOfBirth && !child.expectedDateOfBirth) c("Give the child's date of birth, or the expected date of birth for an unborn child.");
  if (child.dateOfBirth && child.expectedDateOfBirth) c("The child has a date of birth, so remove the expected date of birth.");
  checkDate(c, "The child", child.dateOfBirth, "date of birth (PersonBirthDate)");
  if (child.dateOfBirth && isIsoDate(child.dateOfBirth) && child.dateOfBirth > periodEnd) c(`The child's date of birth (${show(child.dateOfBirth)}) is after the end of the census year. If they were unborn on 31 March, record the expected date of birth instead.`);
  checkDate(c, "The child", child.expectedDateOfBirth, "expected date of birth (ExpectedPersonBirthDate)");
  checkDate(c, "The child", child.dateOfDeath, "date of death (PersonDeathDate)", { date: child.dateOfBirth, what: "date of birth" });
  checkCode(c, "The child", child.sex, CIN_CODES.sex, "sex (M, F or U)", true);
  checkCode(c, "The child", child.ethnicity, CIN_CODES.ethnicity, "ethnicity", true);

  const disabilities = child.disabilities ?? [];
  for (const d of disabilities) checkCode(c, "The child", d, CIN_CODES.disability, "disability", true);
  if (disabilities.includes("NONE") && disabilities.length > 1) c(`The child is recorded both with no disability (NONE) and with ${disabilities.filter((d) => d !== "NONE").join(", ")}. Remove one.`);
  if (new Set(disabilities).size !== disabilities.length) c("A disability is recorded twice for the child. Remove the repeat.");
}

function checkEpisode(e: CensusEpisode, dateOfBirth: IsoDate | null | undefined, add: (module: CinCensusModule, message: string) => void) {
  const subject = `The referral of ${show(e.referralDate)}`;
  const r = (m: string) => add("Referral", m);
  if (!isIsoDate(e.referralDate)) r(`${subject}: the referral date (CINreferralDate) is not a real date.`);
  if (!e.referralSource) r(`${subject}: give who made the referral (ReferralSource).`);
  else checkCode(r, subject, e.referralSource, CIN_CODES.referralSource, "referral source", true);
  checkCode(r, subject, e.primaryNeedCode, CIN_CODES.primaryNeed, "primary need code", !e.referralNfa);
  checkDate(r, subject, e.closureDate, "closure date (CINclosureDate)", { date: e.referralDate, what: "referral date" });
  if (e.closureDate && !e.reasonForClosure) r(`${subject}: the episode closed on ${show(e.closureDate)} without a reason for closure. Record the reason (RC1–RC9).`);
  else checkCode(r, subject, e.reasonForClosure, CIN_CODES.reasonForClosure, "reason for closure (RC1–RC9)", false);
  const closed = e.closureDate && isIsoDate(e.closureDate) ? e.closureDate : null;
  const within = (what: string, module: CinCensusModule, date: IsoDate | null | undefined) => {
    if (!date || !isIsoDate(date)) return;
    if (isIsoDate(e.referralDate) && date < e.referralDate) add(module, `${what} (${show(date)}) is before the referral (${show(e.referralDate)}). Check the dates, or record it on the right episode.`);
    if (closed && date > closed) add(module, `${what} (${show(date)}) is after the episode closed (${show(closed)}). Check the dates.`);
  };

  for (const a of e.assessments) {
    const s = `The assessment starting ${show(a.startDate)}`;
    const m = (msg: string) => add("Assessment", msg);
    checkDate(m, s, a.startDate, "start date (AssessmentActualStartDate)");
    within(s, "Assessment", a.startDate);
    checkDate(m, s, a.authorisationDate, "authorisation date (AssessmentAuthorisationDate)", { date: a.startDate, what: "start date" });
    within(`${s}: its authorisation`, "Assessment", a.authorisationDate);
    for (const f of a.factors ?? []) {
      if (QUERIED_FACTORS[f]) m(`${s}: factor ${f} is no longer used; record ${QUERIED_FACTORS[f]} instead.`);
      else checkCode(m, s, f, CIN_CODES.assessmentFactor, "factor identified at assessment", true);
    }
    if (a.authorisationDate && (a.factors ?? []).length === 0) m(`${s} was authorised on ${show(a.authorisationDate)} but records no factors identified. Record them (21 if there were none).`);
  }

  for (const p of e.cinPlans) {
    const s = `The CIN plan starting ${show(p.startDate)}`;
    const m = (msg: string) => add("CIN plan", msg);
    checkDate(m, s, p.startDate, "start date (CINPlanStartDate)");
    within(s, "CIN plan", p.startDate);
    checkDate(m, s, p.endDate, "end date (CINPlanEndDate)", { date: p.startDate, what: "start date" });
    within(`${s}: its end`, "CIN plan", p.endDate);
    if (closed && !p.endDate) m(`${s} has not ended, but the episode closed on ${show(closed)}. End the plan.`);
  }

  for (const s47 of e.section47s) {
    const s = `The section 47 enquiry starting ${show(s47.startDate)}`;
    const m = (msg: string) => add("Section 47", msg);
    checkDate(m, s, s47.startDate, "start date (S47ActualStartDate)");
    within(s, "Section 47", s47.startDate);
    checkDate(m, s, s47.initialCpcTarget, "initial conference target date (InitialCPCtarget)", { date: s47.startDate, what: "start date" });
    checkDate(m, s, s47.initialCpcDate, "initial conference date (DateOfInitialCPC)", { date: s47.startDate, what: "start date" });
    within(`${s}: its initial conference`, "Section 47", s47.initialCpcDate);
    if (s47.icpcNotRequired && s47.initialCpcDate) m(`${s} is recorded both as "conference not required" and with a conference on ${show(s47.initialCpcDate)}. Remove one.`);
  }

  for (const p of e.cpPlans) {
    const s = `The child protection plan starting ${show(p.startDate)}`;
    const m = (msg: string) => add("Child protection plan", msg);
    checkDate(m, s, p.startDate, "start date (CPPstartDate)");
    within(s, "Child protection plan", p.startDate);
    checkDate(m, s, p.endDate, "end date (CPPendDate)", { date: p.startDate, what: "start date" });
    within(`${s}: its end`, "Child protection plan", p.endDate);
    if (closed && !p.endDate) m(`${s} has not ended, but the episode closed on ${show(closed)}. End the plan.`);
    if (!p.initialCategory) m(`${s} has no initial category of abuse. Record it (NEG, PHY, SAB, EMO or MUL).`);
    else checkCode(m, s, p.initialCategory, CIN_CODES.categoryOfAbuse, "initial category of abuse", true);
    if (!p.latestCategory) m(`${s} has no latest category of abuse. Record it (NEG, PHY, SAB, EMO or MUL).`);
    else checkCode(m, s, p.latestCategory, CIN_CODES.categoryOfAbuse, "latest category of abuse", true);
    if (!Number.isInteger(p.previousPlans) || p.previousPlans < 0) m(`${s}: the number of previous plans (${p.previousPlans}) must be a whole number, 0 or more.`);
    for (const review of p.reviewDates) {
      checkDate(m, `${s}: the review`, review, "date (CPPreviewDate)", { date: p.startDate, what: "plan's start date" });
      if (p.endDate && isIsoDate(p.endDate) && isIsoDate(review) && review > p.endDate) m(`${s}: the review on ${show(review)} is after the plan ended (${show(p.endDate)}).`);
    }
  }
  if (dateOfBirth && isIsoDate(dateOfBirth) && e.closureDate && isIsoDate(e.closureDate) && e.closureDate < dateOfBirth) {
    r(`${subject}: the episode closed (${show(e.closureDate)}) before the child was born (${show(dateOfBirth)}). Check the dates.`);
  }
}

/** Lists every problem with the census, per child. Only children in the census (an episode open in the year) are checked. */
export function checkCinCensus(input: CinCensusInput): CinCensusCheck {
  const general: string[] = [];
  if (!(SUPPORTED_YEARS as readonly number[]).includes(input.year)) {
    general.push(`This export writes the 2025-26 census (year 2026) only, because its schema and code lists are the 2025-26 ones. Year ${input.year} is not supported.`);
    return { general, children: [] };
  }
  if (!/^\d{3}$/.test(input.header.laCode ?? "")) general.push(`The council's DfE local authority code "${input.header.laCode ?? ""}" must be three digits. Ask your administrator to correct it.`);
  if (input.header.serialNo && !/^\d{3,}$/.test(input.header.serialNo)) general.push(`The file's serial number "${input.header.serialNo}" must be three digits or more.`);
  if (input.header.generatedAt && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(input.header.generatedAt)) general.push(`The time the file was written "${input.header.generatedAt}" must be yyyy-mm-ddThh:mm:ss.`);

  const { to } = censusPeriod(input.year);
  const children = childrenInCensus(input);
  // the schema needs at least one Child
  if (children.length === 0) general.push("No child had a CIN episode open in the year, so there is nothing to return.");
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { child } of children) if (child.laChildId) (seen.has(child.laChildId) ? duplicates : seen).add(child.laChildId);

  const results: CinChildProblems[] = [];
  children.forEach(({ child, episodes }, index) => {
    const problems: CinCensusProblem[] = [];
    const add = (module: CinCensusModule, message: string) => problems.push({ module, message });
    checkChild(child, add, duplicates, to);
    for (const e of episodes) checkEpisode(e, child.dateOfBirth, add);
    if (problems.length > 0) results.push({ laChildId: child.laChildId || `(child ${index + 1}, no identifier)`, problems });
  });
  return { general, children: results };
}
