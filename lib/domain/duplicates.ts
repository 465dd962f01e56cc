// When is an existing person probably the one being added? Same identifier, or a close date of birth
// with a similar name (domain: duplicate child records split history nobody then sees).

export type DuplicateSignals = {
  identifierMatch: boolean;
  /** days between the dates of birth (null when either is unknown) */
  dobDaysApart: number | null;
  /** day and month swapped, same year (3/4 typed as 4/3) */
  dobDayMonthSwapped: boolean;
  /** trigram similarity of the full names, 0–1 */
  nameSimilarity: number;
  lastNameSoundsAlike: boolean;
  firstNameMatches: boolean;
};

export type DuplicateVerdict = { likely: boolean; reasons: string[] };

export function judgeDuplicate(s: DuplicateSignals): DuplicateVerdict {
  const reasons: string[] = [];
  if (s.identifierMatch) reasons.push("same UPN or LA child id");
  const dobClose = s.dobDaysApart !== null && (s.dobDaysApart <= 31 || s.dobDayMonthSwapped);
  if (s.dobDaysApart === 0) reasons.push("same date of birth");
  else if (dobClose) reasons.push(s.dobDayMonthSwapped ? "date of birth with day and month swapped" : `date of birth ${s.dobDaysApart} days apart`);
  const nameClose = s.nameSimilarity >= 0.45 || (s.lastNameSoundsAlike && s.firstNameMatches);
  if (nameClose) reasons.push(s.nameSimilarity >= 0.99 ? "same name" : "similar name");
  return { likely: s.identifierMatch || (dobClose && nameClose), reasons };
}
