import { describe, expect, it } from "vitest";
import { childrenInReturn, collectionPeriod, dfeDate, endAsAtYearEnd, openDuringYear } from "./collection-year";
import { sampleReturn } from "./testing/sample-return";

const year = collectionPeriod(2026);

describe("the collection year", () => {
  it("runs from 1 April 2025 to 31 March 2026 for the year 2026", () => {
    expect(year).toEqual({ from: "2025-04-01", to: "2026-03-31" });
  });

  it("writes dates as dd/mm/yyyy", () => {
    expect(dfeDate("2026-03-09")).toBe("09/03/2026");
    expect(dfeDate(null)).toBe("");
  });

  it("takes in anything open at some time in the year, including on its first and last days", () => {
    expect(openDuringYear({ startDate: "2024-01-01", endDate: "2025-04-01" }, year)).toBe(true); // still open on 1 Apr 2025
    expect(openDuringYear({ startDate: "2024-01-01", endDate: "2025-03-31" }, year)).toBe(false);
    expect(openDuringYear({ startDate: "2026-03-31", endDate: null }, year)).toBe(true);
    expect(openDuringYear({ startDate: "2026-04-01", endDate: null }, year)).toBe(false);
    expect(openDuringYear({ startDate: "2020-01-01", endDate: null }, year)).toBe(true);
  });

  it("reports an end after 31 March as blank", () => {
    expect(endAsAtYearEnd("2026-03-31", year)).toBe("2026-03-31");
    expect(endAsAtYearEnd("2026-04-01", year)).toBeNull();
    expect(endAsAtYearEnd(null, year)).toBeNull();
  });

  it("includes the children with an episode in the year, in CHILD order", () => {
    expect(childrenInReturn(sampleReturn).map((c) => c.childId)).toEqual(["C001", "C002", "C003"]);
  });
});
