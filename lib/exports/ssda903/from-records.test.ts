import { describe, expect, it } from "vitest";
import { isCodeIn, SOCIAL_WORKER_CHANGE_REASONS } from "@/lib/domain/ssda903-codes";
import { socialWorkerChangeReason, socialWorkerEpisodes, upnForReturn } from "./from-records";

describe("upnForReturn (2025-26 return)", () => {
  it("keeps a recorded UPN, upper case", () => {
    expect(upnForReturn(" a123456789012 ", "2015-01-01", 2026)).toBe("A123456789012");
  });
  it("gives UN1 to a child who turned 16 by 31 August 2025, UN2 to a child under 5 on 31 March 2026", () => {
    expect(upnForReturn(null, "2009-08-31", 2026)).toBe("UN1");
    expect(upnForReturn(null, "2022-04-01", 2026)).toBe("UN2");
  });
  it("leaves it blank for the checker when the child was of school age", () => {
    expect(upnForReturn(null, "2009-09-01", 2026)).toBe("");
    expect(upnForReturn(null, "2021-03-31", 2026)).toBe("");
    expect(upnForReturn("", null, 2026)).toBe("");
  });
});

describe("socialWorkerChangeReason", () => {
  it("reads the words an allocation ended with", () => {
    expect(socialWorkerChangeReason("Worker left the team")).toBe("LEFTRL");
    expect(socialWorkerChangeReason("Change of worker requested by the family")).toBe("CHCHAN");
    expect(socialWorkerChangeReason("Caseload rebalanced")).toBe("MANAGE");
    expect(socialWorkerChangeReason("Stepped up to child protection")).toBe("TSPROC");
    expect(socialWorkerChangeReason("Long-term sickness")).toBe("ABSENC");
    expect(socialWorkerChangeReason(null)).toBe("OTHERS");
  });
  it("only gives 2025-26 codes", () => {
    for (const text of ["x", "left", "contract ended", "restructure", "placement moved", "died"]) {
      expect(isCodeIn(SOCIAL_WORKER_CHANGE_REASONS, socialWorkerChangeReason(text))).toBe(true);
    }
  });
});

describe("socialWorkerEpisodes", () => {
  it("makes one episode per worker in order, each later one with the reason the one before ended", () => {
    const episodes = socialWorkerEpisodes([
      { workerId: "b", registration: "SW2", startDate: "2025-06-01", endDate: null, endReason: null },
      { workerId: "a", registration: "SW1", startDate: "2025-01-01", endDate: "2025-06-01", endReason: "Worker left the team" },
    ]);
    expect(episodes).toEqual([
      { workerId: "a", socialWorkerId: "SW1", startDate: "2025-01-01", endDate: "2025-06-01", reasonForChange: null },
      { workerId: "b", socialWorkerId: "SW2", startDate: "2025-06-01", endDate: null, reasonForChange: "LEFTRL" },
    ]);
  });
  it("joins one worker's back-to-back allocations, and leaves the ID blank without a registration number", () => {
    const episodes = socialWorkerEpisodes([
      { workerId: "a", registration: null, startDate: "2025-01-01", endDate: "2025-03-01", endReason: "Case transferred" },
      { workerId: "a", registration: null, startDate: "2025-03-01", endDate: null, endReason: null },
    ]);
    expect(episodes).toEqual([{ workerId: "a", socialWorkerId: "", startDate: "2025-01-01", endDate: null, reasonForChange: null }]);
  });
});
