import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "./search-query";

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
