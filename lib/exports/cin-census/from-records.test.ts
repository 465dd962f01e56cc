import { describe, expect, it } from "vitest";
import { episodeFor, initialCpcTarget, laChildIdFor, previousPlanCounts, upnUnknownFor } from "./from-records";

describe("reading the product's records for the census", () => {
  it("LAchildID: the recorded one, or a stable one from the record's id", () => {
    expect(laChildIdFor({ id: "0f8c2a1e-1111-4222-8333-944455556666", laChildId: " WX000123 " })).toBe("WX000123");
    const derived = laChildIdFor({ id: "0f8c2a1e-1111-4222-8333-944455556666", laChildId: null });
    expect(derived).toBe("P0F8C2A1E11114222833");
    expect(derived).toMatch(/^[A-Z0-9]{20}$/);
  });

  it("UPNunknown: UN7 for referrals with no further action only, UN6 under 6 on 31 March, else none", () => {
    const nfa = [{ referralNfa: true }];
    const open = [{ referralNfa: false }];
    expect(upnUnknownFor({ upn: "P201123456789", dateOfBirth: "2021-01-01" }, open, 2026)).toBeNull();
    expect(upnUnknownFor({ upn: null, dateOfBirth: "2010-01-01" }, nfa, 2026)).toBe("UN7");
    expect(upnUnknownFor({ upn: null, dateOfBirth: "2020-04-01" }, open, 2026)).toBe("UN6"); // 5 on 31 Mar 2026
    expect(upnUnknownFor({ upn: null, dateOfBirth: "2020-03-31" }, open, 2026)).toBeNull(); // 6 that day
    expect(upnUnknownFor({ upn: null, dateOfBirth: null }, open, 2026)).toBe("UN6"); // unborn
  });

  it("the episode of a module: the one recorded, else the one open on its date", () => {
    const episodes = [
      { id: "a", referralDate: "2024-01-01", closureDate: "2024-06-01" },
      { id: "b", referralDate: "2025-01-01", closureDate: null },
    ];
    expect(episodeFor({ cinEpisodeId: "a", date: "2025-03-01" }, episodes)).toBe("a");
    expect(episodeFor({ cinEpisodeId: null, date: "2024-06-01" }, episodes)).toBe("a");
    expect(episodeFor({ cinEpisodeId: null, date: "2025-03-01" }, episodes)).toBe("b");
    expect(episodeFor({ cinEpisodeId: null, date: "2024-09-01" }, episodes)).toBeNull();
    expect(episodeFor({ cinEpisodeId: "gone", date: "2025-03-01" }, episodes)).toBe("b");
  });

  it("previous plans: the child's plans that started earlier", () => {
    const counts = previousPlanCounts([
      { id: "x", startDate: "2025-05-01" },
      { id: "y", startDate: "2022-01-01" },
      { id: "z", startDate: "2023-07-01" },
    ]);
    expect(Object.fromEntries(counts)).toEqual({ x: 2, y: 0, z: 1 });
  });

  it("initial conference target: 15 working days from the strategy discussion, skipping bank holidays", () => {
    expect(initialCpcTarget("2025-08-20")).toBe("2025-09-11"); // the August bank holiday (25th) is skipped
    expect(initialCpcTarget("2025-12-15")).toBe("2026-01-08"); // Christmas, Boxing Day and New Year's Day
  });
});
