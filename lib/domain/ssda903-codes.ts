// Code lists of the SSDA903 (children looked after) return for 2025-26, with labels for people. The
// app cannot read ../shared at run time, so these constants are the runtime source; a test
// (ssda903-codes.test.ts) checks them against the reference schema
// (../shared/reference/ssda903: the 2017 base with the 2019, 2022, 2024, 2025 and 2026 changes applied).
//
// Labels are the DfE descriptions in sentence case, shortened where they were long. Two decisions:
// - Z1 "Other placements" is not offered. The reference schema still lists it in 2025-26, but the
//   2025-26 code list (../shared/reference/README.md) has replaced it with Z11–Z14, and DfE's
//   validation rejects Z1 for 2025-26 (rule 146).
// - The reference set gives the codes Z11–Z14 but not their descriptions; their labels say only that
//   they are "other placements" until they are checked against the DfE 2025-26 guide.
import { PRIMARY_NEED_CODES } from "./referral-codes";

type CodeList = readonly { readonly code: string; readonly label: string }[];

/** The codes of a list as a non-empty tuple, ready for `z.enum(...)`. */
function codesOf<const L extends CodeList>(list: L): [L[number]["code"], ...L[number]["code"][]] {
  return list.map((item) => item.code) as [L[number]["code"], ...L[number]["code"][]];
}

/** The label of a code in a list, or the code itself when the list does not have it. */
export function codeLabel(list: CodeList, code: string | null | undefined): string {
  if (!code) return "—";
  return list.find((item) => item.code === code)?.label ?? code;
}

/** "T1 (Temporary period in hospital)": a code with its label, for selects and refusals. */
export function codeWithLabel(list: CodeList, code: string): string {
  const label = list.find((item) => item.code === code)?.label;
  return label ? `${code} (${label})` : code;
}

export function isCodeIn(list: CodeList, code: string | null | undefined): boolean {
  return !!code && list.some((item) => item.code === code);
}

// ---------------------------------------------------------------------------------------------
// Header and UASC

/** SEX (Header and UASC), from 2024-25: M, F or U. */
export const SEXES = [
  { code: "M", label: "Male" },
  { code: "F", label: "Female" },
  { code: "U", label: "Unknown" },
] as const;
export type Ssda903Sex = (typeof SEXES)[number]["code"];
export const SEX_CODES = codesOf(SEXES);

/** ETHNIC (Header). */
export const ETHNIC_ORIGINS = [
  { code: "WBRI", label: "White British" },
  { code: "WIRI", label: "White Irish" },
  { code: "WOTH", label: "Any other White background" },
  { code: "WIRT", label: "Traveller of Irish heritage" },
  { code: "WROM", label: "Gypsy/Roma" },
  { code: "MWBC", label: "White and Black Caribbean" },
  { code: "MWBA", label: "White and Black African" },
  { code: "MWAS", label: "White and Asian" },
  { code: "MOTH", label: "Any other Mixed background" },
  { code: "AIND", label: "Indian" },
  { code: "APKN", label: "Pakistani" },
  { code: "ABAN", label: "Bangladeshi" },
  { code: "AOTH", label: "Any other Asian background" },
  { code: "BCRB", label: "Caribbean" },
  { code: "BAFR", label: "African" },
  { code: "BOTH", label: "Any other Black background" },
  { code: "CHNE", label: "Chinese" },
  { code: "OOTH", label: "Any other ethnic group" },
  { code: "REFU", label: "Refused" },
  { code: "NOBT", label: "Information not yet obtained" },
] as const;
export type EthnicOrigin = (typeof ETHNIC_ORIGINS)[number]["code"];
export const ETHNIC_ORIGIN_CODES = codesOf(ETHNIC_ORIGINS);

// ---------------------------------------------------------------------------------------------
// Episodes

/** RNE: why a new episode started. An episode changes whenever the legal status or the placement does. */
export const REASONS_NEW_EPISODE = [
  { code: "S", label: "Started to be looked after" },
  { code: "L", label: "Change of legal status only" },
  { code: "P", label: "Change of placement (but not carer) only" },
  { code: "T", label: "Change of both legal status and placement (but not carer) at the same time" },
  { code: "B", label: "Change of placement and carer only" },
  { code: "U", label: "Change of legal status, placement and carer at the same time" },
] as const;
export type ReasonNewEpisode = (typeof REASONS_NEW_EPISODE)[number]["code"];
export const REASON_NEW_EPISODE_CODES = codesOf(REASONS_NEW_EPISODE);

/** LS: legal status. */
export const LEGAL_STATUSES = [
  { code: "C1", label: "Interim care order" },
  { code: "C2", label: "Full care order" },
  { code: "D1", label: "Freeing order granted" },
  { code: "E1", label: "Placement order granted" },
  { code: "V2", label: "Single period of accommodation under section 20 (Children Act 1989)" },
  { code: "V3", label: "Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded" },
  { code: "V4", label: "Accommodated under an agreed series of short-term breaks, when agreements are recorded (not individual episodes of care)" },
  { code: "L1", label: "Under police protection and in local authority accommodation" },
  { code: "L2", label: "Emergency protection order (EPO)" },
  { code: "L3", label: "Under child assessment order and in local authority accommodation" },
  { code: "J1", label: "Remanded to local authority accommodation or to youth detention accommodation" },
  { code: "J2", label: "Placed in local authority accommodation under the Police and Criminal Evidence Act 1984" },
  { code: "J3", label: "Sentenced to a youth rehabilitation order with a residence or intensive fostering requirement" },
] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number]["code"];
export const LEGAL_STATUS_CODES = codesOf(LEGAL_STATUSES);

/** Legal statuses of a child accommodated under an agreed series of short breaks (respite). */
export const SHORT_BREAK_LEGAL_STATUSES = ["V3", "V4"] as const satisfies readonly LegalStatus[];

export function isShortBreak(legalStatus: string): boolean {
  return (SHORT_BREAK_LEGAL_STATUSES as readonly string[]).includes(legalStatus);
}

/** CIN: category of need, N1–N8 (the CIN census primary need codes without N0 and N9). */
export const CATEGORIES_OF_NEED = PRIMARY_NEED_CODES.filter(
  (n): n is Extract<(typeof PRIMARY_NEED_CODES)[number], { code: "N1" | "N2" | "N3" | "N4" | "N5" | "N6" | "N7" | "N8" }> =>
    n.code !== "N0" && n.code !== "N9",
);
export type CategoryOfNeed = (typeof CATEGORIES_OF_NEED)[number]["code"];
export const CATEGORY_OF_NEED_CODES = codesOf(CATEGORIES_OF_NEED);

/** PLACE: placement type, 2025-26. */
export const PLACEMENT_TYPES = [
  { code: "A3", label: "Placed for adoption with consent with current foster carer(s)" },
  { code: "A4", label: "Placed for adoption with consent, not with current foster carer(s)" },
  { code: "A5", label: "Placed for adoption with a placement order with current foster carer(s)" },
  { code: "A6", label: "Placed for adoption with a placement order, not with current foster carer(s)" },
  { code: "K1", label: "Secure children's home" },
  { code: "K2", label: "Children's home subject to Children's Homes Regulations" },
  { code: "K3", label: "Supported accommodation registered with Ofsted" },
  { code: "P1", label: "Placed with own parent(s) or other person(s) with parental responsibility" },
  { code: "P3", label: "Residential employment" },
  { code: "R1", label: "Residential care home" },
  { code: "R2", label: "NHS or health trust or other establishment providing medical or nursing care" },
  { code: "R3", label: "Family centre or mother and baby unit" },
  { code: "R5", label: "Young offender institution or prison" },
  { code: "S1", label: "Residential school, except where dual-registered as a school and children's home" },
  { code: "T0", label: "Temporary move of any type" },
  { code: "T1", label: "Temporary period in hospital" },
  { code: "T2", label: "Temporary absence of the child on holiday" },
  { code: "T3", label: "Temporary accommodation while the normal foster carer(s) are on holiday" },
  { code: "T4", label: "Temporary accommodation of seven days or less, for any reason not covered by T1 to T3" },
  { code: "U1", label: "Foster placement with relative(s) or friend(s) – long-term fostering" },
  { code: "U2", label: "Foster placement with relative(s) or friend(s) who are also approved adopters – fostering for adoption or concurrent planning" },
  { code: "U3", label: "Foster placement with relative(s) or friend(s) – not long-term, fostering for adoption or concurrent planning" },
  { code: "U4", label: "Foster placement with other foster carer(s) – long-term fostering" },
  { code: "U5", label: "Foster placement with other foster carer(s) who are also approved adopters – fostering for adoption or concurrent planning" },
  { code: "U6", label: "Foster placement with other foster carer(s) – not long-term, fostering for adoption or concurrent planning" },
  { code: "Z11", label: "Other placement (Z11)" },
  { code: "Z12", label: "Other placement (Z12)" },
  { code: "Z13", label: "Other placement (Z13)" },
  { code: "Z14", label: "Other placement (Z14)" },
] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number]["code"];
export const PLACEMENT_TYPE_CODES = codesOf(PLACEMENT_TYPES);

/** Foster placements (U1–U6): what "fostering" means for the in-house share. */
export const FOSTERING_PLACEMENT_TYPES = ["U1", "U2", "U3", "U4", "U5", "U6"] as const satisfies readonly PlacementType[];
/** Placed for adoption (A3–A6). */
export const ADOPTION_PLACEMENT_TYPES = ["A3", "A4", "A5", "A6"] as const satisfies readonly PlacementType[];
/** Temporary moves (T0–T4): the child returns to the placement they left. */
export const TEMPORARY_PLACEMENT_TYPES = ["T0", "T1", "T2", "T3", "T4"] as const satisfies readonly PlacementType[];
/**
 * Placement types that take no PLACE_PROVIDER (../shared/reference/README.md; DfE rule 178):
 * T0–T3 and Z11–Z14.
 */
export const PLACEMENT_TYPES_WITHOUT_PROVIDER = ["T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"] as const satisfies readonly PlacementType[];

export const isFostering = (place: string) => (FOSTERING_PLACEMENT_TYPES as readonly string[]).includes(place);
export const isPlacedForAdoption = (place: string) => (ADOPTION_PLACEMENT_TYPES as readonly string[]).includes(place);
export const isTemporaryPlacement = (place: string) => (TEMPORARY_PLACEMENT_TYPES as readonly string[]).includes(place);
/** Whether a placement of this type must have a provider (PR0–PR5); otherwise it must have none. */
export const takesProvider = (place: string) => !(PLACEMENT_TYPES_WITHOUT_PROVIDER as readonly string[]).includes(place);

/** PLACE_PROVIDER: who provides the placement. */
export const PLACEMENT_PROVIDERS = [
  { code: "PR0", label: "Parent(s) or other person(s) with parental responsibility" },
  { code: "PR1", label: "Own provision (by the council)" },
  { code: "PR2", label: "Other local authority provision" },
  { code: "PR3", label: "Other public provision (for example, by the NHS)" },
  { code: "PR4", label: "Private provision" },
  { code: "PR5", label: "Voluntary or third sector provision" },
] as const;
export type PlacementProvider = (typeof PLACEMENT_PROVIDERS)[number]["code"];
export const PLACEMENT_PROVIDER_CODES = codesOf(PLACEMENT_PROVIDERS);

/** The council's own provision: in-house foster carers, homes and so on. */
export const OWN_PROVISION: PlacementProvider = "PR1";
/** Agency providers: a foster placement with one of these is an independent fostering agency (IFA) placement. */
export const AGENCY_PROVIDERS = ["PR4", "PR5"] as const satisfies readonly PlacementProvider[];

/** REC: why an episode ceased. X1 means the child stayed looked after and a new episode began the same day. */
export const REASONS_EPISODE_CEASED = [
  { code: "X1", label: "Episode ceased and a new episode began on the same day" },
  { code: "E11", label: "Adopted – application for an adoption order unopposed" },
  { code: "E12", label: "Adopted – consent dispensed with by the court" },
  { code: "E2", label: "Died" },
  { code: "E3", label: "Care taken over by another local authority in the UK" },
  { code: "E4A", label: "Returned home to parent(s) or others with parental responsibility as part of the care planning process" },
  { code: "E4B", label: "Returned home to parent(s) or others with parental responsibility, not part of the current care planning process" },
  { code: "E13", label: "Left care to live with parent(s), relative(s) or others with no parental responsibility" },
  { code: "E41", label: "Residence order or child arrangements order granted" },
  { code: "E45", label: "Special guardianship order made to former foster carer(s) who are relatives or friends" },
  { code: "E46", label: "Special guardianship order made to former foster carer(s) other than relatives or friends" },
  { code: "E47", label: "Special guardianship order made to carer(s), not former foster carers, who are relatives or friends" },
  { code: "E48", label: "Special guardianship order made to carer(s), not former foster carers, other than relatives or friends" },
  { code: "E5", label: "Moved into independent living with supportive accommodation" },
  { code: "E6", label: "Moved into independent living with no formalised advice or support" },
  { code: "E7", label: "Transferred to residential care funded by adult social care services" },
  { code: "E9", label: "Sentenced to custody" },
  { code: "E14", label: "Accommodation on remand ended" },
  { code: "E15", label: "Age assessment found the child is 18 or over" },
  { code: "E16", label: "Child moved abroad" },
  { code: "E17", label: "Aged 18 or over and stayed with current carers (including staying put)" },
  { code: "E8", label: "Stopped being looked after for any other reason" },
] as const;
export type ReasonEpisodeCeased = (typeof REASONS_EPISODE_CEASED)[number]["code"];
export const REASON_EPISODE_CEASED_CODES = codesOf(REASONS_EPISODE_CEASED);
/** The REC of an episode followed by another on the same day (the child stays looked after). */
export const EPISODE_CONTINUES: ReasonEpisodeCeased = "X1";
/** REC codes that end a period of care: every code but X1. */
export const REASONS_CARE_ENDED = REASONS_EPISODE_CEASED.filter((r) => r.code !== "X1");
export type ReasonCareEnded = Exclude<ReasonEpisodeCeased, "X1">;

/** REASON_PLACE_CHANGE: why a placement ended when the child moved to another. */
export const REASONS_PLACE_CHANGE = [
  { code: "CARPL", label: "Change to or implementation of the care plan" },
  { code: "CLOSE", label: "Resignation or closure of the provision" },
  { code: "ALLEG", label: "Allegation (section 47)" },
  { code: "STAND", label: "Standards of care concern" },
  { code: "APPRR", label: "Approval removed" },
  { code: "CREQB", label: "Carer(s) asked for the placement to end because of the child's behaviour" },
  { code: "CREQO", label: "Carer(s) asked for the placement to end for another reason" },
  { code: "CHILD", label: "Child asked for the placement to end" },
  { code: "LAREQ", label: "Responsible or area authority asked for the placement to end" },
  { code: "PLACE", label: "Change in the status of the placement only" },
  { code: "CUSTOD", label: "Custody arrangement" },
  { code: "OTHER", label: "Other" },
] as const;
export type ReasonPlaceChange = (typeof REASONS_PLACE_CHANGE)[number]["code"];
export const REASON_PLACE_CHANGE_CODES = codesOf(REASONS_PLACE_CHANGE);

// ---------------------------------------------------------------------------------------------
// Reviews, social worker episodes, missing

/** REVIEW_CODE: how the child took part in their looked-after review. */
export const REVIEW_PARTICIPATION = [
  { code: "PN0", label: "Child aged under 4 at the time of the review" },
  { code: "PN1", label: "Child attended and spoke for themselves" },
  { code: "PN2", label: "Child attended and an advocate spoke on their behalf" },
  { code: "PN3", label: "Child attended and conveyed their views symbolically (non-verbally)" },
  { code: "PN4", label: "Child attended but did not speak, convey their views symbolically or ask an advocate to speak for them" },
  { code: "PN5", label: "Child did not attend but briefed an advocate to speak for them" },
  { code: "PN6", label: "Child did not attend but conveyed their feelings to the review by a facilitative medium" },
  { code: "PN7", label: "Child did not attend and their views were not conveyed to the review" },
] as const;
export type ReviewParticipation = (typeof REVIEW_PARTICIPATION)[number]["code"];
export const REVIEW_PARTICIPATION_CODES = codesOf(REVIEW_PARTICIPATION);

/** SW_REASON: why the child's social worker changed (SWEpisodes, from 2023-24). */
export const SOCIAL_WORKER_CHANGE_REASONS = [
  { code: "MANAGE", label: "Management decision" },
  { code: "FCONTA", label: "Fixed-term contract ended" },
  { code: "LEFTRL", label: "Social worker left the role" },
  { code: "ORGRST", label: "Organisational restructure" },
  { code: "TSPROC", label: "Transfer between teams as part of the usual process" },
  { code: "ABSENC", label: "Social worker absence" },
  { code: "CHCHAN", label: "Change requested by the child or family" },
  { code: "PCCHAN", label: "Change in the child's circumstances or placement" },
  { code: "SWDIED", label: "Social worker died" },
  { code: "OTHERS", label: "Other" },
] as const;
export type SocialWorkerChangeReason = (typeof SOCIAL_WORKER_CHANGE_REASONS)[number]["code"];
export const SOCIAL_WORKER_CHANGE_REASON_CODES = codesOf(SOCIAL_WORKER_CHANGE_REASONS);

/** MISSING (Missing table). */
export const MISSING_TYPES = [
  { code: "M", label: "Missing" },
  { code: "A", label: "Away from placement without authorisation" },
] as const;
export type MissingType = (typeof MISSING_TYPES)[number]["code"];
export const MISSING_TYPE_CODES = codesOf(MISSING_TYPES);

// ---------------------------------------------------------------------------------------------

/** The CSV tables the export writes. */
export type Ssda903Table = "Header" | "Episodes" | "Reviews" | "UASC" | "Missing" | "SWEpisodes";

/** Which code list each coded column of the export takes its values from. */
export const SSDA903_CODED_COLUMNS: readonly { table: Ssda903Table; column: string; list: CodeList }[] = [
  { table: "Header", column: "SEX", list: SEXES },
  { table: "Header", column: "ETHNIC", list: ETHNIC_ORIGINS },
  { table: "Episodes", column: "RNE", list: REASONS_NEW_EPISODE },
  { table: "Episodes", column: "LS", list: LEGAL_STATUSES },
  { table: "Episodes", column: "CIN", list: CATEGORIES_OF_NEED },
  { table: "Episodes", column: "PLACE", list: PLACEMENT_TYPES },
  { table: "Episodes", column: "PLACE_PROVIDER", list: PLACEMENT_PROVIDERS },
  { table: "Episodes", column: "REC", list: REASONS_EPISODE_CEASED },
  { table: "Episodes", column: "REASON_PLACE_CHANGE", list: REASONS_PLACE_CHANGE },
  { table: "Reviews", column: "REVIEW_CODE", list: REVIEW_PARTICIPATION },
  { table: "UASC", column: "SEX", list: SEXES },
  { table: "SWEpisodes", column: "SW_REASON", list: SOCIAL_WORKER_CHANGE_REASONS },
  { table: "Missing", column: "MISSING", list: MISSING_TYPES },
];
