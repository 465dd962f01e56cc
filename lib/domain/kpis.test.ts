// Every KPI on a small hand-built data set; the expected answers are worked out in the comments.
import { describe, expect, it } from "vitest";
import { socialWorkerChanges } from "./placements-stability";
import {
  agencyRate,
  allocatedSocialWorkers,
  isAllocatedSocialWorker,
  type ChildCaseAllocation,
  assessmentsOnTime,
  caseloadPerFte,
  childrenInNeedRate,
  childrenOnPlans,
  conferencesOnTime,
  driftRate,
  medianDays,
  entriesToCare,
  financialYearOf,
  lookedAfterRate,
  monthEnds,
  plansLastingTwoYears,
  reReferralAfterClosure,
  reReferralRate,
  repeatPlans,
  rollingYear,
  supportStepUpRate,
  suppressSmall,
  throughput,
  transitionFlows,
} from "./kpis";

const fy = { from: "2025-04-01", to: "2026-03-31" };

describe("re-referrals", () => {
  const referrals = [
    { personId: "a", referralDate: "2024-06-01" },
    { personId: "a", referralDate: "2025-05-01" }, // 11 months after a's first: re-referral
    { personId: "b", referralDate: "2024-04-30" },
    { personId: "b", referralDate: "2025-05-01" }, // a year and a day after: not a re-referral
    { personId: "c", referralDate: "2025-09-01" }, // first referral
    { personId: "c", referralDate: "2026-03-31" }, // 7 months after: re-referral, last day of the year
    { personId: "d", referralDate: "2026-04-01" }, // after the year
  ];
  it("DfE: 2 of the 4 referrals in the year had one in the 12 months before → 50 %", () => {
    expect(reReferralRate(referrals, fy)).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
  });
  it("after closure: of 2 cases closed in the year, 1 was referred again within 12 months → 50 %", () => {
    const closed = [
      { caseId: "x", closedOn: "2025-06-30", childIds: ["c"] }, // c referred 2025-09-01: again
      { caseId: "y", closedOn: "2025-07-31", childIds: ["e"] }, // e never again
      { caseId: "z", closedOn: "2024-12-01", childIds: ["a"] }, // closed before the year
    ];
    expect(reReferralAfterClosure(closed, referrals, fy)).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });
});

describe("stock measures at the end of the period", () => {
  const spans = [
    { personId: "a", startDate: "2025-01-01", endDate: null }, // open
    { personId: "b", startDate: "2025-01-01", endDate: "2026-03-31" }, // ended on the last day: not open at its end
    { personId: "c", startDate: "2026-03-31", endDate: null }, // started on the last day: open
    { personId: "c", startDate: "2024-01-01", endDate: "2024-06-01" }, // an earlier one of c's, ended
    { personId: "d", startDate: "2026-04-01", endDate: null }, // after
  ];
  it("children in need per 10,000: 2 children of 40,000 → 0.5", () => {
    expect(childrenInNeedRate(spans, fy, 40_000)).toEqual({ numerator: 2, denominator: 40_000, value: 0.5 });
  });
  it("children on plans and looked after count children, not rows", () => {
    expect(childrenOnPlans(spans, fy, 20_000).numerator).toBe(2);
    expect(lookedAfterRate(spans, fy, 20_000)).toEqual({ numerator: 2, denominator: 20_000, value: 1 });
  });
  it("entries to care: periods starting in the year → 1 (c on 31 March)", () => {
    expect(entriesToCare(spans, fy)).toEqual({ numerator: 1, denominator: null, value: 1 });
  });
});

describe("child protection plans", () => {
  const plans = [
    { personId: "a", startDate: "2022-05-01", endDate: "2024-05-01" }, // a's earlier plan
    { personId: "a", startDate: "2025-06-01", endDate: null }, // repeat
    { personId: "b", startDate: "2025-07-01", endDate: null }, // first
    { personId: "c", startDate: "2023-06-01", endDate: "2025-06-01" }, // ended in year after exactly 2 years
    { personId: "d", startDate: "2024-09-01", endDate: "2025-12-01" }, // ended in year after 15 months
  ];
  it("repeat plans: 1 of the 2 started in the year → 50 %", () => {
    expect(repeatPlans(plans, fy)).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });
  it("lasting 2 years or more: 1 of the 2 ending in the year → 50 % (exactly 2 years counts)", () => {
    expect(plansLastingTwoYears(plans, fy)).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });
});

describe("timeliness", () => {
  it("assessments within 45 working days: 2 of 3 completed in the year", () => {
    const assessments = [
      { startDate: "2025-12-01", authorisedDate: "2026-02-05" }, // 45 working days exactly: on time
      { startDate: "2025-12-01", authorisedDate: "2026-02-06" }, // 46: late
      { startDate: "2025-06-02", authorisedDate: "2025-06-20" }, // 14: on time
      { startDate: "2025-03-01", authorisedDate: "2025-03-20" }, // completed before the year
      { startDate: "2026-01-10", authorisedDate: null }, // not completed
    ];
    expect(assessmentsOnTime(assessments, fy)).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
  });
  it("conferences within 15 working days of the s47 start: 1 of 2", () => {
    const enquiries = [
      { startDate: "2025-12-15", icpcDate: "2026-01-08" }, // 15 Dec → 8 Jan: Dec 16–19 (4), 22–24 (3), 29–31 (3), Jan 2 (1), 5–8 (4) = 15: on time
      { startDate: "2025-12-15", icpcDate: "2026-01-09" }, // 16: late
      { startDate: "2026-03-20", icpcDate: null },
    ];
    expect(conferencesOnTime(enquiries, fy)).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });
});

describe("workforce and flow", () => {
  it("caseload per FTE: 31 children ÷ 2.5 FTE = 12.4", () => {
    expect(caseloadPerFte(31, 2.5)).toEqual({ numerator: 31, denominator: 2.5, value: 12.4 });
  });
  it("throughput: 60 closures over 12 months with 2.5 FTE = 2 per FTE per month", () => {
    const closed = Array.from({ length: 60 }, () => "2025-10-01").concat(["2025-03-31"]);
    expect(throughput(closed, 2.5, fy)).toEqual({ numerator: 60, denominator: 30, value: 2 });
  });
  it("agency rate by FTE: (1 + 0.5) ÷ (1 + 0.5 + 1 + 0.5) = 50 %", () => {
    expect(agencyRate([{ fte: 1, agency: true }, { fte: 0.5, agency: true }, { fte: 1, agency: false }, { fte: 0.5, agency: false }])).toEqual({ numerator: 1.5, denominator: 3, value: 0.5 });
  });
  it("flows between levels, and Support step-ups ÷ Support closures", () => {
    const transitions = [
      { from: "SUPPORT", to: "CHILD_IN_NEED", decidedOn: "2025-05-01" },
      { from: "SUPPORT", to: "CHILD_IN_NEED", decidedOn: "2025-06-01" },
      { from: "SUPPORT", to: "CLOSED", decidedOn: "2025-07-01" },
      { from: "SUPPORT", to: "CLOSED", decidedOn: "2025-08-01" },
      { from: "SUPPORT", to: "CLOSED", decidedOn: "2025-09-01" },
      { from: "SUPPORT", to: "CLOSED", decidedOn: "2025-10-01" },
      { from: "CHILD_IN_NEED", to: "SUPPORT", decidedOn: "2025-11-01" },
      { from: "SUPPORT", to: "CLOSED", decidedOn: "2024-11-01" }, // before the year
    ];
    expect(transitionFlows(transitions, fy)).toEqual({ "SUPPORT→CHILD_IN_NEED": 2, "SUPPORT→CLOSED": 4, "CHILD_IN_NEED→SUPPORT": 1 });
    expect(supportStepUpRate(transitions, fy)).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
  });
  it("drift rate: 1 red of 4 open cases", () => {
    expect(driftRate(["ok", "amber", "red", "ok"])).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
  });
  it("median days since the last significant intervention: the middle case, or halfway between the two middle ones", () => {
    expect(medianDays([12, 3, 40])).toBe(12);
    expect(medianDays([7, 1, 4, 2])).toBe(3); // 2 and 4
    expect(medianDays([5])).toBe(5);
    expect(medianDays([])).toBeNull();
  });
});

describe("looked-after children with 3+ social workers in the year: lead allocations of social workers only", () => {
  const a = (childId: string, workerId: string, startDate: string, endDate: string | null, more: Partial<ChildCaseAllocation> = {}): ChildCaseAllocation => ({
    childId,
    workerId,
    workerRole: "SOCIAL_WORKER",
    roleOnCase: "LEAD",
    startDate,
    endDate,
    ...more,
  });
  const allocations: ChildCaseAllocation[] = [
    // co: one lead all year; two other social workers joined as co-workers and a clinician → 1 allocated social worker, not counted
    a("co", "sw1", "2024-09-01", null),
    a("co", "sw2", "2025-06-01", "2025-09-01", { roleOnCase: "CO_WORKER" }),
    a("co", "sw3", "2025-09-01", null, { roleOnCase: "CO_WORKER" }),
    a("co", "clin", "2025-05-01", null, { roleOnCase: "CLINICIAN", workerRole: "CLINICIAN" }),
    // leads: three successive leads — a social worker, an NQSW, a senior practitioner → 3, counted
    a("leads", "sw1", "2024-01-01", "2025-06-01"),
    a("leads", "nq", "2025-06-01", "2025-11-01", { workerRole: "NEWLY_QUALIFIED_SOCIAL_WORKER" }),
    a("leads", "sp", "2025-11-01", null, { workerRole: "SENIOR_PRACTITIONER" }),
    // back: sw2, sw3, then sw2 again as lead → 2 different, not counted; a keyworker co-working adds nobody
    a("back", "sw2", "2025-04-01", "2025-07-01"),
    a("back", "sw3", "2025-07-01", "2025-10-01"),
    a("back", "sw2", "2025-10-01", null),
    a("back", "kw", "2025-05-01", null, { roleOnCase: "CO_WORKER", workerRole: "FAMILY_KEYWORKER" }),
    // covered: sw1, then the team manager held the case while it waited, then sw2 → 3, counted (the SSDA903 names the manager too)
    a("covered", "sw1", "2025-04-01", "2025-06-01"),
    a("covered", "tm", "2025-06-01", "2025-07-01", { workerRole: "TEAM_MANAGER" }),
    a("covered", "sw2", "2025-07-01", null),
    // early: the first lead handed over on 1 April 2025 (no day in the year) → 2, not counted
    a("early", "sw1", "2024-01-01", "2025-04-01"),
    a("early", "sw2", "2025-04-01", "2025-12-01"),
    a("early", "sw3", "2025-12-01", null),
  ];

  it("only a lead held by a social worker, NQSW, senior practitioner or team manager makes the child's allocated social worker", () => {
    expect(isAllocatedSocialWorker({ roleOnCase: "LEAD", workerRole: "SENIOR_PRACTITIONER" })).toBe(true);
    expect(isAllocatedSocialWorker({ roleOnCase: "LEAD", workerRole: "ASSISTANT_TEAM_MANAGER" })).toBe(true);
    expect(isAllocatedSocialWorker({ roleOnCase: "CLINICIAN", workerRole: "CLINICIAN" })).toBe(false);
    expect(isAllocatedSocialWorker({ roleOnCase: "CO_WORKER", workerRole: "SOCIAL_WORKER" })).toBe(false);
    expect(isAllocatedSocialWorker({ roleOnCase: "LEAD", workerRole: "FAMILY_KEYWORKER" })).toBe(false);
    const byChild = allocatedSocialWorkers(allocations);
    expect(byChild.get("co")!.allocations.map((x) => x.socialWorkerId)).toEqual(["sw1"]);
    expect(byChild.get("back")!.allocations.map((x) => x.socialWorkerId)).toEqual(["sw2", "sw3", "sw2"]);
  });

  it("2 of the 6 looked-after children (leads, covered) had 3+; co-workers never count; a child with no social worker is still counted → 33 %", () => {
    const byChild = allocatedSocialWorkers(allocations);
    const lookedAfter = ["co", "leads", "back", "covered", "early", "none"].map((id) => byChild.get(id) ?? { childId: id, allocations: [] });
    expect(socialWorkerChanges(lookedAfter, fy)).toEqual({ count: 2, outOf: 6, rate: 2 / 6, childIds: ["leads", "covered"] });
  });
});

describe("periods and sharing", () => {
  it("financial year, rolling year and month ends", () => {
    expect(financialYearOf("2026-03-31")).toEqual({ from: "2025-04-01", to: "2026-03-31" });
    expect(financialYearOf("2026-04-01")).toEqual({ from: "2026-04-01", to: "2027-03-31" });
    expect(rollingYear("2026-11-22")).toEqual({ from: "2025-11-23", to: "2026-11-22" });
    expect(monthEnds("2026-02-10", 3)).toEqual(["2025-12-31", "2026-01-31", "2026-02-28"]);
  });
  it("never shares a count under 5", () => {
    expect(suppressSmall({ numerator: 3, denominator: 40, value: 0.075 })).toBeNull();
    expect(suppressSmall({ numerator: 8, denominator: 4, value: 2 })).toBeNull();
    expect(suppressSmall({ numerator: 0, denominator: 40, value: 0 })).toEqual({ numerator: 0, denominator: 40, value: 0 });
    expect(suppressSmall({ numerator: 12, denominator: 40, value: 0.3 })).toEqual({ numerator: 12, denominator: 40, value: 0.3 });
  });
});
