// Visits (domain.md "Recording"): their types, and how a visit form's answer about each child becomes
// the children seen. Plain data and rules, no I/O.

export const VISIT_TYPES = ["HOME", "STATUTORY", "SCHOOL", "OFFICE", "VIRTUAL", "PHONE"] as const;
export type VisitType = (typeof VISIT_TYPES)[number];

export const VISIT_TYPE_LABELS: Record<VisitType, string> = {
  HOME: "Home visit",
  STATUTORY: "Statutory visit",
  SCHOOL: "School visit",
  OFFICE: "Office visit",
  VIRTUAL: "Virtual (video) visit",
  PHONE: "Phone call",
};

/**
 * The visits that count as the statutory visit of a child on a protection plan or looked after: the
 * child seen in person where they live (regulation 28: "wherever the child is living"). A school or
 * office visit, a video call or a phone call is recorded and counts against drift, but the visit is
 * still due.
 */
export const STATUTORY_VISIT_TYPES: readonly VisitType[] = ["HOME", "STATUTORY"];

/** What the form asks about each child in the case. */
export const SEEN_ANSWERS = ["NOT_SEEN", "SEEN", "SEEN_ALONE"] as const;
export type SeenAnswer = (typeof SEEN_ANSWERS)[number];

export const SEEN_ANSWER_LABELS: Record<SeenAnswer, string> = {
  NOT_SEEN: "Not seen",
  SEEN: "Seen, with others there",
  SEEN_ALONE: "Seen alone",
};

export type ChildSeen = { personId: string; seenAlone: boolean };

/** The children seen, from an answer per child; children not seen are left out. */
export function childrenSeen(answers: Record<string, SeenAnswer>): ChildSeen[] {
  return Object.entries(answers)
    .filter(([, answer]) => answer !== "NOT_SEEN")
    .map(([personId, answer]) => ({ personId, seenAlone: answer === "SEEN_ALONE" }));
}

export type VisitContent = {
  visitedAt: Date;
  type: string;
  children: ChildSeen[];
  othersPresent: string | null;
  note: string;
  wishesAndFeelings: string | null;
  significant: boolean;
};

/**
 * Whether two sends of one visit form carry the same visit: a double tap or a retry does, a form
 * reused after going back in the browser to log another visit does not.
 */
export function isSameVisit(a: VisitContent, b: VisitContent): boolean {
  const children = (v: VisitContent) =>
    v.children
      .map((c) => `${c.personId.toLowerCase()}:${c.seenAlone}`)
      .sort()
      .join(",");
  const text = (s: string | null) => (s ?? "").replace(/\r\n?/g, "\n").trim();
  return (
    a.visitedAt.getTime() === b.visitedAt.getTime() &&
    a.type === b.type &&
    children(a) === children(b) &&
    text(a.othersPresent) === text(b.othersPresent) &&
    text(a.note) === text(b.note) &&
    text(a.wishesAndFeelings) === text(b.wishesAndFeelings) &&
    a.significant === b.significant
  );
}
