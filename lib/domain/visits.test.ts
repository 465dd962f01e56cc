import { describe, expect, it } from "vitest";
import { childrenSeen, isSameVisit } from "./visits";

describe("children seen on a visit", () => {
  it("keeps the children seen, and whether each was seen alone", () => {
    expect(childrenSeen({ a: "SEEN_ALONE", b: "NOT_SEEN", c: "SEEN" })).toEqual([
      { personId: "a", seenAlone: true },
      { personId: "c", seenAlone: false },
    ]);
    expect(childrenSeen({ a: "NOT_SEEN" })).toEqual([]);
  });
});

describe("telling a retry from another visit", () => {
  const visit = {
    visitedAt: new Date("2026-05-01T09:30:00Z"),
    type: "HOME",
    children: [
      { personId: "A", seenAlone: true },
      { personId: "b", seenAlone: false },
    ],
    othersPresent: "Mum",
    note: "Home warm.\r\nChildren relaxed.",
    wishesAndFeelings: null,
    significant: true,
  };

  it("a double tap or a retry sends the same visit", () => {
    expect(isSameVisit(visit, { ...visit })).toBe(true);
    // as stored: trimmed, plain line endings, children in another order, ids in lower case
    expect(isSameVisit(visit, { ...visit, note: "Home warm.\nChildren relaxed. ", wishesAndFeelings: "", children: [visit.children[1]!, { personId: "a", seenAlone: true }] })).toBe(true);
  });

  it("anything else that differs is another visit", () => {
    expect(isSameVisit(visit, { ...visit, note: "Nobody in." })).toBe(false);
    expect(isSameVisit(visit, { ...visit, visitedAt: new Date("2026-05-01T09:31:00Z") })).toBe(false);
    expect(isSameVisit(visit, { ...visit, type: "SCHOOL" })).toBe(false);
    expect(isSameVisit(visit, { ...visit, children: [{ personId: "a", seenAlone: false }, visit.children[1]!] })).toBe(false);
    expect(isSameVisit(visit, { ...visit, children: [visit.children[0]!] })).toBe(false);
    expect(isSameVisit(visit, { ...visit, significant: false })).toBe(false);
    expect(isSameVisit(visit, { ...visit, othersPresent: "Gran" })).toBe(false);
  });
});
