import { describe, expect, it } from "vitest";
import { judgeDuplicate, type DuplicateSignals } from "./duplicates";

const none: DuplicateSignals = { identifierMatch: false, dobDaysApart: null, dobDayMonthSwapped: false, nameSimilarity: 0, lastNameSoundsAlike: false, firstNameMatches: false };

describe("judgeDuplicate", () => {
  it("an identifier match is enough", () => {
    expect(judgeDuplicate({ ...none, identifierMatch: true })).toEqual({ likely: true, reasons: ["same UPN or LA child id"] });
  });
  it("needs both a close date of birth and a similar name", () => {
    expect(judgeDuplicate({ ...none, dobDaysApart: 0, nameSimilarity: 1 })).toEqual({ likely: true, reasons: ["same date of birth", "same name"] });
    expect(judgeDuplicate({ ...none, dobDaysApart: 0, nameSimilarity: 0.2 }).likely).toBe(false);
    expect(judgeDuplicate({ ...none, dobDaysApart: 400, nameSimilarity: 1 }).likely).toBe(false);
  });
  it("accepts a month's difference, or day and month swapped", () => {
    expect(judgeDuplicate({ ...none, dobDaysApart: 31, nameSimilarity: 0.5 }).likely).toBe(true);
    expect(judgeDuplicate({ ...none, dobDaysApart: 32, nameSimilarity: 0.5 }).likely).toBe(false);
    expect(judgeDuplicate({ ...none, dobDaysApart: 245, dobDayMonthSwapped: true, lastNameSoundsAlike: true, firstNameMatches: true })).toEqual({
      likely: true,
      reasons: ["date of birth with day and month swapped", "similar name"],
    });
  });
});
