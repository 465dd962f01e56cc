import { describe, expect, it } from "vitest";
import { formatLondonDateTime, fromLondonWallClock, isNotInFuture, isWallTime, toLondonWallClock } from "./london-time";

describe("wall-clock time in England", () => {
  it("reads an instant as the time on a clock in England, in winter and in summer", () => {
    expect(toLondonWallClock(new Date("2026-01-15T09:30:45Z"))).toEqual({ date: "2026-01-15", time: "09:30" });
    expect(toLondonWallClock(new Date("2026-07-15T09:30:00Z"))).toEqual({ date: "2026-07-15", time: "10:30" });
    // 23:30 UTC on 30 June is already 1 July in London
    expect(toLondonWallClock(new Date("2026-06-30T23:30:00Z"))).toEqual({ date: "2026-07-01", time: "00:30" });
  });

  it("turns a typed date and time into the instant it means", () => {
    expect(fromLondonWallClock("2026-01-15", "09:30")?.toISOString()).toBe("2026-01-15T09:30:00.000Z");
    expect(fromLondonWallClock("2026-07-15", "10:30")?.toISOString()).toBe("2026-07-15T09:30:00.000Z");
    expect(fromLondonWallClock("2026-07-01", "00:30")?.toISOString()).toBe("2026-06-30T23:30:00.000Z");
  });

  it("handles the nights the clocks change", () => {
    // 29 March 2026: 01:00 GMT becomes 02:00 BST, so 01:30 never happens
    expect(fromLondonWallClock("2026-03-29", "00:59")?.toISOString()).toBe("2026-03-29T00:59:00.000Z");
    expect(fromLondonWallClock("2026-03-29", "01:30")).toBeNull();
    expect(fromLondonWallClock("2026-03-29", "02:00")?.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    // 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:30 happens twice; the first is taken
    expect(fromLondonWallClock("2026-10-25", "01:30")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(fromLondonWallClock("2026-10-25", "02:30")?.toISOString()).toBe("2026-10-25T02:30:00.000Z");
  });

  it("refuses what is not a date or a time", () => {
    expect(fromLondonWallClock("2026-02-30", "10:00")).toBeNull();
    expect(fromLondonWallClock("2026-02-03", "24:00")).toBeNull();
    expect(isWallTime("9:30")).toBe(false);
    expect(isWallTime("09:30")).toBe(true);
    expect(isWallTime("23:59")).toBe(true);
  });

  it("round-trips every half hour of a year", () => {
    for (let t = Date.parse("2026-01-01T00:00:00Z"); t < Date.parse("2027-01-01T00:00:00Z"); t += 30 * 60_000) {
      const instant = new Date(t);
      const { date, time } = toLondonWallClock(instant);
      const back = fromLondonWallClock(date, time)!;
      // the repeated hour in October reads back as its first occurrence
      expect(back.getTime() === t || back.getTime() === t - 3_600_000).toBe(true);
    }
  });

  it("counts the current minute as now, and the next as the future", () => {
    const now = new Date("2026-05-01T10:15:40Z");
    expect(isNotInFuture(new Date("2026-05-01T10:15:00Z"), now)).toBe(true);
    expect(isNotInFuture(new Date("2026-05-01T09:00:00Z"), now)).toBe(true);
    expect(isNotInFuture(new Date("2026-05-01T10:16:00Z"), now)).toBe(false);
  });

  it("formats for people in England's time", () => {
    expect(formatLondonDateTime(new Date("2026-07-15T09:05:00Z"))).toBe("15 Jul 2026 at 10:05");
    expect(formatLondonDateTime("2026-01-03T17:40:00.000Z")).toBe("3 Jan 2026 at 17:40");
  });
});
