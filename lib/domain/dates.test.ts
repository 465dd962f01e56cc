import { describe, expect, it } from "vitest";
import { addDays, addMonths, ageOn, daysBetween, formatDate, fromIsoDate, isIsoDate, todayInEngland } from "./dates";

describe("plain dates", () => {
  it("rejects impossible dates", () => {
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(() => fromIsoDate("2026-13-01")).toThrow();
  });
  it("adds months, clamping to the month's last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2026-11-22", 3)).toBe("2027-02-22");
  });
  it("counts days and ages", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2); // across the clocks going forward
    expect(ageOn("2010-11-23", "2026-11-22")).toBe(15);
    expect(ageOn("2010-11-22", "2026-11-22")).toBe(16);
  });
  it("takes today from the English calendar, not UTC", () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST)
    expect(todayInEngland(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(todayInEngland(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });
  it("formats for people", () => {
    expect(formatDate("2026-03-03")).toBe("3 Mar 2026");
    expect(formatDate(null)).toBe("—");
  });
});
