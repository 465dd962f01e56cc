import { describe, expect, it } from "vitest";
import { EARTH_RADIUS_MILES, matchVacancies, milesBetween, noVacancyRefusal, outOfArea, placeHeldOn, placementDistance, vacanciesOf, type FosterHousehold } from "./placements-matching";

describe("distance between two places", () => {
  it("is the great-circle distance in miles", () => {
    // one degree along the equator or a meridian = 3,958.8 × π ÷ 180 = 69.094… miles
    expect(milesBetween({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 })).toBeCloseTo((EARTH_RADIUS_MILES * Math.PI) / 180, 9);
    expect(milesBetween({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(69.094, 3);
    // London to Manchester, about 163 miles as the crow flies
    expect(milesBetween({ latitude: 51.5074, longitude: -0.1278 }, { latitude: 53.4808, longitude: -2.2426 })).toBeCloseTo(162.79, 2);
    expect(milesBetween({ latitude: 52, longitude: -1 }, { latitude: 52, longitude: -1 })).toBe(0);
  });
});

describe("distance from home and out of area", () => {
  const home = { latitude: 0, longitude: 0 };
  it("flags 20 miles or more", () => {
    // 0.3° = 0.3 × 69.094 = 20.73 miles; 0.28° = 19.35 miles
    expect(placementDistance({ home, placement: { latitude: 0.3, longitude: 0 }, councilAreaCode: "E10000014" }).twentyMilesOrMore).toBe(true);
    expect(placementDistance({ home, placement: { latitude: 0.28, longitude: 0 }, councilAreaCode: "E10000014" }).twentyMilesOrMore).toBe(false);
  });
  it("is out of area when the placement is in another local authority; unknown when we do not know", () => {
    const near = { latitude: 0.1, longitude: 0 };
    expect(placementDistance({ home, placement: near, councilAreaCode: "E10000014", placementAreaCode: "E06000045" }).outOfArea).toBe(true);
    expect(placementDistance({ home, placement: near, councilAreaCode: "E10000014", placementAreaCode: "E10000014" }).outOfArea).toBe(false);
    expect(placementDistance({ home, placement: near, councilAreaCode: "E10000014" }).outOfArea).toBeNull();
  });
  it("tells out of area without a location: by the placement's authority alone", () => {
    expect(outOfArea("990", "992")).toBe(true);
    expect(outOfArea("990", "990")).toBe(false);
    expect(outOfArea("990", null)).toBeNull();
    expect(outOfArea("990", "")).toBeNull();
  });
});

describe("in-house vacancies near a child", () => {
  const at = (latitude: number) => ({ latitude, longitude: -1 });
  const household = (name: string, approvedPlaces: number, currentChildren: number, youngest: number, oldest: number, latitude: number, onHold = false): FosterHousehold => ({
    id: name.toLowerCase(),
    name,
    approvedPlaces,
    currentChildren,
    ageRange: { youngest, oldest },
    location: at(latitude),
    onHold,
  });
  const households = [
    household("Ash", 2, 1, 5, 12, 52.1), // 0.1° north = 6.91 miles, 1 vacancy
    household("Birch", 3, 1, 0, 10, 52.0), // same place as the child, 2 vacancies
    household("Cedar", 2, 2, 5, 12, 52.0), // full
    household("Damson", 1, 0, 10, 17, 52.0), // too old for a 9-year-old
    household("Elm", 1, 0, 0, 9, 52.0, true), // on hold
    household("Fir", 1, 0, 9, 18, 52.5), // 0.5° north = 34.55 miles
    household("Gorse", 1, 0, 8, 12, 51.9), // 0.1° south = 6.91 miles, the same as Ash
  ];
  const child = { age: 9, location: at(52.0) };

  it("lists households with a vacancy for the child's age, nearest first, ties by name", () => {
    expect(matchVacancies(households, child).map((m) => [m.household.name, m.vacancies, Math.round(m.miles * 100) / 100])).toEqual([
      ["Birch", 2, 0],
      ["Ash", 1, 6.91],
      ["Gorse", 1, 6.91],
      ["Fir", 1, 34.55],
    ]);
  });

  it("includes both ends of the age range", () => {
    expect(matchVacancies(households, { ...child, age: 10 }).map((m) => m.household.name)).toEqual(["Birch", "Damson", "Ash", "Gorse", "Fir"]);
    expect(matchVacancies(households, { ...child, age: 18 }).map((m) => m.household.name)).toEqual(["Fir"]);
  });

  it("can leave out households further than a distance", () => {
    expect(matchVacancies(households, child, { withinMiles: 20 }).map((m) => m.household.name)).toEqual(["Birch", "Ash", "Gorse"]);
  });

  it("counts vacancies as approved places less the children there, none when on hold or over-full", () => {
    expect(vacanciesOf({ approvedPlaces: 3, currentChildren: 1 })).toBe(2);
    expect(vacanciesOf({ approvedPlaces: 2, currentChildren: 3 })).toBe(0);
    expect(vacanciesOf({ approvedPlaces: 2, currentChildren: 0, onHold: true })).toBe(0);
  });
});

describe("placing a child with a household", () => {
  const full = { name: "The Okafors", approvedPlaces: 2, currentChildren: 2, onHold: false };
  it("needs a vacancy, and says so when there is none", () => {
    expect(noVacancyRefusal(full, { alreadyPlacedThere: false })).toBe("The Okafors has no vacancy on that date (2 of 2 places taken). Choose another household from Find a placement.");
    expect(noVacancyRefusal({ ...full, currentChildren: 1, onHold: true }, { alreadyPlacedThere: false })).toBe(
      "The Okafors has no vacancy on that date (1 of 2 places taken, on hold). Choose another household from Find a placement.",
    );
    expect(noVacancyRefusal({ ...full, currentChildren: 1 }, { alreadyPlacedThere: false })).toBeNull();
  });
  it("takes no new place for a child already placed there: a change of type or legal status with the same carer", () => {
    expect(noVacancyRefusal(full, { alreadyPlacedThere: true })).toBeNull();
    expect(noVacancyRefusal({ ...full, onHold: true }, { alreadyPlacedThere: true })).toBeNull();
  });
});

describe("the place a child holds", () => {
  const e = (startDate: string, endDate: string | null, placeType: string, carerId: string | null) => ({ startDate, endDate, placeType, carerId });
  const history = [
    e("2026-01-05", "2026-07-20", "U1", "smiths"),
    // a fortnight's respite with another household while the Smiths are on holiday, then home
    e("2026-07-20", "2026-08-03", "T3", "jones"),
    e("2026-08-03", null, "U1", "smiths"),
  ];
  it("is with the carer they live with", () => {
    expect(placeHeldOn(history, "2026-03-01")).toBe("smiths");
    expect(placeHeldOn(history, "2026-08-03")).toBe("smiths");
  });
  it("stays with the household they left during a temporary move, not the one they visit", () => {
    expect(placeHeldOn(history, "2026-07-20")).toBe("smiths");
    expect(placeHeldOn(history, "2026-08-02")).toBe("smiths");
  });
  it("goes back through one temporary move after another; none before care began or after a gap", () => {
    const hospitalThenRespite = [e("2026-01-05", "2026-05-01", "U1", "smiths"), e("2026-05-01", "2026-05-04", "T1", null), e("2026-05-04", null, "T4", "jones")];
    expect(placeHeldOn(hospitalThenRespite, "2026-05-10")).toBe("smiths");
    expect(placeHeldOn(history, "2025-12-31")).toBeNull();
    expect(placeHeldOn([e("2026-01-05", null, "T2", "jones")], "2026-02-01")).toBeNull();
  });
});
