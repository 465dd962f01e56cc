import { describe, expect, it } from "vitest";
import { carerRefusal, type CarerApproval } from "./placements-carers";

const okafors: CarerApproval = { kind: "FOSTER_HOUSEHOLD", name: "The Okafor household", approvedPlaces: 2, ageFrom: 5, ageTo: 12 };

describe("a carer's approval", () => {
  it("a foster household needs its places and ages, youngest first", () => {
    expect(carerRefusal(okafors)).toBeNull();
    expect(carerRefusal({ ...okafors, approvedPlaces: null })).toEqual({ field: "approvedPlaces", message: "Enter how many children the household is approved for" });
    expect(carerRefusal({ ...okafors, ageFrom: null })?.field).toBe("ageFrom");
    expect(carerRefusal({ ...okafors, ageTo: null })?.field).toBe("ageTo");
    expect(carerRefusal({ ...okafors, ageFrom: 12, ageTo: 5 })).toEqual({ field: "ageTo", message: "The oldest age must be the same as or more than the youngest" });
  });

  it("agencies and homes take children by arrangement: no approval to check", () => {
    expect(carerRefusal({ kind: "FOSTERING_AGENCY", name: "Agency", approvedPlaces: null, ageFrom: null, ageTo: null }, 40)).toBeNull();
    expect(carerRefusal({ kind: "RESIDENTIAL", name: "Home", approvedPlaces: null, ageFrom: null, ageTo: null }, 4)).toBeNull();
  });

  it("cannot go below the children placed there now, saying what to do instead", () => {
    expect(carerRefusal({ ...okafors, approvedPlaces: 1 }, 2)).toEqual({
      field: "approvedPlaces",
      message: "The Okafor household has 2 children placed now, so it cannot be approved for fewer than 2. Move a child to another placement first, or put the household on hold to stop new placements.",
    });
    expect(carerRefusal({ ...okafors, approvedPlaces: 0 }, 1)?.message).toMatch(/^The Okafor household has 1 child placed now/);
    expect(carerRefusal({ ...okafors, approvedPlaces: 2 }, 2)).toBeNull();
    expect(carerRefusal({ ...okafors, approvedPlaces: 0 }, 0)).toBeNull();
  });

  it("cannot narrow its ages to leave out a child placed there now who fitted before; a child already past the range stops nothing", () => {
    const placed = (ages: number[]) => ({ ages, before: { ageFrom: 5, ageTo: 12 } });
    expect(carerRefusal({ ...okafors, ageTo: 10 }, 2, placed([7, 11]))).toEqual({
      field: "ageTo",
      message: "The Okafor household has a child of 11 placed now, outside ages 5–10. Keep the range until they have moved on, or move them to another placement first.",
    });
    expect(carerRefusal({ ...okafors, ageFrom: 8, ageTo: 10 }, 2, placed([7, 11]))).toMatchObject({ field: "ageFrom", message: expect.stringContaining("children of 7 and 11 placed now, outside ages 8–10") });
    expect(carerRefusal({ ...okafors, ageTo: 11 }, 2, placed([7, 11]))).toBeNull();
    // a 13-year-old who has outgrown the 5–12 approval does not stop a change of rate, nor a narrower range
    expect(carerRefusal({ ...okafors, ageTo: 12 }, 1, placed([13]))).toBeNull();
    expect(carerRefusal({ ...okafors, ageTo: 11 }, 1, placed([13]))).toBeNull();
  });
});
