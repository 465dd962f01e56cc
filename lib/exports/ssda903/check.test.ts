import { describe, expect, it } from "vitest";
import { checkSsda903Return, hasProblems } from "./check";
import { amy, ben, cara, sampleReturn } from "./testing/sample-return";
import type { Ssda903Child, Ssda903Episode } from "./types";

/** The problems the checker finds with one child, as "Table: message". */
function problems(child: Ssda903Child): string[] {
  const check = checkSsda903Return({ year: 2026, children: [child] });
  return check.children.flatMap((c) => c.problems.map((p) => `${p.table}: ${p.message}`));
}

/** Amy with one episode changed. */
const amyEpisode = (index: number, change: Partial<Ssda903Episode>): Ssda903Child => ({
  ...amy,
  episodes: amy.episodes.map((e, i) => (i === index ? { ...e, ...change } : e)),
});

describe("the sample return", () => {
  it("has no problems", () => {
    const check = checkSsda903Return(sampleReturn);
    expect(check).toEqual({ general: [], children: [] });
    expect(hasProblems(check)).toBe(false);
  });
});

describe("the return as a whole", () => {
  it("is only for 2025-26", () => {
    const check = checkSsda903Return({ ...sampleReturn, year: 2025 });
    expect(check.general).toEqual(["This export writes the 2025-26 return (year 2026) only, because its code lists are the 2025-26 ones. Year 2025 is not supported."]);
    expect(hasProblems(check)).toBe(true);
  });

  it("lists problems per child, and names a child with no identifier by position", () => {
    const check = checkSsda903Return({ year: 2026, children: [{ ...amy, sex: "1" }, ben, { ...cara, childId: "" }] });
    expect(check.children.map((c) => [c.childId, c.problems.map((p) => p.message)])).toEqual([
      ["(child 1, no identifier)", ["Give the child's identifier (CHILD)."]],
      ["C001", ['The child: the sex (SEX) "1" is not a 2025-26 code.']],
    ]);
  });
});

describe("Header problems", () => {
  it.each<[string, Partial<Ssda903Child>, string]>([
    ["a missing identifier", { childId: "" }, "Header: Give the child's identifier (CHILD)."],
    ["an identifier with other characters", { childId: "C-001" }, 'Header: The child\'s identifier (CHILD) "C-001" must be letters and digits only.'],
    ["a sex code from before 2024-25", { sex: "2" }, 'Header: The child: the sex (SEX) "2" is not a 2025-26 code.'],
    ["no ethnicity", { ethnicity: "" }, "Header: The child: give the ethnicity (ETHNIC)."],
    ["an ethnicity that is not a code", { ethnicity: "WHIT" }, 'Header: The child: the ethnicity (ETHNIC) "WHIT" is not a 2025-26 code.'],
    ["a date of birth that is not a date", { dateOfBirth: "2015-02-30" }, 'Header: The child\'s date of birth (DOB) "2015-02-30" is not a real date.'],
    ["a UPN with the wrong check letter", { upn: "A201123456789" }, 'Header: The unique pupil number (UPN) "A201123456789" is not valid: check it, or give UN1–UN5 when it is not known.'],
    ["an unknown-UPN code out of range", { upn: "UN6" }, 'Header: The unique pupil number (UPN) "UN6" is not valid: check it, or give UN1–UN5 when it is not known.'],
    ["no UPN", { upn: "" }, "Header: Give the child's unique pupil number (UPN), or UN1–UN5 when it is not known."],
    ["a mother with no date of birth for her child", { isMother: true }, "Header: The child is a mother: give her child's date of birth (MC_DOB)."],
    ["a child's date of birth but not a mother", { isMother: false, mothersChildDateOfBirth: "2025-12-01" }, "Header: A date of birth of the child's own child (MC_DOB) is given, but she is not recorded as a mother (MOTHER)."],
    ["her child born before her", { isMother: true, mothersChildDateOfBirth: "2010-01-01" }, "Header: Her child's date of birth (MC_DOB) must be after her own."],
  ])("%s", (_name, change, expected) => {
    expect(problems({ ...amy, ...change })).toContain(expected);
  });

  it("a boy recorded as a mother", () => {
    expect(problems({ ...ben, isMother: true, mothersChildDateOfBirth: "2025-12-01" })).toEqual(["Header: Only a girl can be recorded as a mother (MOTHER)."]);
  });

  it("a date of birth after the year", () => {
    // born 1 Apr 2026, after the year: the episodes start before the birth too
    expect(problems({ ...amy, dateOfBirth: "2026-04-01" })).toContain('Header: The child\'s date of birth (DOB) 1 Apr 2026 is after the end of the year.');
  });

  it("two children with the same identifier", () => {
    const check = checkSsda903Return({ year: 2026, children: [amy, { ...ben, childId: "C001" }] });
    expect(check.children.flatMap((c) => c.problems.map((p) => p.message))).toEqual([
      'Another child in the return has the identifier (CHILD) "C001". Each child needs their own.',
      'Another child in the return has the identifier (CHILD) "C001". Each child needs their own.',
    ]);
  });
});

describe("Episodes problems", () => {
  it.each<[string, Ssda903Child, string]>([
    ["a start that is not a date", amyEpisode(2, { startDate: "2025-09-31" }), 'Episodes: The episode starting "2025-09-31": the start date (DECOM) is not a real date.'],
    ["no reason for new episode", amyEpisode(2, { reasonNewEpisode: "" }), "Episodes: The episode starting 1 Sept 2025: give the reason for new episode (RNE)."],
    ["a reason for new episode that is not a code", amyEpisode(2, { reasonNewEpisode: "X" }), 'Episodes: The episode starting 1 Sept 2025: the reason for new episode (RNE) "X" is not a 2025-26 code.'],
    ["a legal status that is not a code", amyEpisode(2, { legalStatus: "V1" }), 'Episodes: The episode starting 1 Sept 2025: the legal status (LS) "V1" is not a 2025-26 code.'],
    ["a category of need outside N1–N8", amyEpisode(2, { categoryOfNeed: "N9" }), 'Episodes: The episode starting 1 Sept 2025: the category of need (CIN) "N9" is not a 2025-26 code.'],
    ["no category of need", amyEpisode(2, { categoryOfNeed: "" }), "Episodes: The episode starting 1 Sept 2025: give the category of need (CIN)."],
    ["Z1, replaced by Z11–Z14", amyEpisode(2, { placeType: "Z1" }), 'Episodes: The episode starting 1 Sept 2025: the placement type (PLACE) "Z1" is not a 2025-26 code.'],
    ["H5, withdrawn", amyEpisode(2, { placeType: "H5" }), 'Episodes: The episode starting 1 Sept 2025: the placement type (PLACE) "H5" is not a 2025-26 code.'],
    ["a provider for a Z12 placement", amyEpisode(2, { placeType: "Z12", urn: null }), "Episodes: The episode starting 1 Sept 2025: a Z12 placement takes no placement provider (PLACE_PROVIDER); remove PR4."],
    ["a provider for a T3 placement", amyEpisode(2, { placeType: "T3", urn: null }), "Episodes: The episode starting 1 Sept 2025: a T3 placement takes no placement provider (PLACE_PROVIDER); remove PR4."],
    ["no provider for a foster placement", amyEpisode(2, { provider: null }), "Episodes: The episode starting 1 Sept 2025: give the placement provider (PLACE_PROVIDER)."],
    ["a provider that is not a code", amyEpisode(2, { provider: "PR6" }), 'Episodes: The episode starting 1 Sept 2025: the placement provider (PLACE_PROVIDER) "PR6" is not a 2025-26 code.'],
    ["an end before the start", amyEpisode(2, { endDate: "2025-08-01", reasonEnded: "E8" }), "Episodes: The episode starting 1 Sept 2025 ends (DEC) on 1 Aug 2025, before it starts."],
    ["an end that is not a date", amyEpisode(2, { endDate: "01/12/2025", reasonEnded: "E8" }), 'Episodes: The episode starting 1 Sept 2025: the end date (DEC) "01/12/2025" is not a real date.'],
    ["an end in the year with no reason", amyEpisode(2, { endDate: "2026-02-01" }), "Episodes: The episode starting 1 Sept 2025: give the reason the episode ceased (REC)."],
    ["a reason it ceased that is not a code", amyEpisode(2, { endDate: "2026-02-01", reasonEnded: "E4" }), 'Episodes: The episode starting 1 Sept 2025: the reason the episode ceased (REC) "E4" is not a 2025-26 code.'],
    ["a reason it ceased but no end", amyEpisode(2, { reasonEnded: "E8" }), "Episodes: The episode starting 1 Sept 2025 has a reason it ceased (REC) but no end date (DEC): give the end date, or remove the reason."],
    ["a reason for placement change that is not a code", amyEpisode(1, { reasonPlaceChange: "BEHAV" }), 'Episodes: The episode starting 10 Jun 2025: the reason for placement change (REASON_PLACE_CHANGE) "BEHAV" is not a 2025-26 code.'],
    ["a reason for placement change on an open episode", amyEpisode(2, { reasonPlaceChange: "OTHER" }), "Episodes: The episode starting 1 Sept 2025 has not ended, so it takes no reason for placement change (REASON_PLACE_CHANGE); remove OTHER."],
    ["no reason for a change of placement", amyEpisode(1, { reasonPlaceChange: null }), "Episodes: The episode starting 10 Jun 2025: give the reason for placement change (REASON_PLACE_CHANGE); the next episode is a change of placement (RNE B)."],
    ["an open episode followed by another", amyEpisode(1, { endDate: null, reasonEnded: null, reasonPlaceChange: null }), "Episodes: The episode starting 10 Jun 2025 has no end date (DEC), but the episode starting 1 Sept 2025 follows it. End it on 1 Sept 2025."],
    ["overlapping episodes", amyEpisode(1, { endDate: "2025-09-10" }), "Episodes: The episode starting 10 Jun 2025 overlaps the episode starting 1 Sept 2025: it ends on 10 Sept 2025. Episodes must not overlap."],
    ["care ending on the day the next episode starts", amyEpisode(1, { reasonEnded: "E4A" }), "Episodes: The episode starting 10 Jun 2025 is followed by an episode starting the same day, so the reason it ceased (REC) is X1, not E4A."],
    ["a new period of care straight after the last", amyEpisode(2, { reasonNewEpisode: "S" }), "Episodes: The episode starting 1 Sept 2025 follows on from the one before without a break, so its reason for new episode (RNE) cannot be S."],
    ["X1 with a gap after it", amyEpisode(2, { startDate: "2025-09-05" }), "Episodes: The episode starting 10 Jun 2025 ceased with X1 (a new episode the same day), but the next episode starts on 5 Sept 2025."],
    ["a new period of care that is not S", amyEpisode(2, { startDate: "2025-09-05" }), "Episodes: The episode starting 5 Sept 2025 starts a new period of care, so its reason for new episode (RNE) is S, not B."],
    ["X1 on the last episode", amyEpisode(2, { endDate: "2026-01-10", reasonEnded: "X1" }), "Episodes: The episode starting 1 Sept 2025 ceased with X1 (a new episode the same day), but no episode starts on 10 Jan 2026."],
    ["no URN for a foster placement", amyEpisode(2, { urn: null }), "Episodes: The episode starting 1 Sept 2025: give the provider's Ofsted unique reference number (URN), or record that the child was placed outside England."],
    ["the regional adoption agency URN on a children's home", amyEpisode(2, { placeType: "K2", urn: "XXXXXXX" }), "Episodes: The episode starting 1 Sept 2025: URN XXXXXXX is only for adoption and foster placements through a regional adoption agency."],
    ["a URN with other characters", amyEpisode(2, { urn: "SC-987654" }), 'Episodes: The episode starting 1 Sept 2025: the URN "SC-987654" must be letters and digits only.'],
    ["a placement postcode that is not a postcode", amyEpisode(2, { placementPostcode: "XY98" }), 'Episodes: The episode starting 1 Sept 2025: the placement postcode (PL_POST) "XY98" is not a UK postcode.'],
    ["a home postcode that is not a postcode", amyEpisode(2, { homePostcode: "12345" }), 'Episodes: The episode starting 1 Sept 2025: the home postcode (HOME_POST) "12345" is not a UK postcode.'],
    ["an episode before the child was born", { ...amy, dateOfBirth: "2025-05-01", reviews: [] }, "Episodes: The episode starting 1 Apr 2025 starts before the child was born (1 May 2025)."],
  ])("%s", (_name, child, expected) => {
    expect(problems(child)).toContain(expected);
  });

  it("no URN is needed for a placement outside England, or for placement types without one", () => {
    expect(problems(amyEpisode(2, { urn: null, placedOutsideEngland: true }))).toEqual([]);
    expect(problems(amyEpisode(2, { urn: null, placeType: "P1", provider: "PR0" }))).toEqual([]);
  });

  it("a reason for placement change on a move into a temporary placement", () => {
    const episodes = cara.episodes.map((e, i) => (i === 1 ? { ...e, reasonPlaceChange: "OTHER" } : e));
    expect(problems({ ...cara, episodes })).toEqual([
      "Episodes: The episode starting 22 Jul 2025: moves into and out of temporary placements take no reason for placement change (REASON_PLACE_CHANGE); remove OTHER.",
    ]);
  });

  it("an end date after 31 March needs no reason yet, and episodes outside the year are not checked", () => {
    // Ben's second episode ends on 20 Apr 2026, after the year: it may have no REC yet.
    // An episode of 2023 with a withdrawn placement type (H5) is not in the return, so not checked.
    const old2023 = { ...ben.episodes[0]!, startDate: "2023-01-01", endDate: "2023-06-01", placeType: "H5" };
    const noReasonYet = ben.episodes.map((e, i) => (i === 1 ? { ...e, reasonEnded: null } : e));
    expect(problems({ ...ben, episodes: [old2023, ...noReasonYet] })).toEqual([]);
  });
});

describe("Reviews problems", () => {
  it.each<[string, Ssda903Child, string]>([
    ["a date that is not a date", { ...amy, reviews: [{ date: "2025-13-01", participation: "PN1" }] }, 'Reviews: The review on "2025-13-01": the date (REVIEW) is not a real date.'],
    ["a participation code that is not a code", { ...amy, reviews: [{ date: "2025-10-01", participation: "PN8" }] }, 'Reviews: The review on 1 Oct 2025: the code for how the child took part (REVIEW_CODE) "PN8" is not a 2025-26 code.'],
    ["PN0 for a 10-year-old", { ...amy, reviews: [{ date: "2025-10-01", participation: "PN0" }] }, "Reviews: The review on 1 Oct 2025: PN0 is only for children under 4; the child was 10. Say how they took part (PN1–PN7)."],
    ["a 2-year-old who is not PN0", { ...cara, reviews: [{ date: "2025-08-10", participation: "PN7" }] }, "Reviews: The review on 10 Aug 2025: the child was under 4, so the code (REVIEW_CODE) is PN0, not PN7."],
    ["a review when the child was not looked after", { ...cara, reviews: [{ date: "2026-02-10", participation: "PN0" }] }, "Reviews: The review on 10 Feb 2026 was held when the child was not looked after. Check its date."],
  ])("%s", (_name, child, expected) => {
    expect(problems(child)).toContain(expected);
  });
});

describe("SWEpisodes problems", () => {
  const amySw = (index: number, change: object): Ssda903Child => ({
    ...amy,
    socialWorkerEpisodes: amy.socialWorkerEpisodes!.map((e, i) => (i === index ? { ...e, ...change } : e)),
  });

  it.each<[string, Ssda903Child, string]>([
    ["an ID that does not start SW", amySw(1, { socialWorkerId: "67890" }), 'SWEpisodes: The social worker episode starting 1 Jul 2025: the social worker\'s ID (SW_ID) "67890" must be their Social Work England registration number: "SW" followed by digits.'],
    ["an ID with letters after SW", amySw(1, { socialWorkerId: "SWJONES" }), 'SWEpisodes: The social worker episode starting 1 Jul 2025: the social worker\'s ID (SW_ID) "SWJONES" must be their Social Work England registration number: "SW" followed by digits.'],
    ["no ID", amySw(1, { socialWorkerId: "" }), "SWEpisodes: The social worker episode starting 1 Jul 2025: give the social worker's ID (SW_ID)."],
    ["a start that is not a date", amySw(1, { startDate: "2025-07-32" }), 'SWEpisodes: The social worker episode starting "2025-07-32": the start date (SW_DECOM) is not a real date.'],
    ["an end before the start", amySw(1, { endDate: "2025-06-01" }), "SWEpisodes: The social worker episode starting 1 Jul 2025 ends (SW_DEC) on 1 Jun 2025, before it starts."],
    ["a reason that is not a code", amySw(1, { reasonForChange: "QUIT" }), 'SWEpisodes: The social worker episode starting 1 Jul 2025: the reason the social worker changed (SW_REASON) "QUIT" is not a 2025-26 code.'],
    ["no reason for a change", amySw(1, { reasonForChange: null }), "SWEpisodes: The social worker episode starting 1 Jul 2025: give the reason the social worker changed (SW_REASON)."],
    ["overlapping social workers", amySw(0, { endDate: "2025-08-01" }), "SWEpisodes: The social worker episode starting 1 Jan 2025 overlaps the social worker episode starting 1 Jul 2025: a child has one allocated social worker at a time. End the first on 1 Jul 2025."],
    ["no social worker at 31 March", amySw(1, { endDate: "2026-03-31" }), "SWEpisodes: The child was looked after on 31 Mar 2026 but no social worker episode is open then. Record their allocated social worker."],
  ])("%s", (_name, child, expected) => {
    expect(problems(child)).toContain(expected);
  });

  it("no social worker is needed at 31 March for a child whose care has ended, or who is on short breaks", () => {
    expect(problems({ ...cara, socialWorkerEpisodes: [] })).toEqual([]);
    const shortBreaks: Ssda903Child = {
      ...amy,
      episodes: [{ ...amy.episodes[0]!, legalStatus: "V3", endDate: null, reasonEnded: null }],
      socialWorkerEpisodes: [],
    };
    expect(problems(shortBreaks)).toEqual([]);
  });
});

describe("Missing and UASC problems", () => {
  it.each<[string, Ssda903Child, string]>([
    ["a missing type that is not a code", { ...amy, missingEpisodes: [{ type: "X", startDate: "2025-11-02" }] }, 'Missing: The missing episode starting 2 Nov 2025: the type (MISSING: M missing, A away without authorisation) "X" is not a 2025-26 code.'],
    ["a missing episode ending before it starts", { ...amy, missingEpisodes: [{ type: "A", startDate: "2025-11-02", endDate: "2025-11-01" }] }, "Missing: The missing episode starting 2 Nov 2025 ends (MIS_END) on 1 Nov 2025, before it starts."],
    ["a UASC end that is not a date", { ...ben, unaccompaniedAsylumSeeker: { ceasedOn: "2026-02-29" } }, 'UASC: The date the child stopped being an unaccompanied asylum seeker (DUC) "2026-02-29" is not a real date.'],
  ])("%s", (_name, child, expected) => {
    expect(problems(child)).toContain(expected);
  });
});
