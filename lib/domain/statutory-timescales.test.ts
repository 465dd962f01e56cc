// Every timescale rule with a worked example. Dates in comments are worked out by hand.
import { describe, expect, it } from "vitest";
import { childTimescales, placementsFromEpisodes, regulation28NextVisit, type ChildRecords } from "./statutory-timescales";

const settings = { dueSoonWorkingDays: 5, cpVisitWorkingDays: 10 };
const none: ChildRecords = { dateOfBirth: "2015-06-01", referrals: [], assessments: [], enquiries: [], cpPlans: [], carePeriods: [], healthAssessments: [], visits: [] };
const item = (r: ChildRecords, today: string, kind: string) => childTimescales(r, today, settings).find((i) => i.kind === kind);

describe("contact decision", () => {
  it("is due the next working day: Friday 20 Nov 2026 → Monday 23 Nov", () => {
    const r = { ...none, contacts: [{ receivedOn: "2026-11-20", decisionOn: null }] };
    expect(item(r, "2026-11-20", "contact-decision")).toMatchObject({ dueDate: "2026-11-23", state: "due-soon" });
    expect(item(r, "2026-11-24", "contact-decision")).toMatchObject({ state: "overdue" });
  });
});

describe("assessment: 45 working days from the referral", () => {
  // from Mon 1 Dec 2025: 20 working days to 31 Dec (Christmas and Boxing Day out), 21 in January (1 Jan out), 4 in February → Thu 5 Feb 2026
  const r = { ...none, referrals: [{ id: "e1", referralDate: "2025-12-01", closureDate: null }] };
  it("is due on 5 Feb 2026: due, due soon within 5 working days, then overdue", () => {
    expect(item(r, "2026-01-20", "assessment")).toMatchObject({ dueDate: "2026-02-05", state: "due" });
    expect(item(r, "2026-01-29", "assessment")).toMatchObject({ state: "due-soon" }); // 29 Jan → 5 Feb: 5 working days
    expect(item(r, "2026-02-06", "assessment")).toMatchObject({ state: "overdue" });
  });
  it("is met by an assessment authorised for that referral, on time or late", () => {
    const onTime = { ...r, assessments: [{ episodeId: "e1", startDate: "2025-12-02", authorisedDate: "2026-02-05" }] };
    expect(item(onTime, "2026-03-01", "assessment")).toMatchObject({ state: "done", doneOn: "2026-02-05", onTime: true });
    const late = { ...r, assessments: [{ episodeId: "e1", startDate: "2025-12-02", authorisedDate: "2026-02-06" }] };
    expect(item(late, "2026-03-01", "assessment")).toMatchObject({ state: "done", onTime: false });
  });
});

describe("initial conference: 15 working days from the strategy discussion", () => {
  // Mon 15 Dec 2025: Dec 16–19 (4), 22–24 (3), 29–31 (3), Jan 2 (1), 5–8 (4) → Thu 8 Jan 2026
  it("is due on 8 Jan 2026, and not at all when a conference is not required", () => {
    const r = { ...none, enquiries: [{ strategyDiscussionDate: "2025-12-15", icpcDate: null, icpcNotRequired: false }] };
    expect(item(r, "2025-12-20", "initial-conference")).toMatchObject({ dueDate: "2026-01-08" });
    const notRequired = { ...none, enquiries: [{ strategyDiscussionDate: "2025-12-15", icpcDate: null, icpcNotRequired: true }] };
    expect(item(notRequired, "2026-01-20", "initial-conference")).toBeUndefined();
  });
});

describe("child protection plan", () => {
  it("first review within 3 months of the conference, then 6-monthly, with month ends clamped", () => {
    const first = { ...none, cpPlans: [{ startDate: "2025-11-30", endDate: null, reviews: [] }] };
    expect(item(first, "2026-01-10", "cp-review")).toMatchObject({ dueDate: "2026-02-28" }); // 30 Nov + 3 months → 28 Feb
    const later = { ...none, cpPlans: [{ startDate: "2025-11-30", endDate: null, reviews: ["2026-02-20"] }] };
    expect(item(later, "2026-03-01", "cp-review")).toMatchObject({ dueDate: "2026-08-20" });
  });
  it("visits every 10 working days (council setting) from the last one", () => {
    const r = { ...none, cpPlans: [{ startDate: "2026-10-01", endDate: null, reviews: [] }], visits: ["2026-11-02"] };
    // Mon 2 Nov + 10 working days → Mon 16 Nov
    expect(item(r, "2026-11-17", "cp-visit")).toMatchObject({ dueDate: "2026-11-16", state: "overdue" });
    expect(childTimescales(r, "2026-11-10", { ...settings, cpVisitWorkingDays: 20 }).find((i) => i.kind === "cp-visit")?.dueDate).toBe("2026-11-30");
  });
});

describe("core group: first meeting within 10 working days of the initial conference", () => {
  // Mon 14 Dec 2026: 15–18 (4), 21–24 (8), Fri 25 Christmas, Mon 28 Boxing Day substitute (26th is a Saturday), 29 (9), 30 (10) → Wed 30 Dec 2026
  const plan = { startDate: "2026-12-14", endDate: null, reviews: [] };
  it("is due on 30 Dec 2026 across Christmas, and overdue the day after", () => {
    expect(item({ ...none, cpPlans: [plan] }, "2026-12-15", "core-group")).toMatchObject({ dueDate: "2026-12-30", state: "due" });
    expect(item({ ...none, cpPlans: [plan] }, "2026-12-31", "core-group")).toMatchObject({ state: "overdue" });
  });
  it("is met by the first meeting, on time or late, and gone once the plan has ended", () => {
    expect(item({ ...none, cpPlans: [{ ...plan, coreGroups: ["2027-01-20", "2026-12-22"] }] }, "2027-02-01", "core-group")).toMatchObject({ state: "done", doneOn: "2026-12-22", onTime: true });
    expect(item({ ...none, cpPlans: [{ ...plan, coreGroups: ["2027-01-04"] }] }, "2027-02-01", "core-group")).toMatchObject({ state: "done", onTime: false });
    expect(item({ ...none, cpPlans: [{ ...plan, endDate: "2027-01-10" }] }, "2027-02-01", "core-group")).toBeUndefined();
  });
});

describe("care leaver pathway plan: reviewed at least every 6 months", () => {
  it("with no review yet, 6 months from the start of care-leaver support (31 Mar + 6 months → 30 Sep)", () => {
    const r = { ...none, careLeaver: { since: "2026-03-31", pathwayPlanReviews: [] } };
    expect(item(r, "2026-09-01", "pathway-plan")).toMatchObject({ dueDate: "2026-09-30", state: "due" });
  });
  it("then 6 months from the latest review, whenever it was held", () => {
    const r = { ...none, careLeaver: { since: "2026-03-31", pathwayPlanReviews: ["2026-05-20", "2025-12-01"] } };
    expect(item(r, "2026-11-23", "pathway-plan")).toMatchObject({ dueDate: "2026-11-20", state: "overdue" });
  });
  it("is not due for a child who is not a care leaver", () => {
    expect(item(none, "2026-11-23", "pathway-plan")).toBeUndefined();
  });
});

describe("looked after", () => {
  const period = (over: Partial<ChildRecords["carePeriods"][number]> = {}): ChildRecords["carePeriods"][number] => ({
    startDate: "2026-01-05",
    endDate: null,
    placements: [{ startDate: "2026-01-05", endDate: null }],
    reviews: [],
    ...over,
  });
  it("reviews: first within 20 working days, second within 3 months of it, then 6-monthly", () => {
    // Mon 5 Jan 2026 + 20 working days → Mon 2 Feb
    expect(item({ ...none, carePeriods: [period()] }, "2026-01-10", "la-review")).toMatchObject({ dueDate: "2026-02-02" });
    expect(item({ ...none, carePeriods: [period({ reviews: ["2026-01-30"] })] }, "2026-02-10", "la-review")).toMatchObject({ dueDate: "2026-04-30" });
    expect(item({ ...none, carePeriods: [period({ reviews: ["2026-01-30", "2026-04-28"] })] }, "2026-05-10", "la-review")).toMatchObject({ dueDate: "2026-10-28" });
  });
  it("health: initial in 20 working days, then 6-monthly under 5 and yearly from 5", () => {
    expect(item({ ...none, carePeriods: [period()] }, "2026-01-10", "health-assessment")).toMatchObject({ dueDate: "2026-02-02" });
    const young = { ...none, dateOfBirth: "2023-03-01", carePeriods: [period()], healthAssessments: ["2026-01-20"] };
    expect(item(young, "2026-02-01", "health-assessment")).toMatchObject({ dueDate: "2026-07-20" });
    const older = { ...none, dateOfBirth: "2015-03-01", carePeriods: [period()], healthAssessments: ["2026-01-20"] };
    expect(item(older, "2026-02-01", "health-assessment")).toMatchObject({ dueDate: "2027-01-20" });
  });

  describe("regulation 28 visits", () => {
    const p = { startDate: "2026-01-05", endDate: null };
    it("within 1 week of any placement starting", () => {
      expect(regulation28NextVisit(p, [], null, "2026-01-06")).toMatchObject({ due: "2026-01-12" });
    });
    it("then at most every 6 weeks in the placement's first year", () => {
      expect(regulation28NextVisit(p, ["2026-01-09"], null, "2026-01-20")).toMatchObject({ due: "2026-02-20" });
    });
    it("after the first year, 3 months for a placement intended to last until 18, otherwise still 6 weeks", () => {
      const longTerm = { ...p, intendedUntil18: true };
      expect(regulation28NextVisit(longTerm, ["2027-02-01"], "2026-01-30", "2027-02-02")).toMatchObject({ due: "2027-05-01" });
      expect(regulation28NextVisit(p, ["2027-02-01"], "2026-01-30", "2027-02-02")).toMatchObject({ due: "2027-03-15" });
      // in the first year the 6-week rule holds even for a long-term placement
      expect(regulation28NextVisit(longTerm, ["2026-06-01"], "2026-01-30", "2026-06-02")).toMatchObject({ due: "2026-07-13" });
    });
    it("placed with parents: weekly until the first review, then 6 weeks; temporary connected person: then 4 weeks", () => {
      const parents = { ...p, placedWithParents: true };
      expect(regulation28NextVisit(parents, ["2026-01-09"], null, "2026-01-12")).toMatchObject({ due: "2026-01-16" });
      expect(regulation28NextVisit(parents, ["2026-02-03"], "2026-01-30", "2026-02-04")).toMatchObject({ due: "2026-03-17" });
      const connected = { ...p, temporaryApproval: true };
      expect(regulation28NextVisit(connected, ["2026-02-03"], "2026-01-30", "2026-02-04")).toMatchObject({ due: "2026-03-03" });
    });
    it("a new placement restarts the clock", () => {
      const r = { ...none, carePeriods: [period({ placements: [{ startDate: "2026-01-05", endDate: "2026-03-02" }, { startDate: "2026-03-02", endDate: null }] })], visits: ["2026-02-20"] };
      expect(item(r, "2026-03-03", "la-visit")).toMatchObject({ dueDate: "2026-03-09" });
    });
  });
});

describe("ordering", () => {
  it("puts open duties soonest first and met ones last", () => {
    const r = {
      ...none,
      referrals: [{ id: "e1", referralDate: "2026-10-01", closureDate: null }],
      assessments: [{ episodeId: "e1", startDate: "2026-10-02", authorisedDate: "2026-10-20" }],
      cpPlans: [{ startDate: "2026-11-01", endDate: null, reviews: [] }],
    };
    // the visit and the first core group are both due Fri 13 Nov (10 working days from Sun 1 Nov); the review 1 Feb
    expect(childTimescales(r, "2026-11-10", settings).map((i) => i.kind)).toEqual(["cp-visit", "core-group", "cp-review", "assessment"]);
  });
});

describe("placements from SSDA903 episodes (the regulation 28 clock)", () => {
  const episode = (startDate: string, endDate: string | null, reasonNewEpisode: string, extra = {}) => ({ startDate, endDate, reasonNewEpisode, ...extra });
  it("keeps a placement going through a change of legal status only, and starts a new one at every move", () => {
    const placements = placementsFromEpisodes([
      episode("2026-03-01", "2026-05-01", "P"), // given out of order
      episode("2026-01-05", "2026-02-01", "S"),
      episode("2026-02-01", "2026-03-01", "L", { intendedUntil18: false }), // interim → full care order, same carer
      episode("2026-05-01", null, "L", { intendedUntil18: true }),
    ]);
    expect(placements).toEqual([
      { startDate: "2026-01-05", endDate: "2026-03-01", intendedUntil18: false },
      { startDate: "2026-03-01", endDate: null, intendedUntil18: true },
    ]);
  });
  it("so a legal status change does not make a visit due a week later, and a move does", () => {
    const r = (episodes: Parameters<typeof placementsFromEpisodes>[0]): ChildRecords => ({
      ...none,
      visits: ["2026-02-20"],
      carePeriods: [{ startDate: "2026-01-05", endDate: null, reviews: ["2026-01-30"], placements: placementsFromEpisodes(episodes) }],
    });
    // visited 20 Feb in the placement that began 5 Jan: next within 6 weeks, 3 Apr, whatever the order says
    expect(item(r([episode("2026-01-05", "2026-03-02", "S"), episode("2026-03-02", null, "L")]), "2026-03-03", "la-visit")).toMatchObject({ dueDate: "2026-04-03" });
    // moved on 2 Mar: within a week of the new placement, 9 Mar
    expect(item(r([episode("2026-01-05", "2026-03-02", "S"), episode("2026-03-02", null, "B")]), "2026-03-03", "la-visit")).toMatchObject({ dueDate: "2026-03-09" });
  });
});
