// What the Children in Need census export takes, in plain values. Codes are strings (as stored), so
// the checker (check.ts) can say which ones are not 2025-26 codes; dates are ISO `yyyy-mm-dd`.
// Give every CIN episode a child has had (and each episode's modules): the export picks what falls in
// the census year (census-year.ts), joins overlapping episodes and leaves out end dates after 31 March.
// from-records.ts turns the product's records into this shape.
import type { IsoDate } from "@/lib/domain/dates";

export type CinCensusInput = {
  /** the year of 31 March: 2026 for the 2025-26 census (1 Apr 2025 – 31 Mar 2026) */
  year: number;
  header: CinCensusHeader;
  children: readonly CinCensusChild[];
};

export type CinCensusHeader = {
  /** LEA: the council's three-digit DfE local authority code */
  laCode: string;
  /** SoftwareCode, Release: the product writing the file */
  softwareCode?: string;
  release?: string;
  /** SerialNo: three digits or more; "001" unless given */
  serialNo?: string;
  /** DateTime: when the file was written, `yyyy-mm-ddThh:mm:ss` (left out when not given) */
  generatedAt?: string | null;
};

export type CinCensusChild = {
  /** LAchildID: the council's identifier for the child, up to 20 letters and digits */
  laChildId: string;
  /** UPN: the unique pupil number, when known */
  upn?: string | null;
  /** UPNunknown: UN1–UN7, why there is no UPN */
  upnUnknown?: string | null;
  /** PersonBirthDate; for an unborn child, ExpectedPersonBirthDate instead */
  dateOfBirth?: IsoDate | null;
  expectedDateOfBirth?: IsoDate | null;
  /** Sex: M, F or U */
  sex: string;
  /** PersonDeathDate */
  dateOfDeath?: IsoDate | null;
  /** Ethnicity */
  ethnicity: string;
  /** Disabilities: the census codes; NONE when the child has none; empty when not recorded */
  disabilities?: readonly string[];
  /** every CIN episode of the child (others than the year's are ignored) */
  episodes: readonly CinCensusEpisode[];
};

export type CinCensusEpisode = {
  /** CINreferralDate */
  referralDate: IsoDate;
  /** ReferralSource */
  referralSource: string;
  /** PrimaryNeedCode: N0–N9; may be left out only for a referral with no further action */
  primaryNeedCode?: string | null;
  /** CINclosureDate */
  closureDate?: IsoDate | null;
  /** ReasonForClosure: RC1–RC9 */
  reasonForClosure?: string | null;
  /** ReferralNFA: the referral ended with no further action */
  referralNfa: boolean;
  assessments?: readonly CinCensusAssessment[];
  cinPlans?: readonly CinCensusPlanDates[];
  section47s?: readonly CinCensusSection47[];
  cpPlans?: readonly CinCensusCpPlan[];
};

export type CinCensusAssessment = {
  /** AssessmentActualStartDate */
  startDate: IsoDate;
  /** AssessmentAuthorisationDate */
  authorisationDate?: IsoDate | null;
  /** FactorsIdentifiedAtAssessment */
  factors?: readonly string[];
};

export type CinCensusPlanDates = {
  /** CINPlanStartDate */
  startDate: IsoDate;
  /** CINPlanEndDate */
  endDate?: IsoDate | null;
};

export type CinCensusSection47 = {
  /** S47ActualStartDate */
  startDate: IsoDate;
  /** InitialCPCtarget: 15 working days from the strategy discussion */
  initialCpcTarget?: IsoDate | null;
  /** DateOfInitialCPC */
  initialCpcDate?: IsoDate | null;
  /** ICPCnotRequired */
  icpcNotRequired: boolean;
};

export type CinCensusCpPlan = {
  /** CPPstartDate */
  startDate: IsoDate;
  /** CPPendDate */
  endDate?: IsoDate | null;
  /** InitialCategoryOfAbuse, LatestCategoryOfAbuse: NEG PHY SAB EMO MUL */
  initialCategory?: string | null;
  latestCategory?: string | null;
  /** NumberOfPreviousCPP: the child's earlier child protection plans */
  previousPlans: number;
  /** CPPreviewDate: review conferences (those in the year are written) */
  reviewDates?: readonly IsoDate[];
};
