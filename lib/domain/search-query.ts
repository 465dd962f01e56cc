// Reading what someone typed into the search box: names, a date of birth or a year, a postcode or
// the start of one, or an identifier (UPN or the council's child id). "Jon Smyth 2015" → names Jon,
// Smyth; born 2015. "Smith WX1" → name Smith, in the WX1 postcode district.
import { isIsoDate } from "./dates";

export type SearchQuery = {
  names: string[];
  dateOfBirth: string | null;
  birthYear: number | null;
  postcode: string | null;
  /**
   * The start of a postcode: an outward code ("WX1"), perhaps with the start of the inward code
   * ("WX1 4"), as typed but in capitals with one space. It narrows the search to that district.
   */
  postcodeStart: string | null;
  /** a UPN or LA child id typed in full */
  identifier: string | null;
  text: string;
};

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$/;
const OUTWARD = /^[A-Z]{1,2}\d[A-Z\d]?$/;
/** what may follow an outward code when only the start of the inward code is typed: "4" or "4A" */
const PARTIAL_INWARD = /^\d[A-Z]?$/;
const UPN = /^[A-Z]\d{11}[0-9A-Z]$/;

function parseDate(token: string): string | null {
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(token);
  if (m) {
    const iso = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
    return isIsoDate(iso) ? iso : null;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(token);
  return m && isIsoDate(token) ? token : null;
}

export function parseSearchQuery(input: string, thisYear = new Date().getUTCFullYear()): SearchQuery {
  const text = input.trim().replace(/\s+/g, " ").slice(0, 200);
  const query: SearchQuery = { names: [], dateOfBirth: null, birthYear: null, postcode: null, postcodeStart: null, identifier: null, text };
  const tokens = text.split(" ").filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const upper = token.toUpperCase();
    // a postcode typed with its space: outward code then inward code
    const next = tokens[i + 1]?.toUpperCase();
    if (OUTWARD.test(upper) && next && /^\d[A-Z]{2}$/.test(next)) {
      query.postcode = `${upper}${next}`;
      i++;
      continue;
    }
    if (POSTCODE.test(upper)) {
      query.postcode = upper.replace(/\s/g, "");
      continue;
    }
    // an outward code alone ("WX1"), or with the start of the inward code ("WX1 4"). Outward codes
    // always have a digit after one or two letters, so no name is taken for one ("Al", "Ng"); a
    // four-character one ("WX14") is read as a district rather than as an identifier.
    if (OUTWARD.test(upper)) {
      if (next && PARTIAL_INWARD.test(next)) {
        query.postcodeStart = `${upper} ${next}`;
        i++;
      } else query.postcodeStart = upper;
      continue;
    }
    const date = parseDate(token);
    if (date) {
      query.dateOfBirth = date;
      continue;
    }
    if (/^\d{4}$/.test(token) && Number(token) >= 1900 && Number(token) <= thisYear + 1) {
      query.birthYear = Number(token);
      continue;
    }
    if (UPN.test(upper) || (/\d/.test(token) && /[A-Za-z]/.test(token) && /^[A-Za-z0-9]{4,20}$/.test(token))) {
      query.identifier = upper;
      continue;
    }
    const name = token.replace(/[^\p{L}'-]/gu, "");
    if (name.length > 0) query.names.push(name);
  }
  return query;
}

export function isEmptyQuery(q: SearchQuery): boolean {
  return q.names.length === 0 && !q.dateOfBirth && !q.birthYear && !q.postcode && !q.postcodeStart && !q.identifier;
}

/**
 * How to find the postcodes that start with `postcodeStart` among stored postcode keys (capitals, no
 * space): key ranges that a plain B-tree index in any collation can scan, one per inward digit not yet
 * typed ("WX10AA".."WX10ZZ", …, "WX19AA".."WX19ZZ" for WX1). A postcode's inward code is always a digit
 * and two letters, so its key is exactly three characters longer than the outward code and ends in two
 * letters: WX1's postcodes all fall in these ranges, and no other district's do ("WX10 1AB" is
 * "WX101AB", whose fifth character is a digit). Keys are letters and digits only, which every collation
 * orders as "C" does.
 */
export function postcodeKeyRanges(postcodeStart: string): [string, string][] {
  const [outward = "", inward = ""] = postcodeStart.toUpperCase().trim().split(/\s+/);
  const prefix = outward + inward;
  const letters = 3 - Math.max(inward.length, 1); // letters of the inward code still to come
  const range = (start: string): [string, string] => [start + "A".repeat(letters), start + "Z".repeat(letters)];
  return inward.length === 0 ? Array.from({ length: 10 }, (_, digit) => range(`${prefix}${digit}`)) : [range(prefix)];
}
