// The rules for a council's carers and providers (decision 0015): what a foster household's approval
// must say, and what a change to a carer may not do. Pure: lib/data/placements.ts applies them when a
// carer is added or changed.
//
// - A foster household is approved for a number of children (0–12) of an age range (0–17, youngest
//   first). Agencies and homes take children by arrangement: they have neither.
// - Its approved places cannot go below the children placed there now: the household would be over
//   its approval on the day. Move a child first, or put the household on hold to stop new placements.
// - Its age range cannot be narrowed so that a child placed there now, who fitted the range before,
//   no longer does (a child who has grown past the range already does not stop other changes).
// - A change to a carer's postcode, location, provider or rate is for placements made from then on:
//   each placement keeps what it was recorded with (a household that moves house with a child is a
//   change of placement, RNE P, recorded as a move).

export const CARER_KINDS = ["FOSTER_HOUSEHOLD", "FOSTERING_AGENCY", "RESIDENTIAL"] as const;
export type CarerKind = (typeof CARER_KINDS)[number];

export type CarerApproval = {
  kind: CarerKind;
  name: string;
  approvedPlaces: number | null;
  ageFrom: number | null;
  ageTo: number | null;
};

export type CarerRefusal = { field: "approvedPlaces" | "ageFrom" | "ageTo"; message: string };

/**
 * Why a carer cannot be saved as it is, or null when it can. `currentChildren`: the children placed
 * with it today, when it already exists; `placedNow`: their ages today and the range it had before.
 */
export function carerRefusal(
  carer: CarerApproval,
  currentChildren = 0,
  placedNow: { ages: readonly number[]; before: { ageFrom: number | null; ageTo: number | null } } | null = null,
): CarerRefusal | null {
  if (carer.kind !== "FOSTER_HOUSEHOLD") return null;
  if (carer.approvedPlaces === null) return { field: "approvedPlaces", message: "Enter how many children the household is approved for" };
  if (carer.ageFrom === null) return { field: "ageFrom", message: "Enter the youngest age the household is approved for" };
  if (carer.ageTo === null) return { field: "ageTo", message: "Enter the oldest age the household is approved for" };
  if (carer.ageTo < carer.ageFrom) return { field: "ageTo", message: "The oldest age must be the same as or more than the youngest" };
  if (carer.approvedPlaces < currentChildren) {
    const children = `${currentChildren} ${currentChildren === 1 ? "child" : "children"}`;
    return {
      field: "approvedPlaces",
      message: `${carer.name} has ${children} placed now, so it cannot be approved for fewer than ${currentChildren}. Move a child to another placement first, or put the household on hold to stop new placements.`,
    };
  }
  if (placedNow) {
    const { ageFrom: wasFrom, ageTo: wasTo } = placedNow.before;
    const fittedBefore = (age: number) => (wasFrom === null || age >= wasFrom) && (wasTo === null || age <= wasTo);
    const left = placedNow.ages.filter((age) => fittedBefore(age) && (age < carer.ageFrom! || age > carer.ageTo!)).sort((a, b) => a - b);
    if (left.length > 0) {
      const who = left.length === 1 ? `a child of ${left[0]}` : `children of ${left.join(" and ")}`;
      return {
        field: left.some((age) => age < carer.ageFrom!) ? "ageFrom" : "ageTo",
        message: `${carer.name} has ${who} placed now, outside ages ${carer.ageFrom}–${carer.ageTo}. Keep the range until they have moved on, or move them to another placement first.`,
      };
    }
  }
  return null;
}
