// Test-only: a small, hand-made 2025-26 return (1 Apr 2025 – 31 Mar 2026) that passes every check.
// build.test.ts writes its expected CSV out literally; check.test.ts breaks it one thing at a time.
import type { PlacementHistory } from "@/lib/domain/placements";
import { ssda903EpisodesFromPlacements } from "../from-placements";
import type { Ssda903Child, Ssda903Return } from "../types";

/**
 * Amy: looked after from 1 Apr 2025 under s20 with in-house foster carers; an interim care order on
 * 10 Jun (legal status only); moved to an agency foster carer on 1 Sep because the carers asked,
 * over her behaviour. Two reviews in the year (and one the year before, left out); missing one night
 * in November; a new social worker in July, when the first left.
 */
export const amy: Ssda903Child = {
  childId: "C001",
  sex: "F",
  dateOfBirth: "2015-06-15",
  ethnicity: "WBRI",
  upn: "P201123456789",
  isMother: null,
  episodes: [
    { startDate: "2025-04-01", reasonNewEpisode: "S", legalStatus: "V2", categoryOfNeed: "N1", placeType: "U6", provider: "PR1", endDate: "2025-06-10", reasonEnded: "X1", homePostcode: "AB1 2CD", placementPostcode: "AB1 5EF", urn: "SC123456" },
    { startDate: "2025-06-10", reasonNewEpisode: "L", legalStatus: "C1", categoryOfNeed: "N1", placeType: "U6", provider: "PR1", endDate: "2025-09-01", reasonEnded: "X1", reasonPlaceChange: "CREQB", homePostcode: "AB1 2CD", placementPostcode: "AB1 5EF", urn: "SC123456" },
    { startDate: "2025-09-01", reasonNewEpisode: "B", legalStatus: "C1", categoryOfNeed: "N1", placeType: "U6", provider: "PR4", homePostcode: "ab1 2cd", placementPostcode: "XY9 8ZW", urn: "SC987654" },
  ],
  reviews: [
    { date: "2024-05-01", participation: "PN1" },
    { date: "2025-04-20", participation: "PN1" },
    { date: "2025-10-01", participation: "PN4" },
  ],
  socialWorkerEpisodes: [
    { socialWorkerId: "SW12345", startDate: "2025-01-01", endDate: "2025-07-01" },
    { socialWorkerId: "SW67890", startDate: "2025-07-01", reasonForChange: "LEFTRL" },
  ],
  missingEpisodes: [{ type: "M", startDate: "2025-11-02", endDate: "2025-11-03" }],
};

/**
 * Ben: an unaccompanied asylum seeker, looked after since 1 Nov 2024 in a private children's home,
 * moved at his own request to a voluntary-sector foster carer on 1 May 2025; he moves into supported
 * lodgings on 20 Apr 2026, after the year ends, so on 31 March his episode is still open. He stops
 * being an asylum-seeking child on his 18th birthday, 1 Feb 2027, also after the year.
 */
export const ben: Ssda903Child = {
  childId: "C002",
  sex: "M",
  dateOfBirth: "2009-02-01",
  ethnicity: "AOTH",
  upn: "UN5",
  isMother: false,
  episodes: [
    { startDate: "2024-11-01", reasonNewEpisode: "S", legalStatus: "V2", categoryOfNeed: "N8", placeType: "K2", provider: "PR4", endDate: "2025-05-01", reasonEnded: "X1", reasonPlaceChange: "CHILD", placementPostcode: "M1 1AE", urn: "SC555555" },
    { startDate: "2025-05-01", reasonNewEpisode: "B", legalStatus: "V2", categoryOfNeed: "N8", placeType: "U6", provider: "PR5", endDate: "2026-04-20", reasonEnded: "E5", placementPostcode: "M2 2BB", urn: "SC666666" },
  ],
  reviews: [{ date: "2025-05-20", participation: "PN2" }],
  socialWorkerEpisodes: [{ socialWorkerId: "SW24680", startDate: "2024-11-01" }],
  unaccompaniedAsylumSeeker: { ceasedOn: "2027-02-01" },
};

/**
 * Cara, aged 2, as the placement history records her (lib/domain/placements.ts): an emergency
 * protection order on 15 Jul 2025, an interim care order a week later, three nights in hospital in
 * August, back to the same in-house carers, home on 20 Jan 2026 as part of the care plan.
 */
export const caraHistory: PlacementHistory = {
  periods: [{ id: "p1", startDate: "2025-07-15", endDate: "2026-01-20", reasonEnded: "E4A", categoryOfNeed: "N1" }],
  episodes: [
    { id: "e1", startDate: "2025-07-15", endDate: "2025-07-22", placeType: "U6", provider: "PR1", carerId: "khan", legalStatus: "L2", reasonNewEpisode: "S", homePostcode: "AB2 3CD", placementPostcode: "AB4 5EF", urn: "SC111111" },
    { id: "e2", startDate: "2025-07-22", endDate: "2025-08-05", placeType: "U6", provider: "PR1", carerId: "khan", legalStatus: "C1", reasonNewEpisode: "L", homePostcode: "AB2 3CD", placementPostcode: "AB4 5EF", urn: "SC111111" },
    { id: "e3", startDate: "2025-08-05", endDate: "2025-08-08", placeType: "T1", provider: null, carerId: "hospital", legalStatus: "C1", reasonNewEpisode: "B", homePostcode: "AB2 3CD", placementPostcode: "AB9 9ZZ" },
    { id: "e4", startDate: "2025-08-08", endDate: "2026-01-20", placeType: "U6", provider: "PR1", carerId: "khan", legalStatus: "C1", reasonNewEpisode: "P", homePostcode: "AB2 3CD", placementPostcode: "AB4 5EF", urn: "SC111111" },
  ],
};

export const cara: Ssda903Child = {
  childId: "C003",
  sex: "F",
  dateOfBirth: "2023-01-10",
  ethnicity: "MWBA",
  upn: "UN1",
  episodes: ssda903EpisodesFromPlacements(caraHistory),
  reviews: [{ date: "2025-08-10", participation: "PN0" }],
  socialWorkerEpisodes: [{ socialWorkerId: "SW11111", startDate: "2025-07-15", endDate: "2026-01-20" }],
};

/** Dan left care in January 2024: nothing of his is in the 2025-26 return. */
export const dan: Ssda903Child = {
  childId: "C004",
  sex: "M",
  dateOfBirth: "2012-03-03",
  ethnicity: "WBRI",
  upn: "UN2",
  episodes: [{ startDate: "2023-05-01", reasonNewEpisode: "S", legalStatus: "V2", categoryOfNeed: "N4", placeType: "U6", provider: "PR1", endDate: "2024-01-01", reasonEnded: "E4A", urn: "SC111111" }],
  socialWorkerEpisodes: [{ socialWorkerId: "SW99999", startDate: "2023-05-01", endDate: "2024-01-01" }],
};

/** Out of CHILD order on purpose: the export sorts. */
export const sampleReturn: Ssda903Return = { year: 2026, children: [cara, dan, ben, amy] };
