// Distance from home, and the search for in-house foster vacancies near a child (domain.md
// "Placements": "so a manager can search in-house vacancies near the child before going to an
// agency"). Pure: the data layer turns postcodes into coordinates and passes households and the child.
//
// Definitions, decided here:
// - Distance is the great-circle (haversine) distance in miles on a sphere of radius 3,958.8 miles —
//   "as the crow flies", as DfE measures distance between home and placement.
// - "20 miles or more from home" is a distance of 20.0 miles or more.
// - "Out of area" means placed outside the council's own local authority area: the placement's LA
//   code differs from the council's. Unknown (null) when the placement's LA is not known.
// - A household has a vacancy when its approved places exceed the children living there, and it is
//   not on hold. It fits a child whose age (whole years) is within its approved age range, both
//   ends included. A child away on a temporary move (T0–T4: hospital, holiday, respite) still lives
//   there: their place is held until they come back (placeHeldOn).
import { isTemporaryPlacement } from "./ssda903-codes";

export type Coordinates = { latitude: number; longitude: number };

export const EARTH_RADIUS_MILES = 3958.8;
export const FAR_FROM_HOME_MILES = 20;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance between two points, in miles. */
export function milesBetween(a: Coordinates, b: Coordinates): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type PlacementLocation = {
  home: Coordinates;
  placement: Coordinates;
  /** the council's own local authority code (e.g. E10000014) */
  councilAreaCode: string;
  /** the local authority the placement is in, when known */
  placementAreaCode?: string | null;
};

/** Whether a placement is outside the council's area: null when the placement's local authority is not known. */
export function outOfArea(councilAreaCode: string, placementAreaCode: string | null | undefined): boolean | null {
  return placementAreaCode ? placementAreaCode.trim() !== councilAreaCode.trim() : null;
}

export function placementDistance(location: PlacementLocation): { miles: number; twentyMilesOrMore: boolean; outOfArea: boolean | null } {
  const miles = milesBetween(location.home, location.placement);
  return {
    miles,
    twentyMilesOrMore: miles >= FAR_FROM_HOME_MILES,
    outOfArea: outOfArea(location.councilAreaCode, location.placementAreaCode),
  };
}

export type FosterHousehold = {
  id: string;
  name: string;
  /** the number of children the household is approved for */
  approvedPlaces: number;
  /** approved ages, in whole years, both ends included */
  ageRange: { youngest: number; oldest: number };
  /** children living there now */
  currentChildren: number;
  location: Coordinates;
  /** not taking children for now (a break, an investigation) */
  onHold?: boolean;
};

export type VacancyMatch = { household: FosterHousehold; vacancies: number; miles: number };

export function vacanciesOf(household: Pick<FosterHousehold, "approvedPlaces" | "currentChildren" | "onHold">): number {
  return household.onHold ? 0 : Math.max(0, household.approvedPlaces - household.currentChildren);
}

/**
 * Why a child cannot be placed with a household on a day, or null when they can. A child already
 * placed there (a change of placement type, legal status or postcode with the same carer) takes no
 * new place, so needs no vacancy, even from a household that is full or on hold.
 */
export function noVacancyRefusal(
  household: Pick<FosterHousehold, "name" | "approvedPlaces" | "currentChildren" | "onHold">,
  child: { alreadyPlacedThere: boolean },
): string | null {
  if (child.alreadyPlacedThere || vacanciesOf(household) > 0) return null;
  const taken = `${household.currentChildren} of ${household.approvedPlaces} places taken${household.onHold ? ", on hold" : ""}`;
  return `${household.name} has no vacancy on that date (${taken}). Choose another household from Find a placement.`;
}

/**
 * The carer whose place a child holds on `day`: the carer of the placement they are in; during a
 * temporary move (T0–T4), the carer of the placement they left for it, which they come back to. Null
 * when there is none (no placement that day, or a placement with no carer on the list).
 */
export function placeHeldOn(
  episodes: readonly { startDate: string; endDate?: string | null; placeType: string; carerId: string | null }[],
  day: string,
): string | null {
  const sorted = [...episodes].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const i = sorted.findIndex((e) => e.startDate <= day && (!e.endDate || e.endDate > day));
  if (i < 0) return null;
  // back through an unbroken run of temporary moves to the placement the child left for them
  let j = i;
  while (j >= 0 && isTemporaryPlacement(sorted[j]!.placeType)) {
    const previous = sorted[j - 1];
    if (!previous || previous.endDate !== sorted[j]!.startDate) return null;
    j -= 1;
  }
  return j >= 0 ? sorted[j]!.carerId : null;
}

/**
 * In-house households with a vacancy approved for the child's age, nearest first (ties by name).
 * `withinMiles` leaves out households further away.
 */
export function matchVacancies(
  households: readonly FosterHousehold[],
  child: { age: number; location: Coordinates },
  options: { withinMiles?: number } = {},
): VacancyMatch[] {
  return households
    .filter((h) => vacanciesOf(h) > 0 && h.ageRange.youngest <= child.age && child.age <= h.ageRange.oldest)
    .map((household) => ({ household, vacancies: vacanciesOf(household), miles: milesBetween(child.location, household.location) }))
    .filter((m) => options.withinMiles === undefined || m.miles <= options.withinMiles)
    .sort((a, b) => a.miles - b.miles || a.household.name.localeCompare(b.household.name));
}
