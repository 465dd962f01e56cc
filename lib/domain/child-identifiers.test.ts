import { describe, expect, it } from "vitest";
import { checkChildIdentifiers, identifierChanges, normaliseLaChildId, normaliseUpn, upnProblem, type ChildIdentifiers } from "./child-identifiers";
import { laChildIdFor } from "./identifiers";

const today = "2026-06-15";
const stored: ChildIdentifiers = { dateOfBirth: "2015-03-12", expectedDateOfBirth: null, sex: "F", ethnicity: null, upn: null, laChildId: "WX000123" };
const unborn: ChildIdentifiers = { dateOfBirth: null, expectedDateOfBirth: "2026-08-01", sex: "U", ethnicity: "NOBT", upn: null, laChildId: "WX000124" };
const typed = { dateOfBirth: "2015-03-12", sex: "F", ethnicity: "WBRI", upn: "", laChildId: "WX000123" };

describe("a child's identifiers and equality details", () => {
  it("accepts a full set, with the UPN written as people type it", () => {
    const check = checkChildIdentifiers({ ...typed, upn: " a123 4567 89012 " }, stored, today);
    expect(check).toEqual({ ok: true, value: { dateOfBirth: "2015-03-12", expectedDateOfBirth: null, sex: "F", ethnicity: "WBRI", upn: "A123456789012", laChildId: "WX000123" } });
    expect(normaliseUpn("a123 4567 89012")).toBe("A123456789012");
  });

  it("refuses a UPN whose check letter does not match, or of the wrong shape", () => {
    expect(upnProblem("A123456789012")).toBeNull();
    expect(upnProblem("B123456789012")).toMatch(/check letter/);
    expect(upnProblem("A12345")).toMatch(/13 characters/);
    const check = checkChildIdentifiers({ ...typed, upn: "B123456789012" }, stored, today);
    expect(check.ok || check.fieldErrors).toEqual({ upn: expect.stringMatching(/check letter/) });
  });

  it("asks for the ethnicity and sex from the census lists", () => {
    const check = checkChildIdentifiers({ ...typed, ethnicity: "", sex: "X" }, stored, today);
    expect(check.ok || Object.keys(check.fieldErrors)).toEqual(["sex", "ethnicity"]);
    expect(checkChildIdentifiers({ ...typed, ethnicity: "NOBT" }, stored, today).ok).toBe(true);
    expect(checkChildIdentifiers({ ...typed, ethnicity: "XXXX" }, stored, today).ok).toBe(false);
  });

  it("keeps an LA child id once recorded (it can be corrected, not removed), in capitals", () => {
    const removed = checkChildIdentifiers({ ...typed, laChildId: "" }, stored, today);
    expect(removed.ok || removed.fieldErrors.laChildId).toMatch(/known as WX000123 .* corrected but not removed/);
    const corrected = checkChildIdentifiers({ ...typed, laChildId: "wx000321" }, stored, today);
    expect(corrected.ok && corrected.value.laChildId).toBe("WX000321");
    expect(checkChildIdentifiers({ ...typed, laChildId: "WX-1" }, stored, today).ok).toBe(false);
    expect(checkChildIdentifiers({ ...typed, laChildId: "A".repeat(21) }, stored, today).ok).toBe(false);
    // a child without one may stay without one (the returns derive theirs)
    expect(checkChildIdentifiers({ ...typed, laChildId: "" }, { ...stored, laChildId: null }, today).ok).toBe(true);
    // an older record's id typed again in other case is left as it was
    expect(normaliseLaChildId("ab12", "Ab12")).toBe("Ab12");
    expect(normaliseLaChildId(" ab13 ", "Ab12")).toBe("AB13");
  });

  it("needs a date of birth in the past, or for an unborn child the expected date; a date of birth removes the expected date", () => {
    const none = checkChildIdentifiers({ ...typed, dateOfBirth: "" }, stored, today);
    expect(none.ok || none.fieldErrors.dateOfBirth).toBe("Enter the date of birth");
    expect(checkChildIdentifiers({ ...typed, dateOfBirth: "2026-06-16" }, stored, today).ok).toBe(false);
    expect(checkChildIdentifiers({ ...typed, dateOfBirth: "2015-02-30" }, stored, today).ok).toBe(false);
    expect(checkChildIdentifiers({ ...typed, dateOfBirth: "1015-02-03" }, stored, today).ok).toBe(false);

    const stillUnborn = checkChildIdentifiers({ ...typed, dateOfBirth: "", expectedDateOfBirth: "2026-08-10", sex: "U", laChildId: "WX000124" }, unborn, today);
    expect(stillUnborn.ok && stillUnborn.value).toMatchObject({ dateOfBirth: null, expectedDateOfBirth: "2026-08-10" });
    const born = checkChildIdentifiers({ ...typed, dateOfBirth: "2026-06-01", expectedDateOfBirth: "2026-08-01", laChildId: "WX000124" }, unborn, today);
    expect(born.ok && born.value).toMatchObject({ dateOfBirth: "2026-06-01", expectedDateOfBirth: null });
    const tooFar = checkChildIdentifiers({ ...typed, dateOfBirth: "", expectedDateOfBirth: "2027-06-01", laChildId: "WX000124" }, unborn, today);
    expect(tooFar.ok || tooFar.fieldErrors.expectedDateOfBirth).toMatch(/next 10 months/);
    const neither = checkChildIdentifiers({ ...typed, dateOfBirth: "", expectedDateOfBirth: "", laChildId: "WX000124" }, unborn, today);
    expect(neither.ok || neither.fieldErrors.dateOfBirth).toMatch(/or the expected date of birth/);
  });

  it("lists what a save changes, for the audit log", () => {
    const after = { ...stored, ethnicity: "WBRI", upn: "A123456789012" };
    expect(identifierChanges(stored, after)).toEqual([
      { field: "ethnicity", before: null, after: "WBRI" },
      { field: "upn", before: null, after: "A123456789012" },
    ]);
    expect(identifierChanges(stored, { ...stored })).toEqual([]);
  });
});

describe("the identifier both returns know a child by", () => {
  it("is the recorded LA child id, or one derived from the record's id that never changes", () => {
    expect(laChildIdFor({ id: "0f8c2a1e-1111-4222-8333-944455556666", laChildId: " WX000123 " })).toBe("WX000123");
    expect(laChildIdFor({ id: "0f8c2a1e-1111-4222-8333-944455556666", laChildId: null })).toBe("P0F8C2A1E11114222833");
  });
});
