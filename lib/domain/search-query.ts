// Reading what someone typed into the search box: names, a date of birth or a year, a postcode,
// or an identifier (UPN or the council's child id). "Jon Smyth 2015" → names Jon, Smyth; born 2015.
import { isIsoDate } from "./dates";

export type SearchQuery = {
  names: string[];
  dateOfBirth: string | null;
  birthYear: number | null;
  postcode: string | null;
  /** a UPN or LA child id typed in full */
  identifier: string | null;
  text: string;
};

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$/;
const OUTWARD = /^[A-Z]{1,2}\d[A-Z\d]?$/;
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
  const query: SearchQuery = { names: [], dateOfBirth: null, birthYear: null, postcode: null, identifier: null, text };
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
  return q.names.length === 0 && !q.dateOfBirth && !q.birthYear && !q.postcode && !q.identifier;
}
