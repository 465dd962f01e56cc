import { describe, expect, it } from "vitest";
import { isValidUpn, upnCheckLetter } from "./identifiers";

describe("UPN check letter", () => {
  it("matches a hand-worked example", () => {
    // 1×2 + 2×3 + 3×4 + 4×5 + 5×6 + 6×7 + 7×8 + 8×9 + 9×10 + 0×11 + 1×12 + 2×13 = 368; 368 mod 23 = 0 → A
    expect(upnCheckLetter("123456789012")).toBe("A");
    expect(isValidUpn("A123456789012")).toBe(true);
    expect(isValidUpn("B123456789012")).toBe(false);
  });
  it("counts a temporary UPN's final letter by its place in the check alphabet", () => {
    // …9×10 + 0×11 + 1×12 = 342, plus C (2) × 13 = 368 → A
    expect(upnCheckLetter("12345678901C")).toBe("A");
  });
  it("rejects malformed numbers", () => {
    expect(isValidUpn("A12345")).toBe(false);
    // a temporary UPN's last letter comes from the check alphabet: I, O and S are not in it
    for (const letter of ["I", "O", "S"]) {
      expect(() => upnCheckLetter(`12345678901${letter}`)).toThrow();
      for (const check of "ABCDEFGHJKLMNPQRTUVWXYZ") expect(isValidUpn(`${check}12345678901${letter}`)).toBe(false);
    }
    expect(() => upnCheckLetter("12345678901")).toThrow();
  });
});
