// Correcting and removing a child's statutory records (docs/decisions/0022-correcting-statutory-records.md).
// Pure: the fields of each kind of record, the checks a correction must pass that need no database
// (dates given, not in the future, in order), the version a form was loaded at and what changed
// since, and why a removal must wait. The data layer adds what needs the records around it (the
// referral on the date, the plan's dates, the same record twice, the overlap constraints).
// Referrals (CIN episodes) joined later: what they hold is the census's CINdetails.
import { formatDate, isIsoDate, type IsoDate } from "./dates";
import { PRIMARY_NEED_CODE_VALUES, REFERRAL_SOURCE_CODES } from "./referral-codes";
import { REVIEW_PARTICIPATION_CODES } from "./ssda903-codes";
import { ABUSE_CATEGORIES, ASSESSMENT_FACTOR_CODES } from "./statutory-codes";

/**
 * A CP plan's review or core group meeting falls within the plan's dates (when recorded and when
 * corrected): the refusal for one that does not, or null.
 */
export function outsidePlanRefusal(what: "review" | "meeting", date: IsoDate, plan: { startDate: IsoDate; endDate: IsoDate | null }): string | null {
  if (date >= plan.startDate && (!plan.endDate || date <= plan.endDate)) return null;
  const dates = `from ${formatDate(plan.startDate)}${plan.endDate ? ` to ${formatDate(plan.endDate)}` : ""}`;
  return `The ${what} must fall within the plan's dates (${dates})`;
}

export const STATUTORY_RECORD_TYPES = [
  "assessment",
  "section47",
  "cp_plan",
  "cp_review",
  "core_group",
  "cin_plan",
  "la_review",
  "health_assessment",
  "pathway_plan_review",
  "cin_episode",
] as const;
export type StatutoryRecordType = (typeof STATUTORY_RECORD_TYPES)[number];

export function isStatutoryRecordType(value: unknown): value is StatutoryRecordType {
  return typeof value === "string" && (STATUTORY_RECORD_TYPES as readonly string[]).includes(value);
}

export type RecordValues = {
  assessment: { startDate: IsoDate; authorisedDate: IsoDate | null; factors: string[] };
  section47: { strategyDiscussionDate: IsoDate; startDate: IsoDate; icpcDate: IsoDate | null; icpcNotRequired: boolean };
  cp_plan: { startDate: IsoDate; endDate: IsoDate | null; initialCategory: string; latestCategory: string };
  cp_review: { reviewDate: IsoDate };
  core_group: { meetingDate: IsoDate };
  cin_plan: { startDate: IsoDate; endDate: IsoDate | null };
  la_review: { reviewDate: IsoDate; reviewCode: string | null };
  health_assessment: { date: IsoDate; kind: "INITIAL" | "REVIEW" };
  pathway_plan_review: { reviewDate: IsoDate };
  /** a referral: its census ReferralSource, PrimaryNeedCode, and for a closed one its closure (RC1–RC9) */
  cin_episode: { referralDate: IsoDate; referralSource: string; primaryNeedCode: string | null; closureDate: IsoDate | null; closureReason: string | null };
};

/** One record as a correction form shows it: its values and the version they were loaded at. */
export type EditableRecord<T extends StatutoryRecordType = StatutoryRecordType> = { type: T; id: string; values: RecordValues[T]; version: string };

type FieldType = "date" | "optionalDate" | "flag" | "factors" | "category" | "participation" | "healthKind" | "referralSource" | "primaryNeed" | "closureReason";
type Field = { label: string; type: FieldType };

/** Each kind's fields, in the order the version lists them. Labels read inside a sentence ("the start date must…"). */
export const RECORD_FIELDS: { [T in StatutoryRecordType]: { [F in keyof RecordValues[T]]: Field } } = {
  assessment: {
    startDate: { label: "the start date", type: "date" },
    authorisedDate: { label: "the authorisation date", type: "optionalDate" },
    factors: { label: "the factors identified", type: "factors" },
  },
  section47: {
    strategyDiscussionDate: { label: "the date of the strategy discussion", type: "date" },
    startDate: { label: "the date the enquiry started", type: "date" },
    icpcDate: { label: "the conference date", type: "optionalDate" },
    icpcNotRequired: { label: "conference not required", type: "flag" },
  },
  cp_plan: {
    startDate: { label: "the start date", type: "date" },
    endDate: { label: "the end date", type: "optionalDate" },
    initialCategory: { label: "the initial category", type: "category" },
    latestCategory: { label: "the latest category", type: "category" },
  },
  cp_review: { reviewDate: { label: "the review date", type: "date" } },
  core_group: { meetingDate: { label: "the date of the meeting", type: "date" } },
  cin_plan: {
    startDate: { label: "the start date", type: "date" },
    endDate: { label: "the end date", type: "optionalDate" },
  },
  la_review: {
    reviewDate: { label: "the review date", type: "date" },
    reviewCode: { label: "how the child took part", type: "participation" },
  },
  health_assessment: {
    date: { label: "the date of the health assessment", type: "date" },
    kind: { label: "initial or review", type: "healthKind" },
  },
  pathway_plan_review: { reviewDate: { label: "the review date", type: "date" } },
  cin_episode: {
    referralDate: { label: "the referral date", type: "date" },
    referralSource: { label: "who made the referral", type: "referralSource" },
    primaryNeedCode: { label: "the primary need", type: "primaryNeed" },
    closureDate: { label: "the closure date", type: "optionalDate" },
    closureReason: { label: "the reason for closure", type: "closureReason" },
  },
};

/** What each kind is called: "the assessment", "an assessment". */
export const RECORD_WORDS: Record<StatutoryRecordType, { name: string; one: string }> = {
  assessment: { name: "assessment", one: "an assessment" },
  section47: { name: "section 47 enquiry", one: "a section 47 enquiry" },
  cp_plan: { name: "child protection plan", one: "a child protection plan" },
  cp_review: { name: "child protection review", one: "a child protection review" },
  core_group: { name: "core group meeting", one: "a core group meeting" },
  cin_plan: { name: "child in need plan", one: "a child in need plan" },
  la_review: { name: "looked-after review", one: "a looked-after review" },
  health_assessment: { name: "health assessment", one: "a health assessment" },
  pathway_plan_review: { name: "pathway plan review", one: "a pathway plan review" },
  cin_episode: { name: "referral", one: "a referral" },
};

const fieldsOf = <T extends StatutoryRecordType>(type: T) => Object.entries(RECORD_FIELDS[type]) as [keyof RecordValues[T] & string, Field][];
const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const CATEGORY_CODES: readonly string[] = ABUSE_CATEGORIES.map((c) => c.code);
const FACTOR_CODES: readonly string[] = ASSESSMENT_FACTOR_CODES;
const PARTICIPATION_CODES: readonly string[] = REVIEW_PARTICIPATION_CODES;
const SOURCE_CODES: readonly string[] = REFERRAL_SOURCE_CODES;
const NEED_CODES: readonly string[] = PRIMARY_NEED_CODE_VALUES;
/** The census's reasons for closure, RC1 to RC9 (labels in lib/domain/transitions.ts). */
export const CLOSURE_REASON_CODES: readonly string[] = ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"];

/** A value in the one shape the version and comparisons use: factors sorted and without repeats, no undefined. */
function normalised(type: FieldType, value: unknown): unknown {
  if (type === "factors") return [...new Set(Array.isArray(value) ? value.map(String) : typeof value === "string" && value ? [value] : [])].sort();
  // a form's checkbox sends "on"
  if (type === "flag") return value === true || value === "on" || value === "true";
  if (typeof value === "string") value = value.trim();
  if (value === undefined || value === "") return null;
  return value;
}

/**
 * The version of a record as a form was loaded: its values, in field order, as JSON. A correction
 * or removal sends it back and is refused if the record no longer has those values; sending the
 * values rather than a hash lets the refusal say what changed.
 */
export function recordVersion<T extends StatutoryRecordType>(type: T, values: RecordValues[T]): string {
  return JSON.stringify(fieldsOf(type).map(([name, field]) => normalised(field.type, values[name])));
}

/** The values a version holds, or null for one this kind's form could not have sent. */
export function valuesOfVersion<T extends StatutoryRecordType>(type: T, version: string): RecordValues[T] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(version);
  } catch {
    return null;
  }
  const fields = fieldsOf(type);
  if (!Array.isArray(parsed) || parsed.length !== fields.length) return null;
  const out: Record<string, unknown> = {};
  for (const [i, [name, field]] of fields.entries()) {
    const v = parsed[i] as unknown;
    const ok =
      field.type === "flag" ? typeof v === "boolean" : field.type === "factors" ? Array.isArray(v) && v.every((x) => typeof x === "string") : v === null ? field.type !== "date" && field.type !== "category" && field.type !== "healthKind" && field.type !== "referralSource" : typeof v === "string";
    if (!ok) return null;
    out[name] = v;
  }
  return out as RecordValues[T];
}

export type Checked<T extends StatutoryRecordType> = { ok: true; values: RecordValues[T] } | { ok: false; fieldErrors: Record<string, string> };

/**
 * The checks of a correction that need no database, with the messages recording gives: every date
 * given and real, none in the future, in order (an enquiry from its strategy discussion, a conference
 * from the enquiry, an authorisation from the start, a plan's end from its start), codes from the lists.
 */
export function checkCorrection<T extends StatutoryRecordType>(type: T, raw: Record<string, unknown>, today: IsoDate): Checked<T> {
  const errors: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const [name, field] of fieldsOf(type)) {
    const v = normalised(field.type, raw[name]);
    values[name] = v;
    const what = field.label;
    switch (field.type) {
      case "date":
      case "optionalDate":
        if (v === null) {
          if (field.type === "date") errors[name] = `Enter ${what}`;
        } else if (typeof v !== "string" || !isIsoDate(v)) errors[name] = `Enter ${what} as a real date, for example 27 3 2026`;
        else if (v > today) errors[name] = `${capital(what)} must be today or in the past`;
        break;
      case "factors":
        if ((v as string[]).some((f) => !FACTOR_CODES.includes(f))) errors[name] = "Choose factors from the list";
        break;
      case "category":
        if (typeof v !== "string" || !CATEGORY_CODES.includes(v)) errors[name] = "Choose the category of abuse";
        break;
      case "participation":
        if (v !== null && (typeof v !== "string" || !PARTICIPATION_CODES.includes(v))) errors[name] = "Choose how the child took part from the list";
        break;
      case "healthKind":
        if (v !== "INITIAL" && v !== "REVIEW") errors[name] = "Choose initial or review";
        break;
      case "referralSource":
        if (typeof v !== "string" || !SOURCE_CODES.includes(v)) errors[name] = "Choose who made the referral from the list";
        break;
      case "primaryNeed":
        if (v !== null && (typeof v !== "string" || !NEED_CODES.includes(v))) errors[name] = "Choose the primary need from the list (N0 to N9)";
        break;
      case "closureReason":
        if (v !== null && (typeof v !== "string" || !CLOSURE_REASON_CODES.includes(v))) errors[name] = "Choose the reason for closure (RC1 to RC9)";
        break;
      case "flag":
        break;
    }
  }
  // the order checks compare dates that are themselves fine
  const fine = new Set(Object.keys(values).filter((name) => !errors[name]));
  const date = (name: string) => (fine.has(name) ? (values[name] as IsoDate | null) : null);
  const before = (a: IsoDate | null, b: IsoDate | null) => a !== null && b !== null && a < b;
  if (type === "assessment" && before(date("authorisedDate"), date("startDate"))) errors.authorisedDate = "The assessment cannot be authorised before it started";
  if (type === "section47") {
    if (before(date("startDate"), date("strategyDiscussionDate"))) errors.startDate = "The enquiry starts on or after the strategy discussion";
    if (before(date("icpcDate"), date("startDate"))) errors.icpcDate = "The conference cannot be before the enquiry started";
    if (values.icpcDate !== null && values.icpcNotRequired === true) errors.icpcNotRequired = "Give a conference date or say it is not required, not both";
  }
  if ((type === "cp_plan" || type === "cin_plan") && before(date("endDate"), date("startDate"))) errors.endDate = "A plan cannot end before it started";
  if (type === "cin_episode") {
    if (before(date("closureDate"), date("referralDate"))) errors.closureDate = "The referral cannot close before the date it was made";
    // the census: a closure has its reason, and a reason its closure
    if (values.closureDate !== null && values.closureReason === null && !errors.closureReason) errors.closureReason = "Choose the reason for closure (RC1 to RC9)";
    if (values.closureDate === null && values.closureReason !== null && !errors.closureDate) errors.closureDate = "Enter the date the referral closed, or leave the reason for closure empty";
  }
  return Object.keys(errors).length > 0 ? { ok: false, fieldErrors: errors } : { ok: true, values: values as RecordValues[T] };
}

export type RecordChange = { field: string; label: string; before: unknown; after: unknown; shown: { before: string; after: string } };

function show(type: FieldType, value: unknown): string {
  if (type === "flag") return value ? "yes" : "no";
  if (type === "factors") return (value as string[]).length ? (value as string[]).join(", ") : "none";
  if (value === null || value === undefined) return "none";
  if (type === "date" || type === "optionalDate") return formatDate(value as IsoDate);
  if (type === "category") return ABUSE_CATEGORIES.find((c) => c.code === value)?.label ?? String(value);
  if (type === "healthKind") return value === "INITIAL" ? "initial" : "review";
  // referral source, need and closure reason: the census codes, as the page shows them
  return String(value);
}

/** The fields whose values differ, each with both values as stored and as said. */
export function recordChanges<T extends StatutoryRecordType>(type: T, before: RecordValues[T], after: RecordValues[T]): RecordChange[] {
  const changes: RecordChange[] = [];
  for (const [name, field] of fieldsOf(type)) {
    const a = normalised(field.type, before[name]);
    const b = normalised(field.type, after[name]);
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ field: name, label: field.label, before: a, after: b, shown: { before: show(field.type, a), after: show(field.type, b) } });
  }
  return changes;
}

/** "the start date from 1 Mar 2026 to 3 Mar 2026; the end date from none to 5 May 2026" */
export function describeChanges(changes: readonly RecordChange[]): string {
  return changes.map((c) => `${c.label} from ${c.shown.before} to ${c.shown.after}`).join("; ");
}

export type LastChange = { by: string | null; at: string } | null;

const byWhom = (last: LastChange, when: (iso: string) => string) => (last ? ` (${last.by ?? "the Continuum service"}, ${when(last.at)})` : "");

/**
 * A correction or removal sent from a page loaded before someone else changed the record: what
 * changed, and that nothing was saved. `changes` is empty when the form's version could not be read.
 */
export function staleMessage(type: StatutoryRecordType, purpose: "correct" | "remove", changes: readonly RecordChange[], last: LastChange, when: (iso: string) => string): string {
  const what = changes.length ? `: ${describeChanges(changes)}` : "";
  const head = `Someone changed this ${RECORD_WORDS[type].name} after you opened the page${byWhom(last, when)}${what}.`;
  return purpose === "correct"
    ? `${head} Your correction was not saved; your answers are still in the boxes. Check them against what is recorded now, then send the form again to replace it.`
    : `${head} It was not removed. Check it is still the record to remove, then send the form again.`;
}

/** The record was removed after the page was loaded. */
export function removedMessage(type: StatutoryRecordType, purpose: "correct" | "remove", last: LastChange, when: (iso: string) => string): string {
  return `This ${RECORD_WORDS[type].name} was removed as entered in error after you opened the page${byWhom(last, when)}, so ${purpose === "correct" ? "your correction was not saved" : "there is nothing to remove"}. Reload the page to see the record as it is now.`;
}

/** What stops a record being removed on its own: a plan's reviews and core group meetings (never deleted with it, nor left without it). */
export type Dependants = { reviews: readonly IsoDate[]; coreGroups: readonly IsoDate[] };

const dates = (list: readonly IsoDate[]) => list.map((d) => formatDate(d)).join(", ");
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Why a record cannot be removed yet, or null when it can. */
export function removalRefusal(type: StatutoryRecordType, dependants: Dependants): string | null {
  if (type !== "cp_plan") return null;
  const parts: string[] = [];
  if (dependants.reviews.length) parts.push(`${count(dependants.reviews.length, "review conference", "review conferences")} (${dates(dependants.reviews)})`);
  if (dependants.coreGroups.length) parts.push(`${count(dependants.coreGroups.length, "core group meeting", "core group meetings")} (${dates(dependants.coreGroups)})`);
  if (parts.length === 0) return null;
  return (
    `This child protection plan has ${parts.join(" and ")} recorded against it, so it cannot be removed on its own: the reviews and meetings would be lost with it. ` +
    "If they were recorded on this copy by mistake, remove each of them first (under the plan), then the plan. " +
    "If they really belong to this plan, keep it: correct its dates if they are wrong, or remove the other copy instead."
  );
}

/** A correction's or removal's reason: required, a sentence or two. */
export function reasonError(reason: string | null | undefined, purpose: "correct" | "remove"): string | null {
  const r = (reason ?? "").trim();
  if (!r) return purpose === "correct" ? "Enter why the record is being corrected" : "Enter why the record is being removed";
  if (r.length > 500) return "The reason must be 500 characters or fewer";
  return null;
}

/**
 * The checks of a referral's correction that need the referral as recorded (decision 0022, referrals):
 * the census wants a primary need unless the referral ended in no further action (check.ts), and a
 * correction neither closes an open referral (it closes with its case) nor re-opens a closed one.
 */
export function referralCorrectionErrors(recorded: { closed: boolean; referralNfa: boolean }, next: RecordValues["cin_episode"]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (next.primaryNeedCode === null && !recorded.referralNfa) errors.primaryNeedCode = "Choose the primary need (N0 to N9): the census needs one unless the referral ended in no further action";
  if (!recorded.closed && next.closureDate !== null) errors.closureDate = "This referral is open: it closes with its case (a closure or a step-down), not by a correction. Leave the closure date empty.";
  if (recorded.closed && next.closureDate === null) {
    errors.closureDate = "This referral has closed: enter the date it closed. A correction does not re-open it; if the child needs help again, record a contact at the front door.";
  }
  return errors;
}

/** A dated record that stands on a referral: "the assessment starting 3 Jun 2025". */
export type OnReferral = { what: string; date: IsoDate; section: string; /** a date other than its start: "authorised", "ended" */ event?: string };

const said = (r: OnReferral) => `${capital(r.what)}${r.event ? ` (${r.event} ${formatDate(r.date)})` : ""}`;

/**
 * The first record linked to the referral that its corrected dates would leave outside it (before the
 * referral, or after its closure), as a refusal for that field: which record, and what to do. Null when
 * every one still falls within.
 */
export function referralDatesRefusal(linked: readonly OnReferral[], next: { referralDate: IsoDate; closureDate: IsoDate | null }): { field: "referralDate" | "closureDate"; message: string } | null {
  const sorted = [...linked].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const early = sorted.find((r) => r.date < next.referralDate);
  if (early) {
    return {
      field: "referralDate",
      message: `${said(early)} is recorded against this referral and would then fall before it. Check the date, or correct ${early.what} first (under ${early.section}).`,
    };
  }
  const late = next.closureDate ? sorted.reverse().find((r) => r.date > next.closureDate!) : undefined;
  if (late) {
    return {
      field: "closureDate",
      message: `${said(late)} is recorded against this referral and would then fall after it closed. Check the date, or correct ${late.what} first (under ${late.section}).`,
    };
  }
  return null;
}

/** What stops a referral being removed: the records made against it, each "an assessment (3 Jun 2025)". */
export function referralRemovalRefusal(linked: readonly { what: string; date: IsoDate }[]): string | null {
  if (linked.length === 0) return null;
  const listed = linked.map((l) => `${l.what} (${formatDate(l.date)})`);
  const all = listed.length === 1 ? listed[0]! : `${listed.slice(0, -1).join(", ")} and ${listed.at(-1)!}`;
  return (
    `This referral has ${all} recorded against it, so it cannot be removed: they would be left without a referral. ` +
    "If they were recorded against the wrong referral or child, correct or remove each of them first, then the referral. " +
    "If the referral was recorded twice, remove the other copy instead; if its dates or codes are wrong, correct it."
  );
}

/** A child on an open statutory case keeps at least one referral on it. */
export function lastReferralRefusal(caseReference: string): string {
  return (
    `This is the child's only referral on the open case ${caseReference}, so it cannot be removed: a child on a child in need, child protection or looked-after case is counted in the census by their referral. ` +
    "If its dates or codes are wrong, correct it instead. If the case should not be a statutory one, step it down or close it first."
  );
}
