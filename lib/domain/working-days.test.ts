import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "./working-days";

describe("working days", () => {
  it("counts days after the start up to and including the end; the same day is 0", () => {
    expect(workingDaysBetween("2026-11-23", "2026-11-23")).toBe(0);
    // Mon 23 Nov → Fri 27 Nov: Tue, Wed, Thu, Fri
    expect(workingDaysBetween("2026-11-23", "2026-11-27")).toBe(4);
  });
  it("skips a weekend start", () => {
    // Sat 21 Nov 2026 → Mon 23: only Monday
    expect(workingDaysBetween("2026-11-21", "2026-11-23")).toBe(1);
    expect(addWorkingDays("2026-11-21", 1)).toBe("2026-11-23");
  });
  it("skips Christmas with substitute days", () => {
    // 2026: Christmas Fri 25, Boxing Day Sat 26 with substitute Mon 28. Thu 24 Dec → Tue 29 Dec: only Tue 29
    expect(workingDaysBetween("2026-12-24", "2026-12-29")).toBe(1);
    expect(addWorkingDays("2026-12-24", 1)).toBe("2026-12-29");
    // 2027: Sat 25 and Sun 26 with substitutes Mon 27 and Tue 28. Fri 24 → Wed 29 is the first working day
    expect(addWorkingDays("2027-12-24", 1)).toBe("2027-12-29");
  });
  it("skips Good Friday and Easter Monday", () => {
    // 2026: Good Friday 3 Apr, Easter Monday 6 Apr. Thu 2 Apr → Tue 7 Apr: only Tue
    expect(workingDaysBetween("2026-04-02", "2026-04-07")).toBe(1);
  });
  it("skips the one-off holidays of 2022 and 2023", () => {
    expect(isWorkingDay("2022-09-19")).toBe(false); // the Queen's funeral, a Monday
    expect(workingDaysBetween("2022-09-16", "2022-09-20")).toBe(1);
    expect(isWorkingDay("2023-05-08")).toBe(false); // the coronation, a Monday
    expect(addWorkingDays("2023-05-05", 1)).toBe("2023-05-09");
  });
  it("agrees with adding over long spans, across years", () => {
    // 45 working days from Mon 1 Dec 2025: December has 20 working days after the 1st (Christmas Thu 25, Boxing Day Fri 26),
    // so the 20th is Wed 31 Dec; January 2026 adds 25 more after New Year's Day (Thu 1): 2, 5–9, 12–16, 19–23, 26–30 = 21, Feb 2–5 = 4 → Thu 5 Feb
    expect(addWorkingDays("2025-12-01", 45)).toBe("2026-02-05");
    expect(workingDaysBetween("2025-12-01", "2026-02-05")).toBe(45);
    for (const [start, n] of [["2022-06-01", 120], ["2023-03-31", 250], ["2026-12-20", 11]] as const) {
      expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
    }
  });
  it("is negative when the end comes first", () => {
    expect(workingDaysBetween("2026-11-27", "2026-11-23")).toBe(-4);
  });
});
