// What the SSDA903 export takes: one child at a time, in plain values. Codes are strings (as stored),
// so the checker (check.ts) can say which ones are not 2025-26 codes; dates are ISO `yyyy-mm-dd`.
// Build a child's episodes from the placement history with ssda903EpisodesFromPlacements
// (from-placements.ts).
import type { IsoDate } from "@/lib/domain/dates";

export type Ssda903Return = {
  /** the year of 31 March: 2026 for the 2025-26 return (1 Apr 2025 – 31 Mar 2026) */
  year: number;
  children: readonly Ssda903Child[];
};

export type Ssda903Child = {
  /** CHILD: the council's child identifier, letters and digits */
  childId: string;
  /** SEX: M, F or U */
  sex: string;
  /** DOB */
  dateOfBirth: IsoDate;
  /** ETHNIC */
  ethnicity: string;
  /** UPN: a unique pupil number, or UN1–UN5 when it is not known */
  upn: string;
  /** MOTHER: whether the child is herself a mother; null when not recorded */
  isMother?: boolean | null;
  /** MC_DOB: the date of birth of her (first) child */
  mothersChildDateOfBirth?: IsoDate | null;
  /** every episode of the child's care open at some time in the year (others are ignored) */
  episodes: readonly Ssda903Episode[];
  reviews?: readonly Ssda903Review[];
  socialWorkerEpisodes?: readonly Ssda903SocialWorkerEpisode[];
  missingEpisodes?: readonly Ssda903MissingEpisode[];
  /** set when the child was an unaccompanied asylum-seeking child at some time in the year */
  unaccompaniedAsylumSeeker?: { ceasedOn?: IsoDate | null } | null;
};

export type Ssda903Episode = {
  /** DECOM */
  startDate: IsoDate;
  /** RNE */
  reasonNewEpisode: string;
  /** LS */
  legalStatus: string;
  /** CIN */
  categoryOfNeed: string;
  /** PLACE */
  placeType: string;
  /** PLACE_PROVIDER: none for T0–T3 and Z11–Z14 */
  provider?: string | null;
  /** DEC */
  endDate?: IsoDate | null;
  /** REC: X1 when a new episode starts the same day, otherwise why care ended */
  reasonEnded?: string | null;
  /** REASON_PLACE_CHANGE */
  reasonPlaceChange?: string | null;
  /** HOME_POST */
  homePostcode?: string | null;
  /** PL_POST */
  placementPostcode?: string | null;
  /** URN: the provider's Ofsted unique reference number; XXXXXXX for a regional adoption agency */
  urn?: string | null;
  /** placed in Wales, Scotland, Northern Ireland or abroad: no Ofsted URN */
  placedOutsideEngland?: boolean;
};

export type Ssda903Review = {
  /** REVIEW */
  date: IsoDate;
  /** REVIEW_CODE: PN0–PN7 */
  participation: string;
};

export type Ssda903SocialWorkerEpisode = {
  /** SW_ID: the social worker's Social Work England registration number, "SW" and digits */
  socialWorkerId: string;
  /** SW_DECOM */
  startDate: IsoDate;
  /** SW_DEC */
  endDate?: IsoDate | null;
  /** SW_REASON: why the social worker changed to this one; blank for the child's first episode */
  reasonForChange?: string | null;
};

export type Ssda903MissingEpisode = {
  /** MISSING: M missing, A away from placement without authorisation */
  type: string;
  /** MIS_START */
  startDate: IsoDate;
  /** MIS_END */
  endDate?: IsoDate | null;
};
