// The 2025-26 CIN census code lists the export checks against. Most live where the product records
// them (referral sources and needs at the front door, assessment factors and categories of abuse with
// the statutory records, closure reasons with the closure transition, ethnicity with the SSDA903);
// the ones only the census uses are here. All are the codes of ../shared/reference/cin-census/
// CIN_schema_2026.xsd, less 18A and 19A, which that schema still accepts but DfE's rules query.
import { PRIMARY_NEED_CODE_VALUES, REFERRAL_SOURCE_CODES } from "@/lib/domain/referral-codes";
import { ETHNIC_ORIGIN_CODES, SEX_CODES } from "@/lib/domain/ssda903-codes";
import { ABUSE_CATEGORY_CODES, ASSESSMENT_FACTOR_CODES } from "@/lib/domain/statutory-codes";
import { CLOSURE_REASONS } from "@/lib/domain/transitions";

export const DISABILITIES = [
  { code: "NONE", label: "No disability" },
  { code: "MOB", label: "Mobility" },
  { code: "HAND", label: "Hand function" },
  { code: "PC", label: "Personal care" },
  { code: "INC", label: "Incontinence" },
  { code: "COMM", label: "Communication" },
  { code: "LD", label: "Learning" },
  { code: "HEAR", label: "Hearing" },
  { code: "VIS", label: "Vision" },
  { code: "BEH", label: "Behaviour" },
  { code: "CON", label: "Consciousness" },
  { code: "AUT", label: "Autism" },
  { code: "DDA", label: "Other" },
] as const;

/** UPNunknown: why a child has no unique pupil number. */
export const UPN_UNKNOWN_REASONS = [
  { code: "UN1", label: "Child is now adopted" },
  { code: "UN2", label: "Child has never attended school in England" },
  { code: "UN3", label: "Child is educated outside England" },
  { code: "UN4", label: "Child newly arrived in England and not yet at school" },
  { code: "UN5", label: "Sources collating UPNs disagree about the child's details" },
  { code: "UN6", label: "Child aged under 6 and not yet attending school" },
  { code: "UN7", label: "Referral with no further action" },
] as const;

const codes = (list: readonly { code: string }[]) => list.map((c) => c.code);

export const CIN_CODES = {
  sex: SEX_CODES as readonly string[],
  ethnicity: ETHNIC_ORIGIN_CODES as readonly string[],
  disability: codes(DISABILITIES),
  upnUnknown: codes(UPN_UNKNOWN_REASONS),
  referralSource: REFERRAL_SOURCE_CODES as readonly string[],
  primaryNeed: PRIMARY_NEED_CODE_VALUES as readonly string[],
  reasonForClosure: Object.keys(CLOSURE_REASONS),
  assessmentFactor: ASSESSMENT_FACTOR_CODES as readonly string[],
  categoryOfAbuse: ABUSE_CATEGORY_CODES as readonly string[],
} as const;

/** LAchildID: up to 20 letters and digits (the census's own limit, narrower than the XSD's string). */
export const LA_CHILD_ID = /^[A-Za-z0-9]{1,20}$/;
/** UPN: as the XSD's pattern (the checker also checks the check letter). */
export const UPN_PATTERN = /^[A-Za-z]\d{11}(\d|[A-Za-z])$/;
