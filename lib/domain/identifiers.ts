// Statutory identifiers: the Unique Pupil Number's check letter (DfE "Unique pupil numbers" guidance,
// used by the CIN census and SSDA903), and the identifier both returns know a child by.

const CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

/** The check letter (first character) for the 12 characters that follow it in a UPN. */
export function upnCheckLetter(rest: string): string {
  // a temporary UPN ends in a letter of the check alphabet (never I, O or S)
  if (!/^\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/.test(rest)) throw new Error("A UPN has 11 digits and a final digit or letter after the check letter");
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const ch = rest[i]!;
    // a letter in the last place counts as its position in the check alphabet
    const value = /\d/.test(ch) ? Number(ch) : CHECK_LETTERS.indexOf(ch);
    sum += value * (i + 2);
  }
  return CHECK_LETTERS[sum % 23]!;
}

export function isValidUpn(upn: string): boolean {
  if (!/^[A-Z]\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/.test(upn)) return false;
  return upnCheckLetter(upn.slice(1)) === upn[0];
}

/**
 * The child's identifier in the CIN census (LAchildID) and the SSDA903 (CHILD): their recorded LA
 * child id; for a child recorded without one (the front door gave none before decision 0021), "P" and
 * the first 19 hex digits of their record's id, upper case. That never changes, so the child has the
 * same identifier every year and in both returns (docs/decisions/0013-cin-census.md).
 */
export function laChildIdFor(person: { id: string; laChildId: string | null | undefined }): string {
  const recorded = person.laChildId?.trim();
  if (recorded) return recorded;
  return `P${person.id.replace(/-/g, "").slice(0, 19).toUpperCase()}`;
}
