import { describe, expect, it } from "vitest";
import {
  checkCorrection,
  describeChanges,
  reasonError,
  recordChanges,
  recordVersion,
  removalRefusal,
  removedMessage,
  staleMessage,
  STATUTORY_RECORD_TYPES,
  valuesOfVersion,
  type RecordValues,
} from "./statutory-corrections";

const today = "2026-11-20";
const when = (iso: string) => iso.slice(0, 10);

describe("checking a correction", () => {
  it("takes a form's values as they come: blanks are none, a checkbox's 'on' is yes, one factor is a list, factors sorted without repeats", () => {
    expect(checkCorrection("assessment", { startDate: "2026-03-02", authorisedDate: "", factors: "4B" }, today)).toEqual({ ok: true, values: { startDate: "2026-03-02", authorisedDate: null, factors: ["4B"] } });
    expect(checkCorrection("assessment", { startDate: "2026-03-02", factors: ["4B", "3A", "4B"] }, today)).toEqual({ ok: true, values: { startDate: "2026-03-02", authorisedDate: null, factors: ["3A", "4B"] } });
    expect(checkCorrection("section47", { strategyDiscussionDate: "2026-03-01", startDate: "2026-03-01", icpcNotRequired: "on" }, today)).toEqual({
      ok: true,
      values: { strategyDiscussionDate: "2026-03-01", startDate: "2026-03-01", icpcDate: null, icpcNotRequired: true },
    });
  });

  it("refuses a missing, unreal or future date with the messages recording gives", () => {
    expect(checkCorrection("cp_plan", { startDate: "2099-01-01", initialCategory: "NEG", latestCategory: "NEG" }, today)).toEqual({ ok: false, fieldErrors: { startDate: "The start date must be today or in the past" } });
    expect(checkCorrection("cp_review", { reviewDate: "" }, today)).toEqual({ ok: false, fieldErrors: { reviewDate: "Enter the review date" } });
    expect(checkCorrection("health_assessment", { date: "2026-02-30", kind: "REVIEW" }, today)).toEqual({ ok: false, fieldErrors: { date: "Enter the date of the health assessment as a real date, for example 27 3 2026" } });
    expect(checkCorrection("cin_plan", { startDate: "2026-01-01", endDate: "2026-11-21" }, today)).toEqual({ ok: false, fieldErrors: { endDate: "The end date must be today or in the past" } });
  });

  it("refuses dates out of order", () => {
    expect(checkCorrection("assessment", { startDate: "2026-03-02", authorisedDate: "2026-03-01", factors: [] }, today)).toMatchObject({ ok: false, fieldErrors: { authorisedDate: "The assessment cannot be authorised before it started" } });
    expect(checkCorrection("section47", { strategyDiscussionDate: "2026-03-05", startDate: "2026-03-04", icpcDate: "2026-03-03" }, today)).toEqual({
      ok: false,
      fieldErrors: { startDate: "The enquiry starts on or after the strategy discussion", icpcDate: "The conference cannot be before the enquiry started" },
    });
    expect(checkCorrection("section47", { strategyDiscussionDate: "2026-03-05", startDate: "2026-03-05", icpcDate: "2026-03-20", icpcNotRequired: true }, today)).toMatchObject({ ok: false, fieldErrors: { icpcNotRequired: expect.any(String) } });
    expect(checkCorrection("cp_plan", { startDate: "2026-03-05", endDate: "2026-03-04", initialCategory: "NEG", latestCategory: "EMO" }, today)).toEqual({ ok: false, fieldErrors: { endDate: "A plan cannot end before it started" } });
    // a plan may end the day it starts, as ending one may
    expect(checkCorrection("cin_plan", { startDate: "2026-03-05", endDate: "2026-03-05" }, today)).toMatchObject({ ok: true });
  });

  it("refuses codes outside the lists", () => {
    expect(checkCorrection("assessment", { startDate: "2026-03-02", factors: ["18A"] }, today)).toMatchObject({ ok: false, fieldErrors: { factors: "Choose factors from the list" } });
    expect(checkCorrection("cp_plan", { startDate: "2026-03-02", initialCategory: "XXX", latestCategory: "NEG" }, today)).toMatchObject({ ok: false, fieldErrors: { initialCategory: "Choose the category of abuse" } });
    expect(checkCorrection("la_review", { reviewDate: "2026-03-02", reviewCode: "ZZ9" }, today)).toMatchObject({ ok: false, fieldErrors: { reviewCode: expect.any(String) } });
    expect(checkCorrection("la_review", { reviewDate: "2026-03-02", reviewCode: "" }, today)).toEqual({ ok: true, values: { reviewDate: "2026-03-02", reviewCode: null } });
    expect(checkCorrection("health_assessment", { date: "2026-03-02", kind: "OTHER" }, today)).toMatchObject({ ok: false, fieldErrors: { kind: "Choose initial or review" } });
  });
});

describe("versions and what changed", () => {
  const plan: RecordValues["cp_plan"] = { startDate: "2026-03-02", endDate: null, initialCategory: "NEG", latestCategory: "NEG" };

  it("reads back the values a version was made from, and nothing a form of that kind could not have sent", () => {
    for (const type of STATUTORY_RECORD_TYPES) expect(valuesOfVersion(type, "not json")).toBeNull();
    expect(valuesOfVersion("cp_plan", recordVersion("cp_plan", plan))).toEqual(plan);
    expect(valuesOfVersion("cp_plan", recordVersion("cin_plan", { startDate: "2026-03-02", endDate: null }))).toBeNull();
    expect(valuesOfVersion("cp_plan", JSON.stringify([null, null, "NEG", "NEG"]))).toBeNull();
    // factors in another order are the same version
    expect(recordVersion("assessment", { startDate: "2026-03-02", authorisedDate: null, factors: ["4B", "3A"] })).toBe(recordVersion("assessment", { startDate: "2026-03-02", authorisedDate: null, factors: ["3A", "4B"] }));
  });

  it("lists each changed field with both values, in words", () => {
    const changes = recordChanges("cp_plan", plan, { ...plan, startDate: "2026-03-04", endDate: "2026-09-01", latestCategory: "EMO" });
    expect(changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ["startDate", "2026-03-02", "2026-03-04"],
      ["endDate", null, "2026-09-01"],
      ["latestCategory", "NEG", "EMO"],
    ]);
    expect(describeChanges(changes)).toBe("the start date from 2 Mar 2026 to 4 Mar 2026; the end date from none to 1 Sept 2026; the latest category from Neglect to Emotional abuse");
    expect(recordChanges("cp_plan", plan, { ...plan })).toEqual([]);
  });

  it("says who changed a record since the page was opened, what changed, and that nothing was saved", () => {
    const changes = recordChanges("cin_plan", { startDate: "2026-03-02", endDate: null }, { startDate: "2026-03-02", endDate: "2026-06-01" });
    expect(staleMessage("cin_plan", "correct", changes, { by: "Jo Bloggs", at: "2026-11-19T10:00:00Z" }, when)).toBe(
      "Someone changed this child in need plan after you opened the page (Jo Bloggs, 2026-11-19): the end date from none to 1 Jun 2026. Your correction was not saved; your answers are still in the boxes. Check them against what is recorded now, then send the form again to replace it.",
    );
    expect(staleMessage("cin_plan", "remove", [], null, when)).toBe("Someone changed this child in need plan after you opened the page. It was not removed. Check it is still the record to remove, then send the form again.");
    expect(removedMessage("assessment", "correct", { by: null, at: "2026-11-19T10:00:00Z" }, when)).toContain("(the Continuum service, 2026-11-19), so your correction was not saved");
  });
});

describe("removing", () => {
  it("refuses a plan with reviews or core group meetings, naming them and what to do first", () => {
    expect(removalRefusal("cp_plan", { reviews: [], coreGroups: [] })).toBeNull();
    expect(removalRefusal("assessment", { reviews: ["2026-05-01"], coreGroups: [] })).toBeNull();
    const message = removalRefusal("cp_plan", { reviews: ["2026-05-01", "2026-08-01"], coreGroups: ["2026-03-10"] })!;
    expect(message).toContain("This child protection plan has 2 review conferences (1 May 2026, 1 Aug 2026) and 1 core group meeting (10 Mar 2026) recorded against it");
    expect(message).toContain("remove each of them first");
    expect(message).toContain("remove the other copy instead");
  });

  it("needs a reason of a sentence or two", () => {
    expect(reasonError("  ", "remove")).toBe("Enter why the record is being removed");
    expect(reasonError(undefined, "correct")).toBe("Enter why the record is being corrected");
    expect(reasonError("x".repeat(501), "correct")).toBe("The reason must be 500 characters or fewer");
    expect(reasonError("Recorded twice", "remove")).toBeNull();
  });
});
