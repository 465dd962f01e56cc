// A child's identifiers and equality details as the CIN census and SSDA903 need them: date of birth
// (or expected date for an unborn child), sex, ethnicity, UPN and LA child id. The rules a change must
// meet, in plain English, and what a change altered (for the audit log). Pure: no I/O.
import { addDays, isIsoDate, type IsoDate } from "./dates";
import { isValidUpn } from "./identifiers";
import { ETHNIC_ORIGIN_CODES, SEX_CODES } from "./ssda903-codes";

export type ChildIdentifiers = {
  dateOfBirth: IsoDate | null;
  expectedDateOfBirth: IsoDate | null;
  sex: string;
  ethnicity: string | null;
  upn: string | null;
  laChildId: string | null;
};

export const CHILD_IDENTIFIER_FIELDS = ["dateOfBirth", "expectedDateOfBirth", "sex", "ethnicity", "upn", "laChildId"] as const satisfies readonly (keyof ChildIdentifiers)[];
export type ChildIdentifierField = (typeof CHILD_IDENTIFIER_FIELDS)[number];

export const CHILD_IDENTIFIER_LABELS: Record<ChildIdentifierField, string> = {
  dateOfBirth: "Date of birth",
  expectedDateOfBirth: "Expected date of birth",
  sex: "Sex",
  ethnicity: "Ethnicity",
  upn: "Unique pupil number (UPN)",
  laChildId: "LA child id",
};

/** The earliest date of birth accepted: anything before is a slip in the year. */
const EARLIEST_BIRTH = "1950-01-01";
/** An expected date is at most about 10 months away, as at the front door. */
const LONGEST_PREGNANCY_DAYS = 300;

/** A UPN as typed ("a123 4567 89012"): spaces dropped, letters in capitals. */
export function normaliseUpn(typed: string): string {
  return typed.replace(/\s+/g, "").toUpperCase();
}

/** What is wrong with a (normalised) UPN, or null. */
export function upnProblem(upn: string): string | null {
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn)) return "Enter the UPN as it is written: a letter, 11 digits, then a digit or letter, like A123456789012 (13 characters)";
  if (!isValidUpn(upn)) return "That UPN's check letter (the first letter) does not match its digits: check each character against the school's records";
  return null;
}

/** An LA child id as typed: spaces around it dropped. Letters are kept as typed here; see normaliseLaChildId. */
export function laChildIdProblem(id: string): string | null {
  if (!/^[A-Za-z0-9]{1,20}$/.test(id)) return "Enter the LA child id as letters and digits only, up to 20 characters, with no spaces or other characters";
  return null;
}

/**
 * The LA child id to store: capitals, as the council's ids are written; an id typed again in other
 * case than the one stored keeps the stored one (an older record's id is not changed by saving it).
 */
export function normaliseLaChildId(typed: string, stored: string | null): string {
  const id = typed.trim();
  if (stored && stored.toUpperCase() === id.toUpperCase()) return stored;
  return id.toUpperCase();
}

export type IdentifierInput = {
  dateOfBirth?: string | null;
  expectedDateOfBirth?: string | null;
  sex?: string | null;
  ethnicity?: string | null;
  upn?: string | null;
  laChildId?: string | null;
};

export type IdentifierCheck = { ok: true; value: ChildIdentifiers } | { ok: false; fieldErrors: Partial<Record<ChildIdentifierField, string>> };

/**
 * Checks a change of a child's identifiers against what is stored and returns what to store:
 * - a date of birth (today or earlier), or for an unborn child the expected date; a date of birth
 *   removes the expected date (the census refuses both);
 * - sex and ethnicity from the 2025-26 code lists (ethnicity is required: "Information not yet
 *   obtained" says it is not known);
 * - a UPN with its check letter, or none;
 * - an LA child id of letters and digits; once recorded it can be corrected but not removed, because
 *   DfE links a child's returns across years by it.
 */
export function checkChildIdentifiers(input: IdentifierInput, stored: ChildIdentifiers, today: IsoDate): IdentifierCheck {
  const errors: Partial<Record<ChildIdentifierField, string>> = {};
  const text = (v: string | null | undefined) => (v ?? "").trim();

  const dateOfBirth = text(input.dateOfBirth) || null;
  let expectedDateOfBirth = text(input.expectedDateOfBirth) || null;
  if (dateOfBirth) {
    if (!isIsoDate(dateOfBirth)) errors.dateOfBirth = "Enter the date of birth as a real date, for example 27 3 2016";
    else if (dateOfBirth > today) errors.dateOfBirth = "The date of birth must be today or in the past. For a baby not born yet, leave it empty and enter the expected date";
    else if (dateOfBirth < EARLIEST_BIRTH) errors.dateOfBirth = "Check the year of the date of birth";
    expectedDateOfBirth = null;
  } else if (expectedDateOfBirth) {
    if (!isIsoDate(expectedDateOfBirth)) errors.expectedDateOfBirth = "Enter the expected date of birth as a real date, for example 27 3 2027";
    else if (expectedDateOfBirth > addDays(today, LONGEST_PREGNANCY_DAYS)) errors.expectedDateOfBirth = "The expected date of birth must be within the next 10 months";
  } else {
    errors.dateOfBirth = stored.expectedDateOfBirth || !stored.dateOfBirth ? "Enter the date of birth, or the expected date of birth if the baby is not born yet" : "Enter the date of birth";
  }

  const sex = text(input.sex);
  if (!(SEX_CODES as readonly string[]).includes(sex)) errors.sex = "Choose the child's sex";

  const ethnicity = text(input.ethnicity);
  if (!(ETHNIC_ORIGIN_CODES as readonly string[]).includes(ethnicity)) errors.ethnicity = "Choose the child's ethnicity. If it is not known yet, choose 'Information not yet obtained'";

  const upn = normaliseUpn(input.upn ?? "") || null;
  if (upn) {
    const problem = upnProblem(upn);
    if (problem) errors.upn = problem;
  }

  const typedId = text(input.laChildId);
  let laChildId: string | null = null;
  if (typedId) {
    const problem = laChildIdProblem(typedId);
    if (problem) errors.laChildId = problem;
    else laChildId = normaliseLaChildId(typedId, stored.laChildId);
  } else if (stored.laChildId) {
    errors.laChildId = `Enter the LA child id. The child is known as ${stored.laChildId} in the census and SSDA903, so it can be corrected but not removed`;
  }

  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return { ok: true, value: { dateOfBirth, expectedDateOfBirth, sex, ethnicity, upn, laChildId } };
}

export type IdentifierChange = { field: ChildIdentifierField; before: string | null; after: string | null };

/** The fields a save changes, in the form's order. */
export function identifierChanges(before: ChildIdentifiers, after: ChildIdentifiers): IdentifierChange[] {
  return CHILD_IDENTIFIER_FIELDS.filter((f) => (before[f] ?? null) !== (after[f] ?? null)).map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}
