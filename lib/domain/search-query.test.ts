import { describe, expect, it } from "vitest";
import { isEmptyQuery, parseSearchQuery, postcodeKeyRanges } from "./search-query";

describe("parseSearchQuery", () => {
  it("reads names and a birth year", () => {
    expect(parseSearchQuery("Jon Smyth 2015", 2026)).toMatchObject({ names: ["Jon", "Smyth"], birthYear: 2015, dateOfBirth: null });
  });
  it("reads a date of birth in English or ISO order", () => {
    expect(parseSearchQuery("amy 3/4/2016").dateOfBirth).toBe("2016-04-03");
    expect(parseSearchQuery("amy 2016-04-03").dateOfBirth).toBe("2016-04-03");
    expect(parseSearchQuery("amy 31/02/2016").dateOfBirth).toBeNull();
  });
  it("reads postcodes with or without the space", () => {
    expect(parseSearchQuery("WX1 4AB").postcode).toBe("WX14AB");
    expect(parseSearchQuery("smith wx14ab").postcode).toBe("WX14AB");
  });
  it("reads an outward code alone, with names, or with the start of the inward code", () => {
    expect(parseSearchQuery("WX1")).toMatchObject({ postcodeStart: "WX1", postcode: null, names: [], identifier: null });
    expect(parseSearchQuery("Smith wx1")).toMatchObject({ postcodeStart: "WX1", names: ["Smith"] });
    expect(parseSearchQuery("wx1 4 Smith")).toMatchObject({ postcodeStart: "WX1 4", names: ["Smith"] });
    expect(parseSearchQuery("WX1 4a").postcodeStart).toBe("WX1 4A");
    expect(parseSearchQuery("Amy EC1A 2016", 2026)).toMatchObject({ postcodeStart: "EC1A", names: ["Amy"], birthYear: 2016 });
    expect(parseSearchQuery("M1")).toMatchObject({ postcodeStart: "M1", names: [] });
    expect(isEmptyQuery(parseSearchQuery("WX1"))).toBe(false);
  });
  it("reads a four-character outward code as a district, not an identifier", () => {
    expect(parseSearchQuery("WX14")).toMatchObject({ postcodeStart: "WX14", identifier: null });
  });
  it("keeps a full postcode whole rather than reading its outward code as a district", () => {
    expect(parseSearchQuery("Smith WX1 4AB")).toMatchObject({ postcode: "WX14AB", postcodeStart: null, names: ["Smith"] });
  });
  it("never takes a word for an outward code: outward codes always have a digit", () => {
    expect(parseSearchQuery("Al Ng")).toMatchObject({ names: ["Al", "Ng"], postcodeStart: null });
    expect(parseSearchQuery("Jo Smith 2015", 2026)).toMatchObject({ names: ["Jo", "Smith"], postcodeStart: null, birthYear: 2015 });
  });
  it("reads a UPN or a council child id", () => {
    expect(parseSearchQuery("A123456789012").identifier).toBe("A123456789012");
    expect(parseSearchQuery("wx000123")).toMatchObject({ identifier: "WX000123", names: [] });
  });
  it("keeps hyphenated and apostrophe names, drops stray punctuation", () => {
    expect(parseSearchQuery("O'Neil Smith-Jones, ").names).toEqual(["O'Neil", "Smith-Jones"]);
  });
  it("does not take a year in the future as a birth year", () => {
    expect(parseSearchQuery("smith 2031", 2026).birthYear).toBeNull();
  });
});

describe("postcodeKeyRanges", () => {
  it("covers a district with one range per inward digit", () => {
    const ranges = postcodeKeyRanges("WX1");
    expect(ranges).toHaveLength(10);
    expect(ranges[0]).toEqual(["WX10AA", "WX10ZZ"]);
    expect(ranges[9]).toEqual(["WX19AA", "WX19ZZ"]);
  });
  it("holds every postcode of the district and none of WX10 or WX1A", () => {
    const within = (key: string) => postcodeKeyRanges("WX1").some(([from, to]) => key >= from && key <= to);
    expect(["WX10AA", "WX14AB", "WX19ZZ"].every(within)).toBe(true);
    expect(["WX100AA", "WX104AB", "WX109ZZ", "WX1A1AA", "WX24AB", "WX1", "WX14A"].some(within)).toBe(false);
  });
  it("narrows to a sector, or a sector and its first letter", () => {
    expect(postcodeKeyRanges("WX1 4")).toEqual([["WX14AA", "WX14ZZ"]]);
    expect(postcodeKeyRanges("EC1A 1B")).toEqual([["EC1A1BA", "EC1A1BZ"]]);
  });
});
