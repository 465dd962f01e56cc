import { describe, expect, it } from "vitest";
import { checkCinCensus, hasProblems, type CinCensusCheck } from "./check";
import { amy, ben, sampleCensus } from "./testing/sample-census";
import type { CinCensusChild, CinCensusEpisode, CinCensusInput } from "./types";

const census = (...children: CinCensusChild[]): CinCensusInput => ({ ...sampleCensus, children });
const episode = amy.episodes[0]!;
const withEpisode = (changes: Partial<CinCensusEpisode>, child: CinCensusChild = amy): CinCensusChild => ({ ...child, episodes: [{ ...episode, ...changes }] });
/** The messages for one child. */
const messages = (check: CinCensusCheck, laChildId = "C001") => check.children.find((c) => c.laChildId === laChildId)?.problems.map((p) => p.message) ?? [];

describe("checking the CIN census", () => {
  it("finds nothing wrong with the sample", () => {
    const check = checkCinCensus(sampleCensus);
    expect(check).toEqual({ general: [], children: [] });
    expect(hasProblems(check)).toBe(false);
  });

  it("refuses a year it has no schema for, and a council without a three-digit LA code", () => {
    expect(checkCinCensus({ ...sampleCensus, year: 2025 }).general).toEqual([
      "This export writes the 2025-26 census (year 2026) only, because its schema and code lists are the 2025-26 ones. Year 2025 is not supported.",
    ]);
    expect(checkCinCensus({ ...sampleCensus, header: { laCode: "88" } }).general).toEqual([
      'The council\'s DfE local authority code "88" must be three digits. Ask your administrator to correct it.',
    ]);
  });

  it("says when no child is in the census: the schema needs one", () => {
    expect(checkCinCensus(census()).general).toEqual(["No child had a CIN episode open in the year, so there is nothing to return."]);
  });

  it("a missing referral source", () => {
    const check = checkCinCensus(census(withEpisode({ referralSource: "" })));
    expect(check.children).toEqual([{ laChildId: "C001", problems: [{ module: "Referral", message: "The referral of 1 May 2025: give who made the referral (ReferralSource)." }] }]);
  });

  it("a closure in the year without a reason RC1–RC9, or with a reason that is not one", () => {
    expect(messages(checkCinCensus(census(withEpisode({ closureDate: "2026-01-10", reasonForClosure: null, cpPlans: [], cinPlans: [] })))))
      .toEqual(["The referral of 1 May 2025: the episode closed on 10 Jan 2026 without a reason for closure. Record the reason (RC1–RC9)."]);
    expect(messages(checkCinCensus(census(withEpisode({ closureDate: "2026-01-10", reasonForClosure: "RC10", cpPlans: [], cinPlans: [] })))))
      .toEqual(['The referral of 1 May 2025: the reason for closure (RC1–RC9) "RC10" is not a 2025-26 census code.']);
    // closed after 31 March: the closure is not in this census, so neither is its reason
    expect(messages(checkCinCensus(census(withEpisode({ closureDate: "2026-04-10", reasonForClosure: null }))))).toEqual([]);
  });

  it("a child protection plan without a category of abuse, or with one outside the list", () => {
    const plan = episode.cpPlans![0]!;
    const check = checkCinCensus(census(withEpisode({ cpPlans: [{ ...plan, initialCategory: null, latestCategory: "CSE" }] })));
    expect(check.children[0]!.problems).toEqual([
      { module: "Child protection plan", message: "The child protection plan starting 5 Sept 2025 has no initial category of abuse. Record it (NEG, PHY, SAB, EMO or MUL)." },
      { module: "Child protection plan", message: 'The child protection plan starting 5 Sept 2025: the latest category of abuse "CSE" is not a 2025-26 census code.' },
    ]);
  });

  it("dates out of order", () => {
    const check = checkCinCensus(
      census(
        withEpisode({
          closureDate: "2025-04-20",
          reasonForClosure: "RC7",
          referralDate: "2025-05-01",
          assessments: [{ startDate: "2025-04-25", authorisationDate: "2025-04-24", factors: ["21"] }],
          cinPlans: [{ startDate: "2025-04-10", endDate: "2025-04-15" }],
          section47s: [],
          cpPlans: [],
        }),
      ),
    );
    expect(messages(check)).toEqual([
      "The referral of 1 May 2025: the closure date (CINclosureDate) (20 Apr 2025) is before the referral date (1 May 2025). Check the dates.",
      "The assessment starting 25 Apr 2025 (25 Apr 2025) is before the referral (1 May 2025). Check the dates, or record it on the right episode.",
      "The assessment starting 25 Apr 2025 (25 Apr 2025) is after the episode closed (20 Apr 2025). Check the dates.",
      "The assessment starting 25 Apr 2025: the authorisation date (AssessmentAuthorisationDate) (24 Apr 2025) is before the start date (25 Apr 2025). Check the dates.",
      "The assessment starting 25 Apr 2025: its authorisation (24 Apr 2025) is before the referral (1 May 2025). Check the dates, or record it on the right episode.",
      "The assessment starting 25 Apr 2025: its authorisation (24 Apr 2025) is after the episode closed (20 Apr 2025). Check the dates.",
      "The CIN plan starting 10 Apr 2025 (10 Apr 2025) is before the referral (1 May 2025). Check the dates, or record it on the right episode.",
      "The CIN plan starting 10 Apr 2025: its end (15 Apr 2025) is before the referral (1 May 2025). Check the dates, or record it on the right episode.",
    ]);
  });

  it("a plan that goes on after its episode closed, and a CP review outside its plan", () => {
    const plan = episode.cpPlans![0]!;
    const check = checkCinCensus(census(withEpisode({ closureDate: "2026-02-01", reasonForClosure: "RC7", cinPlans: [], cpPlans: [{ ...plan, endDate: "2025-11-01", reviewDates: ["2025-12-01"] }] })));
    expect(messages(check)).toEqual(["The child protection plan starting 5 Sept 2025: the review on 1 Dec 2025 is after the plan ended (1 Nov 2025)."]);
    const open = checkCinCensus(census(withEpisode({ closureDate: "2026-02-01", reasonForClosure: "RC7", cinPlans: [{ startDate: "2025-06-15" }] })));
    expect(messages(open)).toContain("The CIN plan starting 15 Jun 2025 has not ended, but the episode closed on 1 Feb 2026. End the plan.");
    expect(messages(open)).toContain("The child protection plan starting 5 Sept 2025 has not ended, but the episode closed on 1 Feb 2026. End the plan.");
  });

  it("a missing LAchildID, one that breaks the pattern, and one used twice", () => {
    expect(messages(checkCinCensus(census({ ...amy, laChildId: "" })), "(child 1, no identifier)")).toEqual(["Give the child's LA child identifier (LAchildID)."]);
    expect(messages(checkCinCensus(census({ ...amy, laChildId: "WX-0001" })), "WX-0001")).toEqual(['The LA child identifier (LAchildID) "WX-0001" must be 1 to 20 letters and digits only.']);
    expect(messages(checkCinCensus(census({ ...amy, laChildId: "A123456789012345678901" })), "A123456789012345678901")).toEqual([
      'The LA child identifier (LAchildID) "A123456789012345678901" must be 1 to 20 letters and digits only.',
    ]);
    const twice = checkCinCensus(census(amy, { ...ben, laChildId: "C001" }));
    expect(twice.children.map((c) => c.problems[0]!.message)).toEqual([
      'Another child in the census has the LA child identifier (LAchildID) "C001". Each child needs their own.',
      'Another child in the census has the LA child identifier (LAchildID) "C001". Each child needs their own.',
    ]);
  });

  it("the child's details: UPN, birth date, sex, ethnicity, disabilities", () => {
    const check = checkCinCensus(census({ ...amy, upn: "P201123456780", dateOfBirth: null, sex: "X", ethnicity: "", disabilities: ["NONE", "AUT", "WALK"] }));
    expect(messages(check)).toEqual([
      'The unique pupil number (UPN) "P201123456780" is not valid: check it, or remove it and give the reason it is not known.',
      "Give the child's date of birth, or the expected date of birth for an unborn child.",
      'The child: the sex (M, F or U) "X" is not a 2025-26 census code.',
      "The child: give the ethnicity.",
      'The child: the disability "WALK" is not a 2025-26 census code.',
      "The child is recorded both with no disability (NONE) and with AUT, WALK. Remove one.",
    ]);
    expect(messages(checkCinCensus(census({ ...amy, upn: null })))).toEqual(["Give the child's unique pupil number (UPN), or the reason it is not known (UN1–UN7)."]);
    expect(messages(checkCinCensus(census({ ...amy, upn: null, upnUnknown: "UN9" })))).toEqual(['The child: the reason the UPN is not known (UPNunknown) "UN9" is not a 2025-26 census code.']);
  });

  it("codes outside the 2025-26 lists, and the factors DfE no longer takes", () => {
    const check = checkCinCensus(
      census(withEpisode({ referralSource: "11", primaryNeedCode: "N10", assessments: [{ startDate: "2025-05-02", authorisationDate: "2025-06-01", factors: ["18A", "99Z"] }] })),
    );
    expect(messages(check)).toEqual([
      'The referral of 1 May 2025: the referral source "11" is not a 2025-26 census code.',
      'The referral of 1 May 2025: the primary need code "N10" is not a 2025-26 census code.',
      "The assessment starting 2 May 2025: factor 18A is no longer used; record 18B or 18C instead.",
      'The assessment starting 2 May 2025: the factor identified at assessment "99Z" is not a 2025-26 census code.',
    ]);
  });

  it("a primary need, except for a referral with no further action; factors on an authorised assessment", () => {
    expect(messages(checkCinCensus(census(withEpisode({ primaryNeedCode: null }))))).toEqual(["The referral of 1 May 2025: give the primary need code."]);
    expect(messages(checkCinCensus(census(withEpisode({ primaryNeedCode: null, referralNfa: true }))))).toEqual([]);
    expect(messages(checkCinCensus(census(withEpisode({ assessments: [{ startDate: "2025-05-02", authorisationDate: "2025-06-01" }] }))))).toEqual([
      "The assessment starting 2 May 2025 was authorised on 1 Jun 2025 but records no factors identified. Record them (21 if there were none).",
    ]);
  });

  it("a section 47 with a conference and 'conference not required', and dates that are not dates", () => {
    const check = checkCinCensus(census(withEpisode({ referralDate: "2025-02-30", section47s: [{ startDate: "2025-08-20", initialCpcDate: "2025-09-05", icpcNotRequired: true }] })));
    expect(messages(check)).toEqual([
      'The referral of "2025-02-30": the referral date (CINreferralDate) is not a real date.',
      'The section 47 enquiry starting 20 Aug 2025 is recorded both as "conference not required" and with a conference on 5 Sept 2025. Remove one.',
    ]);
  });

  it("checks only children in the census", () => {
    const closedLongAgo = withEpisode({ referralDate: "2023-01-01", closureDate: "2024-01-01", reasonForClosure: null, cpPlans: [], cinPlans: [] });
    expect(checkCinCensus(census(amy, { ...closedLongAgo, laChildId: "OLD1", ethnicity: "" })).children).toEqual([]);
  });
});
