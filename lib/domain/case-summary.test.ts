import { describe, expect, it } from "vitest";
import { decideSave, differences, isSafetyScale, normaliseSummary, type SummaryText } from "./case-summary";

const v1: SummaryText & { version: number } = {
  version: 1,
  purpose: "Support Mum to keep the children safe at home.",
  worries: "Dad's drinking when he visits.",
  workingWell: "Gran collects the children from school.",
  nextSteps: "Family network meeting by Friday.",
  safetyScale: 4,
};
const text = ({ version: _version, ...rest }: typeof v1): SummaryText => rest;

describe("saving a case summary", () => {
  it("saves the first version on top of nothing", () => {
    expect(decideSave(0, null, text(v1))).toEqual({ kind: "save", version: 1 });
  });

  it("saves the next version on top of the newest", () => {
    expect(decideSave(1, v1, { ...text(v1), safetyScale: 5 })).toEqual({ kind: "save", version: 2 });
  });

  it("refuses a save based on an older version, or on nothing when a version exists", () => {
    expect(decideSave(1, { ...v1, version: 2 }, { ...text(v1), worries: "Mine" })).toEqual({ kind: "conflict" });
    expect(decideSave(0, v1, text(v1))).toEqual({ kind: "conflict" });
    // a base newer than anything saved (a tampered form) is refused too
    expect(decideSave(3, v1, text(v1))).toEqual({ kind: "conflict" });
  });

  it("does not make a version that changes nothing", () => {
    expect(decideSave(1, v1, { ...text(v1), purpose: `  ${v1.purpose}\r\n` })).toEqual({ kind: "unchanged" });
  });
});

describe("comparing summaries", () => {
  it("lists the sections and the scale that differ, in the summary's order", () => {
    const mine = { ...text(v1), nextSteps: "Network meeting on Monday.", purpose: "Keep the children safe at home.", safetyScale: 6 };
    expect(differences(mine, text(v1))).toEqual(["purpose", "nextSteps", "safetyScale"]);
    expect(differences(text(v1), text(v1))).toEqual([]);
  });

  it("ignores surrounding spaces and line-ending styles", () => {
    expect(differences({ ...text(v1), worries: "Line one\r\nLine two " }, { ...text(v1), worries: "Line one\nLine two" })).toEqual([]);
    expect(normaliseSummary({ ...text(v1), purpose: " a\r\nb " }).purpose).toBe("a\nb");
  });

  it("knows the safety scale runs from 0 to 10 in whole numbers", () => {
    expect([0, 5, 10].every(isSafetyScale)).toBe(true);
    expect([-1, 11, 4.5, Number.NaN].some(isSafetyScale)).toBe(false);
  });
});
