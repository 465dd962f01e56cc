import { describe, expect, it } from "vitest";
import {
  checkCorrection,
  describeChanges,
  lastReferralRefusal,
  outsidePlanRefusal,
  referralCorrectionErrors,
  referralDatesRefusal,
  referralRemovalRefusal,
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

describe("referrals", () => {
  const open: RecordValues["cin_episode"] = { referralDate: "2025-06-02", referralSource: "2A", primaryNeedCode: "N1", closureDate: null, closureReason: null };
  const closed: RecordValues["cin_episode"] = { ...open, closureDate: "2025-12-01", closureReason: "RC8" };

  it("takes the census codes: a source from the list, a need N0 to N9 or none, a closure reason RC1 to RC9", () => {
    expect(checkCorrection("cin_episode", { ...open, primaryNeedCode: "" }, today)).toEqual({ ok: true, values: { ...open, primaryNeedCode: null } });
    expect(checkCorrection("cin_episode", { ...closed }, today)).toEqual({ ok: true, values: closed });
    expect(checkCorrection("cin_episode", { ...open, referralSource: "" }, today)).toEqual({ ok: false, fieldErrors: { referralSource: "Choose who made the referral from the list" } });
    expect(checkCorrection("cin_episode", { ...open, referralSource: "11" }, today)).toMatchObject({ ok: false, fieldErrors: { referralSource: "Choose who made the referral from the list" } });
    expect(checkCorrection("cin_episode", { ...open, primaryNeedCode: "N10" }, today)).toMatchObject({ ok: false, fieldErrors: { primaryNeedCode: "Choose the primary need from the list (N0 to N9)" } });
    expect(checkCorrection("cin_episode", { ...closed, closureReason: "RC0" }, today)).toMatchObject({ ok: false, fieldErrors: { closureReason: "Choose the reason for closure (RC1 to RC9)" } });
  });

  it("refuses a future referral, a closure before the referral, a closure without its reason and a reason without its closure", () => {
    expect(checkCorrection("cin_episode", { ...open, referralDate: "2099-01-01" }, today)).toEqual({ ok: false, fieldErrors: { referralDate: "The referral date must be today or in the past" } });
    expect(checkCorrection("cin_episode", { ...closed, closureDate: "2099-01-01" }, today)).toEqual({ ok: false, fieldErrors: { closureDate: "The closure date must be today or in the past" } });
    expect(checkCorrection("cin_episode", { ...closed, closureDate: "2025-06-01" }, today)).toEqual({ ok: false, fieldErrors: { closureDate: "The referral cannot close before the date it was made" } });
    // closing the day it was made is allowed, as the database allows
    expect(checkCorrection("cin_episode", { ...closed, closureDate: "2025-06-02" }, today)).toMatchObject({ ok: true });
    expect(checkCorrection("cin_episode", { ...closed, closureReason: "" }, today)).toEqual({ ok: false, fieldErrors: { closureReason: "Choose the reason for closure (RC1 to RC9)" } });
    expect(checkCorrection("cin_episode", { ...open, closureReason: "RC1" }, today)).toMatchObject({ ok: false, fieldErrors: { closureDate: expect.stringContaining("Enter the date the referral closed") } });
  });

  it("asks for a need unless the referral ended in no further action, and neither closes nor re-opens a referral", () => {
    expect(referralCorrectionErrors({ closed: false, referralNfa: false }, open)).toEqual({});
    expect(referralCorrectionErrors({ closed: false, referralNfa: false }, { ...open, primaryNeedCode: null })).toEqual({ primaryNeedCode: expect.stringContaining("the census needs one unless the referral ended in no further action") });
    expect(referralCorrectionErrors({ closed: false, referralNfa: true }, { ...open, primaryNeedCode: null })).toEqual({});
    expect(referralCorrectionErrors({ closed: false, referralNfa: false }, closed)).toEqual({ closureDate: expect.stringContaining("it closes with its case") });
    expect(referralCorrectionErrors({ closed: true, referralNfa: false }, open)).toEqual({ closureDate: expect.stringContaining("A correction does not re-open it") });
    expect(referralCorrectionErrors({ closed: true, referralNfa: false }, closed)).toEqual({});
  });

  it("names the first record a new referral date would leave before it, or a new closure after it", () => {
    const linked = [
      { what: "the child protection plan starting 1 Aug 2025", date: "2025-08-01", section: "Child protection plans" },
      { what: "the assessment starting 3 Jun 2025", date: "2025-06-03", section: "Assessments" },
      { what: "the assessment starting 3 Jun 2025", date: "2025-07-10", section: "Assessments", event: "authorised" },
    ];
    expect(referralDatesRefusal(linked, { referralDate: "2025-06-03", closureDate: null })).toBeNull();
    expect(referralDatesRefusal(linked, { referralDate: "2025-06-04", closureDate: null })).toEqual({
      field: "referralDate",
      message: "The assessment starting 3 Jun 2025 is recorded against this referral and would then fall before it. Check the date, or correct the assessment starting 3 Jun 2025 first (under Assessments).",
    });
    expect(referralDatesRefusal(linked, { referralDate: "2025-06-01", closureDate: "2025-07-31" })).toMatchObject({ field: "closureDate", message: expect.stringMatching(/^The child protection plan starting 1 Aug 2025 is recorded .* would then fall after it closed/) });
    expect(referralDatesRefusal(linked, { referralDate: "2025-06-01", closureDate: "2025-07-05" })).toMatchObject({ message: expect.stringMatching(/^The child protection plan starting 1 Aug 2025 is/) });
    expect(referralDatesRefusal(linked.slice(1), { referralDate: "2025-06-01", closureDate: "2025-07-05" })).toMatchObject({ message: expect.stringMatching(/^The assessment starting 3 Jun 2025 \(authorised 10 Jul 2025\) is recorded/) });
    expect(referralDatesRefusal([], { referralDate: "2026-01-01", closureDate: "2026-01-01" })).toBeNull();
  });

  it("refuses to remove a referral with records against it, naming them, or a child's last referral on an open statutory case", () => {
    expect(referralRemovalRefusal([])).toBeNull();
    const message = referralRemovalRefusal([
      { what: "an assessment", date: "2025-06-03" },
      { what: "a child protection plan", date: "2025-08-01" },
    ])!;
    expect(message).toContain("This referral has an assessment (3 Jun 2025) and a child protection plan (1 Aug 2025) recorded against it, so it cannot be removed");
    expect(message).toContain("remove the other copy instead");
    expect(lastReferralRefusal("WX-00012")).toContain("This is the child's only referral on the open case WX-00012, so it cannot be removed");
  });

  it("reads back a referral's version, and not one without its source", () => {
    expect(valuesOfVersion("cin_episode", recordVersion("cin_episode", closed))).toEqual(closed);
    expect(valuesOfVersion("cin_episode", JSON.stringify(["2025-06-02", null, "N1", null, null]))).toBeNull();
    expect(describeChanges(recordChanges("cin_episode", open, { ...open, referralSource: "6", primaryNeedCode: "N4" }))).toBe("who made the referral from 2A to 6; the primary need from N1 to N4");
  });
});

describe("a plan's reviews and core group meetings", () => {
  it("fall within the plan's dates, both ends included, whether it has ended or not", () => {
    const plan = { startDate: "2026-03-02", endDate: "2026-09-30" };
    expect(outsidePlanRefusal("review", "2026-03-02", plan)).toBeNull();
    expect(outsidePlanRefusal("review", "2026-09-30", plan)).toBeNull();
    expect(outsidePlanRefusal("meeting", "2026-03-01", plan)).toBe("The meeting must fall within the plan's dates (from 2 Mar 2026 to 30 Sept 2026)");
    expect(outsidePlanRefusal("review", "2026-10-01", plan)).toBe("The review must fall within the plan's dates (from 2 Mar 2026 to 30 Sept 2026)");
    expect(outsidePlanRefusal("meeting", "2027-01-01", { startDate: "2026-03-02", endDate: null })).toBeNull();
  });
});
