// Checks an SSDA903 return before it is written, and lists the problems per child in plain English,
// saying what to fix. The builder (build.ts) refuses to write while there are any. The checks are the
// ones that make a file unusable or wrong: codes outside the 2025-26 lists, missing or impossible
// dates, overlapping episodes, episodes that do not join up, provider and URN rules, social worker IDs.
// They are not all of DfE's validation rules.
import { ageOn, formatDate, isIsoDate } from "@/lib/domain/dates";
import { isValidUpn } from "@/lib/domain/identifiers";
import {
  CATEGORIES_OF_NEED,
  ETHNIC_ORIGINS,
  LEGAL_STATUSES,
  MISSING_TYPES,
  PLACEMENT_PROVIDERS,
  PLACEMENT_TYPES,
  REASONS_EPISODE_CEASED,
  REASONS_NEW_EPISODE,
  REASONS_PLACE_CHANGE,
  REVIEW_PARTICIPATION,
  SEXES,
  SOCIAL_WORKER_CHANGE_REASONS,
  isCodeIn,
  isShortBreak,
  isTemporaryPlacement,
  takesProvider,
  type Ssda903Table,
} from "@/lib/domain/ssda903-codes";
import {
  SUPPORTED_YEARS,
  childrenInReturn,
  collectionPeriod,
  endAsAtYearEnd,
  episodesInYear,
  missingEpisodesInYear,
  reviewsInYear,
  socialWorkerEpisodesInYear,
  uascInYear,
} from "./collection-year";
import type { Ssda903Child, Ssda903Episode, Ssda903Return } from "./types";

export type Ssda903Problem = { table: Ssda903Table; message: string };
export type ChildProblems = { childId: string; problems: Ssda903Problem[] };
/** `general`: problems with the return as a whole; `children`: only children with problems. */
export type Ssda903Check = { general: string[]; children: ChildProblems[] };

export function hasProblems(check: Ssda903Check): boolean {
  return check.general.length > 0 || check.children.length > 0;
}

/** Placement types that need no Ofsted URN (DfE rule 218). */
const NO_URN_NEEDED = ["P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"];
/** "XXXXXXX" stands for a regional adoption agency: only for adoption and foster placements (rule 242). */
const REGIONAL_ADOPTION_AGENCY_URN = "XXXXXXX";
const RAA_PLACEMENT_TYPES = ["A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"];
/** RNE codes that mean a change of placement. */
const PLACEMENT_CHANGES = ["P", "T", "B", "U"];

const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;
const ALPHANUMERIC = /^[A-Za-z0-9]+$/;
const SOCIAL_WORKER_ID = /^SW\d+$/;
const UPN_UNKNOWN = /^UN[1-5]$/;

const show = (date: string | null | undefined) => (date && isIsoDate(date) ? formatDate(date) : `"${date ?? ""}"`);

type CodeList = readonly { code: string; label: string }[];

/** Pushes a problem when a coded value is missing (and required) or not in the list. */
function checkCode(add: (message: string) => void, subject: string, value: string | null | undefined, list: CodeList, what: string, required: boolean) {
  if (!value) {
    if (required) add(`${subject}: give the ${what}.`);
  } else if (!isCodeIn(list, value)) {
    add(`${subject}: the ${what} "${value}" is not a 2025-26 code.`);
  }
}

function checkHeader(child: Ssda903Child, add: (table: Ssda903Table, message: string) => void, duplicates: Set<string>, periodEnd: string) {
  const header = (m: string) => add("Header", m);
  if (!child.childId) header("Give the child's identifier (CHILD).");
  else if (!ALPHANUMERIC.test(child.childId)) header(`The child's identifier (CHILD) "${child.childId}" must be letters and digits only.`);
  if (duplicates.has(child.childId)) header(`Another child in the return has the identifier (CHILD) "${child.childId}". Each child needs their own.`);
  checkCode(header, "The child", child.sex, SEXES, "sex (SEX)", true);
  checkCode(header, "The child", child.ethnicity, ETHNIC_ORIGINS, "ethnicity (ETHNIC)", true);
  if (!isIsoDate(child.dateOfBirth)) header(`The child's date of birth (DOB) ${show(child.dateOfBirth)} is not a real date.`);
  else if (child.dateOfBirth > periodEnd) header(`The child's date of birth (DOB) ${show(child.dateOfBirth)} is after the end of the year.`);
  if (!child.upn) header("Give the child's unique pupil number (UPN), or UN1–UN5 when it is not known.");
  else if (!isValidUpn(child.upn) && !UPN_UNKNOWN.test(child.upn)) {
    header(`The unique pupil number (UPN) "${child.upn}" is not valid: check it, or give UN1–UN5 when it is not known.`);
  }
  if (child.isMother && child.sex !== "F") header("Only a girl can be recorded as a mother (MOTHER).");
  if (child.isMother && !child.mothersChildDateOfBirth) header("The child is a mother: give her child's date of birth (MC_DOB).");
  if (!child.isMother && child.mothersChildDateOfBirth) header("A date of birth of the child's own child (MC_DOB) is given, but she is not recorded as a mother (MOTHER).");
  if (child.mothersChildDateOfBirth) {
    if (!isIsoDate(child.mothersChildDateOfBirth)) header(`Her child's date of birth (MC_DOB) ${show(child.mothersChildDateOfBirth)} is not a real date.`);
    else if (isIsoDate(child.dateOfBirth) && child.mothersChildDateOfBirth <= child.dateOfBirth) header("Her child's date of birth (MC_DOB) must be after her own.");
  }
}

function checkEpisodes(child: Ssda903Child, episodes: Ssda903Episode[], periodEnd: string, add: (message: string) => void) {
  episodes.forEach((e, i) => {
    const subject = `The episode starting ${show(e.startDate)}`;
    const next = episodes[i + 1];
    if (!isIsoDate(e.startDate)) add(`${subject}: the start date (DECOM) is not a real date.`);
    else if (isIsoDate(child.dateOfBirth) && e.startDate < child.dateOfBirth) add(`${subject} starts before the child was born (${show(child.dateOfBirth)}).`);
    checkCode(add, subject, e.reasonNewEpisode, REASONS_NEW_EPISODE, "reason for new episode (RNE)", true);
    checkCode(add, subject, e.legalStatus, LEGAL_STATUSES, "legal status (LS)", true);
    checkCode(add, subject, e.categoryOfNeed, CATEGORIES_OF_NEED, "category of need (CIN)", true);
    checkCode(add, subject, e.placeType, PLACEMENT_TYPES, "placement type (PLACE)", true);

    if (e.placeType && !takesProvider(e.placeType)) {
      if (e.provider) add(`${subject}: a ${e.placeType} placement takes no placement provider (PLACE_PROVIDER); remove ${e.provider}.`);
    } else {
      checkCode(add, subject, e.provider, PLACEMENT_PROVIDERS, "placement provider (PLACE_PROVIDER)", true);
    }

    if (e.endDate && !isIsoDate(e.endDate)) add(`${subject}: the end date (DEC) ${show(e.endDate)} is not a real date.`);
    else if (e.endDate && e.endDate < e.startDate) add(`${subject} ends (DEC) on ${show(e.endDate)}, before it starts.`);
    const endInYear = e.endDate && e.endDate <= periodEnd;
    if (endInYear) checkCode(add, subject, e.reasonEnded, REASONS_EPISODE_CEASED, "reason the episode ceased (REC)", true);
    if (!e.endDate && e.reasonEnded) add(`${subject} has a reason it ceased (REC) but no end date (DEC): give the end date, or remove the reason.`);
    checkCode(add, subject, e.reasonPlaceChange, REASONS_PLACE_CHANGE, "reason for placement change (REASON_PLACE_CHANGE)", false);
    if (!e.endDate && e.reasonPlaceChange) add(`${subject} has not ended, so it takes no reason for placement change (REASON_PLACE_CHANGE); remove ${e.reasonPlaceChange}.`);

    // joining up with the next episode
    if (next) {
      const nextSubject = `the episode starting ${show(next.startDate)}`;
      if (!e.endDate) {
        add(`${subject} has no end date (DEC), but ${nextSubject} follows it. End it on ${show(next.startDate)}.`);
      } else if (next.startDate < e.endDate) {
        add(`${subject} overlaps ${nextSubject}: it ends on ${show(e.endDate)}. Episodes must not overlap.`);
      } else if (next.startDate === e.endDate) {
        if (endInYear && e.reasonEnded && e.reasonEnded !== "X1") add(`${subject} is followed by an episode starting the same day, so the reason it ceased (REC) is X1, not ${e.reasonEnded}.`);
        if (next.reasonNewEpisode === "S") add(`The episode starting ${show(next.startDate)} follows on from the one before without a break, so its reason for new episode (RNE) cannot be S.`);
        const temporary = isTemporaryPlacement(e.placeType) || isTemporaryPlacement(next.placeType);
        if (endInYear && PLACEMENT_CHANGES.includes(next.reasonNewEpisode) && !temporary && !e.reasonPlaceChange) {
          add(`${subject}: give the reason for placement change (REASON_PLACE_CHANGE); the next episode is a change of placement (RNE ${next.reasonNewEpisode}).`);
        }
        if (temporary && e.reasonPlaceChange) add(`${subject}: moves into and out of temporary placements take no reason for placement change (REASON_PLACE_CHANGE); remove ${e.reasonPlaceChange}.`);
      } else {
        if (e.reasonEnded === "X1") add(`${subject} ceased with X1 (a new episode the same day), but the next episode starts on ${show(next.startDate)}.`);
        if (next.reasonNewEpisode && next.reasonNewEpisode !== "S") {
          add(`The episode starting ${show(next.startDate)} starts a new period of care, so its reason for new episode (RNE) is S, not ${next.reasonNewEpisode}.`);
        }
      }
    } else if (endInYear && e.reasonEnded === "X1") {
      add(`${subject} ceased with X1 (a new episode the same day), but no episode starts on ${show(e.endDate)}.`);
    }

    if (!e.urn) {
      if (e.placeType && !NO_URN_NEEDED.includes(e.placeType) && !e.placedOutsideEngland) {
        add(`${subject}: give the provider's Ofsted unique reference number (URN), or record that the child was placed outside England.`);
      }
    } else if (e.urn === REGIONAL_ADOPTION_AGENCY_URN) {
      if (!RAA_PLACEMENT_TYPES.includes(e.placeType)) add(`${subject}: URN ${REGIONAL_ADOPTION_AGENCY_URN} is only for adoption and foster placements through a regional adoption agency.`);
    } else if (!ALPHANUMERIC.test(e.urn)) {
      add(`${subject}: the URN "${e.urn}" must be letters and digits only.`);
    }
    if (e.homePostcode && !POSTCODE.test(e.homePostcode.trim())) add(`${subject}: the home postcode (HOME_POST) "${e.homePostcode}" is not a UK postcode.`);
    if (e.placementPostcode && !POSTCODE.test(e.placementPostcode.trim())) add(`${subject}: the placement postcode (PL_POST) "${e.placementPostcode}" is not a UK postcode.`);
  });
}

/** Lists every problem with the return, per child. Only children in the return (an episode open in the year) are checked. */
export function checkSsda903Return(input: Ssda903Return): Ssda903Check {
  const general: string[] = [];
  if (!(SUPPORTED_YEARS as readonly number[]).includes(input.year)) {
    general.push(`This export writes the 2025-26 return (year 2026) only, because its code lists are the 2025-26 ones. Year ${input.year} is not supported.`);
    return { general, children: [] };
  }
  const period = collectionPeriod(input.year);
  const children = childrenInReturn(input);
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const c of children) (seen.has(c.childId) ? duplicates : seen).add(c.childId);

  const results: ChildProblems[] = [];
  children.forEach((child, index) => {
    const problems: Ssda903Problem[] = [];
    const add = (table: Ssda903Table, message: string) => problems.push({ table, message });
    checkHeader(child, add, duplicates, period.to);

    const episodes = episodesInYear(child, period);
    checkEpisodes(child, episodes, period.to, (m) => add("Episodes", m));

    const coveredBy = (date: string) => episodes.some((e) => e.startDate <= date && (!e.endDate || date <= e.endDate));
    for (const review of reviewsInYear(child, period)) {
      const subject = `The review on ${show(review.date)}`;
      if (!isIsoDate(review.date)) {
        add("Reviews", `${subject}: the date (REVIEW) is not a real date.`);
        continue;
      }
      checkCode((m) => add("Reviews", m), subject, review.participation, REVIEW_PARTICIPATION, "code for how the child took part (REVIEW_CODE)", true);
      if (!coveredBy(review.date)) add("Reviews", `${subject} was held when the child was not looked after. Check its date.`);
      if (isIsoDate(child.dateOfBirth)) {
        const under4 = ageOn(child.dateOfBirth, review.date) < 4;
        if (under4 && review.participation !== "PN0") add("Reviews", `${subject}: the child was under 4, so the code (REVIEW_CODE) is PN0, not ${review.participation}.`);
        if (!under4 && review.participation === "PN0") add("Reviews", `${subject}: PN0 is only for children under 4; the child was ${ageOn(child.dateOfBirth, review.date)}. Say how they took part (PN1–PN7).`);
      }
    }

    const socialWorkerEpisodes = socialWorkerEpisodesInYear(child, period);
    socialWorkerEpisodes.forEach((sw, i) => {
      const subject = `The social worker episode starting ${show(sw.startDate)}`;
      const sw_ = (m: string) => add("SWEpisodes", m);
      if (!sw.socialWorkerId) sw_(`${subject}: give the social worker's ID (SW_ID).`);
      else if (!SOCIAL_WORKER_ID.test(sw.socialWorkerId)) {
        sw_(`${subject}: the social worker's ID (SW_ID) "${sw.socialWorkerId}" must be their Social Work England registration number: "SW" followed by digits.`);
      }
      if (!isIsoDate(sw.startDate)) sw_(`${subject}: the start date (SW_DECOM) is not a real date.`);
      if (sw.endDate && !isIsoDate(sw.endDate)) sw_(`${subject}: the end date (SW_DEC) ${show(sw.endDate)} is not a real date.`);
      else if (sw.endDate && sw.endDate < sw.startDate) sw_(`${subject} ends (SW_DEC) on ${show(sw.endDate)}, before it starts.`);
      checkCode(sw_, subject, sw.reasonForChange, SOCIAL_WORKER_CHANGE_REASONS, "reason the social worker changed (SW_REASON)", i > 0);
      const next = socialWorkerEpisodes[i + 1];
      if (next && (!sw.endDate || next.startDate < sw.endDate)) {
        sw_(`${subject} overlaps the social worker episode starting ${show(next.startDate)}: a child has one allocated social worker at a time. End the first on ${show(next.startDate)}.`);
      }
    });
    const last = episodes.at(-1);
    const lookedAfterAtYearEnd = last && !endAsAtYearEnd(last.endDate, period) && !isShortBreak(last.legalStatus);
    if (lookedAfterAtYearEnd && !socialWorkerEpisodes.some((sw) => sw.startDate <= period.to && (!sw.endDate || sw.endDate > period.to))) {
      add("SWEpisodes", `The child was looked after on ${show(period.to)} but no social worker episode is open then. Record their allocated social worker.`);
    }

    for (const missing of missingEpisodesInYear(child, period)) {
      const subject = `The missing episode starting ${show(missing.startDate)}`;
      const m_ = (m: string) => add("Missing", m);
      checkCode(m_, subject, missing.type, MISSING_TYPES, "type (MISSING: M missing, A away without authorisation)", true);
      if (!isIsoDate(missing.startDate)) m_(`${subject}: the start date (MIS_START) is not a real date.`);
      if (missing.endDate && !isIsoDate(missing.endDate)) m_(`${subject}: the end date (MIS_END) ${show(missing.endDate)} is not a real date.`);
      else if (missing.endDate && missing.endDate < missing.startDate) m_(`${subject} ends (MIS_END) on ${show(missing.endDate)}, before it starts.`);
    }

    if (uascInYear(child, period)) {
      const ceasedOn = child.unaccompaniedAsylumSeeker?.ceasedOn;
      if (ceasedOn && !isIsoDate(ceasedOn)) add("UASC", `The date the child stopped being an unaccompanied asylum seeker (DUC) ${show(ceasedOn)} is not a real date.`);
      else if (ceasedOn && isIsoDate(child.dateOfBirth) && ceasedOn < child.dateOfBirth) add("UASC", "The date the child stopped being an unaccompanied asylum seeker (DUC) is before they were born.");
    }

    if (problems.length > 0) results.push({ childId: child.childId || `(child ${index + 1}, no identifier)`, problems });
  });
  return { general, children: results };
}
