// A small hand-made census for the 2025-26 year, used by the unit tests. Every child is there for a
// reason given beside them; build.test.ts holds the XML it must produce, written out in full.
import type { CinCensusChild, CinCensusInput } from "../types";

/** In the year from the start: every module, one disability list, a CP review after the year. */
export const amy: CinCensusChild = {
  laChildId: "C001",
  upn: "P201123456789",
  dateOfBirth: "2015-06-15",
  sex: "F",
  ethnicity: "WBRI",
  disabilities: ["AUT", "LD"],
  episodes: [
    {
      referralDate: "2025-05-01",
      referralSource: "2A",
      primaryNeedCode: "N1",
      referralNfa: false,
      assessments: [{ startDate: "2025-05-02", authorisationDate: "2025-06-10", factors: ["3A", "4B", "3A"] }],
      cinPlans: [{ startDate: "2025-06-15", endDate: "2025-09-01" }],
      section47s: [{ startDate: "2025-08-20", initialCpcTarget: "2025-09-11", initialCpcDate: "2025-09-05", icpcNotRequired: false }],
      cpPlans: [{ startDate: "2025-09-05", initialCategory: "NEG", latestCategory: "EMO", previousPlans: 1, reviewDates: ["2026-06-01", "2025-12-01"] }],
    },
  ],
};

/** Referred the year before and closed in May; re-referred in February, no further action. No UPN: under 6. */
export const ben: CinCensusChild = {
  laChildId: "C002",
  upn: null,
  upnUnknown: "UN6",
  dateOfBirth: "2022-01-10",
  sex: "M",
  ethnicity: "MWBA",
  episodes: [
    {
      referralDate: "2026-02-10",
      referralSource: "1A",
      closureDate: "2026-02-10",
      reasonForClosure: "RC8",
      referralNfa: true,
    },
    {
      referralDate: "2024-11-01",
      referralSource: "6",
      primaryNeedCode: "N4",
      closureDate: "2025-05-20",
      reasonForClosure: "RC7",
      referralNfa: false,
      // authorised before the year: not in the census
      assessments: [{ startDate: "2024-11-03", authorisationDate: "2024-12-20", factors: ["21"] }],
      cinPlans: [{ startDate: "2025-01-01", endDate: "2025-05-20" }],
    },
  ],
};

/** Closed before the year: not in the census. */
export const cara: CinCensusChild = {
  laChildId: "C003",
  upn: "A123456789012",
  dateOfBirth: "2012-03-01",
  sex: "F",
  ethnicity: "AIND",
  episodes: [{ referralDate: "2023-01-01", referralSource: "3A", primaryNeedCode: "N5", closureDate: "2024-06-01", reasonForClosure: "RC7", referralNfa: false }],
};

/**
 * Two overlapping referrals, joined into one episode; it closes after 31 March, so the closure (and
 * the assessment's authorisation) is left out. Unborn when referred: an expected date of birth.
 */
export const dan: CinCensusChild = {
  laChildId: "C004",
  upn: null,
  upnUnknown: "UN6",
  expectedDateOfBirth: "2026-06-20",
  sex: "U",
  ethnicity: "NOBT",
  episodes: [
    { referralDate: "2025-12-01", referralSource: "3B", primaryNeedCode: "N2", closureDate: "2026-04-10", reasonForClosure: "RC7", referralNfa: false },
    {
      referralDate: "2026-01-15",
      referralSource: "5D",
      primaryNeedCode: "N3",
      referralNfa: false,
      closureDate: "2026-01-30",
      reasonForClosure: "RC9",
      assessments: [{ startDate: "2026-01-16", authorisationDate: "2026-04-02", factors: ["21"] }],
      section47s: [{ startDate: "2026-03-20", initialCpcTarget: "2026-04-14", icpcNotRequired: false }],
    },
  ],
};

export const sampleCensus: CinCensusInput = {
  year: 2026,
  header: { laCode: "881", release: "1.0", serialNo: "001", generatedAt: "2026-05-01T09:30:00" },
  children: [dan, cara, ben, amy],
};
