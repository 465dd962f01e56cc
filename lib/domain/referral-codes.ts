// Code lists of the front door: who a contact came from (CIN census ReferralSource), the primary need
// recorded on a referral (PrimaryNeedCode) and the decisions a contact can get. The codes are the
// census's own (../shared/reference/cin-census/CIN_schema_2026.xsd); the labels are its descriptions
// in sentence case.

export const REFERRAL_SOURCES = [
  { code: "1A", label: "Individual – family member, relative or carer" },
  { code: "1B", label: "Individual – acquaintance (including neighbours and child minders)" },
  { code: "1C", label: "Individual – self" },
  { code: "1D", label: "Individual – other (including strangers)" },
  { code: "2A", label: "Schools" },
  { code: "2B", label: "Education services" },
  { code: "3A", label: "Health services – general practitioner (GP)" },
  { code: "3B", label: "Health services – health visitor" },
  { code: "3C", label: "Health services – school nurse" },
  { code: "3D", label: "Health services – other primary health services" },
  { code: "3E", label: "Health services – A&E (accident and emergency department)" },
  { code: "3F", label: "Health services – other (for example hospice)" },
  { code: "4", label: "Housing – local authority housing or housing association" },
  { code: "5A", label: "LA services – social care, for example adults' social care services" },
  { code: "5B", label: "LA services – other internal department, for example youth offending (not housing)" },
  { code: "5C", label: "LA services – external, for example another local authority's adults' social care" },
  { code: "5D", label: "LA services – early help" },
  { code: "6", label: "Police" },
  { code: "7", label: "Other legal agency – including courts, probation, immigration, CAFCASS or prison" },
  { code: "8", label: "Other – including children's centres, independent agency providers or voluntary organisations" },
  { code: "9", label: "Anonymous" },
  { code: "10", label: "Unknown" },
] as const;

export type ReferralSource = (typeof REFERRAL_SOURCES)[number]["code"];
export const REFERRAL_SOURCE_CODES = REFERRAL_SOURCES.map((s) => s.code) as [ReferralSource, ...ReferralSource[]];

const SOURCE_LABELS: Record<string, string> = Object.fromEntries(REFERRAL_SOURCES.map((s) => [s.code, s.label]));

export function referralSourceLabel(code: string): string {
  return SOURCE_LABELS[code] ?? code;
}

export const PRIMARY_NEED_CODES = [
  { code: "N1", label: "Abuse, neglect and exploitation" },
  { code: "N2", label: "Child's disability" },
  { code: "N3", label: "Parental disability or illness" },
  { code: "N4", label: "Family in acute stress" },
  { code: "N5", label: "Family dysfunction" },
  { code: "N6", label: "Socially unacceptable behaviour" },
  { code: "N7", label: "Low income" },
  { code: "N8", label: "Absent parenting" },
  { code: "N9", label: "Cases other than children in need" },
  { code: "N0", label: "Not stated" },
] as const;

export type PrimaryNeedCode = (typeof PRIMARY_NEED_CODES)[number]["code"];
export const PRIMARY_NEED_CODE_VALUES = PRIMARY_NEED_CODES.map((n) => n.code) as [PrimaryNeedCode, ...PrimaryNeedCode[]];

const NEED_LABELS: Record<string, string> = Object.fromEntries(PRIMARY_NEED_CODES.map((n) => [n.code, n.label]));

export function primaryNeedLabel(code: string): string {
  return NEED_LABELS[code] ?? code;
}

/** A contact about a family not yet known names one to four children. */
export const MAX_NEW_CHILDREN = 4;

export const CONTACT_DECISIONS = ["NO_FURTHER_ACTION", "ADVICE", "EARLY_HELP", "SUPPORT", "REFERRAL"] as const;
export type ContactDecision = (typeof CONTACT_DECISIONS)[number];

export const CONTACT_DECISION_LABELS: Record<ContactDecision, string> = {
  NO_FURTHER_ACTION: "No further action",
  ADVICE: "Advice and information",
  EARLY_HELP: "Early help",
  SUPPORT: "Support (family keyworker)",
  REFERRAL: "Referral to children's social care",
};

export const CONTACT_DECISION_HINTS: Record<ContactDecision, string> = {
  NO_FURTHER_ACTION: "Nothing more is needed from the council",
  ADVICE: "Advice or signposting given; no case is opened",
  EARLY_HELP: "Opens an early help case for the family, or links their open case",
  SUPPORT: "Opens a Support case for the family, or links their open case",
  REFERRAL: "Opens a child in need case and a referral (CIN episode) for each child, or attaches to the family's open case",
};

/** Decisions that open a case for the family (or link its open case), and at which level. */
export const DECISION_LEVEL = { EARLY_HELP: "EARLY_HELP", SUPPORT: "SUPPORT", REFERRAL: "CHILD_IN_NEED" } as const;

export function opensCase(decision: ContactDecision): decision is keyof typeof DECISION_LEVEL {
  return decision in DECISION_LEVEL;
}
