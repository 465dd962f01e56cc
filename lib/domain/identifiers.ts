// Statutory identifiers: the Unique Pupil Number's check letter (DfE "Unique pupil numbers" guidance,
// used by the CIN census and SSDA903).

const CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

/** The check letter (first character) for the 12 characters that follow it in a UPN. */
export function upnCheckLetter(rest: string): string {
  if (!/^\d{11}[0-9A-Z]$/.test(rest)) throw new Error("A UPN has 11 digits and a final digit or letter after the check letter");
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
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn)) return false;
  return upnCheckLetter(upn.slice(1)) === upn[0];
}
