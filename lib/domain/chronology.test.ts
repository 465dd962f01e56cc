import { describe, expect, it } from "vitest";
import { buildChronology, type ChronologyInput } from "./chronology";

const empty: ChronologyInput = { contacts: [], referrals: [], visits: [], transitions: [], summaries: [], cases: [] };

describe("a child's chronology", () => {
  it("puts every kind of record in one list, newest first", () => {
    const entries = buildChronology({
      ...empty,
      cases: [{ id: "c1", reference: "WX-00001", level: "CHILD_IN_NEED", openedOn: "2026-01-05", closedOn: null, closureReason: null }],
      contacts: [{ id: "k1", receivedOn: "2026-01-04", source: "2A", reason: "School saw bruising", decision: "REFERRAL", decisionOn: "2026-01-05" }],
      referrals: [{ caseId: "c1", reference: "WX-00001", referralDate: "2026-01-04", reReferral: true, primaryNeedCode: "N1", closureDate: null, closureReason: null }],
      visits: [{ caseId: "c1", visitedAt: "2026-02-01T10:30:00.000Z", type: "HOME", seenAlone: true, significant: true, note: "Seen in her room", wishesAndFeelings: "I like my new school" }],
      transitions: [
        { id: "t1", caseId: "c1", kind: "LEVEL_CHANGE", from: "CHILD_IN_NEED", to: "CHILD_PROTECTION", status: "APPROVED", decidedAt: "2026-03-01T09:00:00.000Z", effectiveOn: "2026-03-01" },
        { id: "t2", caseId: "c1", kind: "CLOSURE", from: "CHILD_PROTECTION", to: "CLOSED", status: "REJECTED", decidedAt: "2026-04-01T09:00:00.000Z", effectiveOn: null },
      ],
      summaries: [{ caseId: "c1", version: 2, savedAt: "2026-02-10T12:00:00.000Z", safetyScale: 4, savedBy: "Sam" }],
    });
    expect(entries.map((e) => [e.at.slice(0, 10), e.title])).toEqual([
      ["2026-03-01", "Change of level: Child in need to Child protection"],
      ["2026-02-10", "Case summary revised (version 2) by Sam"],
      ["2026-02-01", "Home visit: seen alone"],
      ["2026-01-05", "Case WX-00001 opened"],
      ["2026-01-04", "Contact received (source 2A): referral to social care on 2026-01-05"],
      ["2026-01-04", "Referral to children's social care (re-referral within 12 months)"],
    ]);
    expect(entries.find((e) => e.kind === "visit")?.detail).toBe("Seen in her room — In their words: I like my new school");
    expect(entries.find((e) => e.kind === "contact")?.significant).toBe(false);
  });

  it("shows closures of cases and episodes", () => {
    const entries = buildChronology({
      ...empty,
      cases: [{ id: "c1", reference: "WX-1", level: "SUPPORT", openedOn: "2025-01-01", closedOn: "2025-06-01", closureReason: "RC7" }],
      referrals: [{ caseId: "c1", reference: "WX-1", referralDate: "2025-01-01", reReferral: false, primaryNeedCode: null, closureDate: "2025-05-01", closureReason: "RC7" }],
    });
    expect(entries.map((e) => e.title)).toEqual(["Case WX-1 closed (RC7)", "Child in need episode ended (RC7)", "Case WX-1 opened", "Referral to children's social care"]);
  });
});
