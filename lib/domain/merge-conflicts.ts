// Why two records of one child cannot be merged yet (docs/decisions/0011-search-and-merge.md). A child
// is on one child protection plan, one CIN plan, one period of care and one placement episode at a
// time (the database's exclusion constraints), and has one CIN episode open at a time (the CIN
// census). When each record holds one of these for the same dates, moving the duplicate's to the
// survivor would break that rule, so the merge is refused before anything is written, saying which
// records overlap and what to do first. Pure: the data layer passes each record's spans.
//
// Dates, as the constraints read them: a span covers its start up to the day before its end (the day
// a plan ends is the first day it no longer runs), so one ending the day the other starts does not
// overlap; a span with no end runs on; a span that ends the day it starts covers no day at all.
import { formatDate, type IsoDate } from "./dates";

export const MERGE_CONFLICT_KINDS = ["CP_PLAN", "CIN_PLAN", "CARE_PERIOD", "CARE_EPISODE", "CIN_EPISODE"] as const;
export type MergeConflictKind = (typeof MERGE_CONFLICT_KINDS)[number];

export type HeldSpan = {
  id: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  /** the case it belongs to (a CIN episode closes with its case) */
  caseId?: string | null;
  caseReference?: string | null;
  /** a placement episode's period of care */
  carePeriodId?: string | null;
};

/** What one record holds, by kind. */
export type HeldRecords = Partial<Record<MergeConflictKind, readonly HeldSpan[]>>;

export type MergeConflict = { kind: MergeConflictKind; kept: HeldSpan; merged: HeldSpan };

/** A refused merge, as the merge page shows it: each overlap, with the two records to link to. */
export type MergeRefusal = { conflicts: MergeConflict[]; kept: { id: string; name: string }; merged: { id: string; name: string } };

/** Whether two spans share a day (PostgreSQL's `daterange(start, end, '[)') && …`). */
export function spansOverlap(a: Pick<HeldSpan, "startDate" | "endDate">, b: Pick<HeldSpan, "startDate" | "endDate">): boolean {
  const empty = (s: Pick<HeldSpan, "startDate" | "endDate">) => s.endDate !== null && s.endDate <= s.startDate;
  if (empty(a) || empty(b)) return false;
  return (b.endDate === null || a.startDate < b.endDate) && (a.endDate === null || b.startDate < a.endDate);
}

/**
 * Every pair of the survivor's and the duplicate's records of one kind that share a day, earliest
 * first. A placement episode pair is left out when their periods of care already overlap: ending or
 * correcting the period settles its episodes.
 */
export function findMergeConflicts(kept: HeldRecords, merged: HeldRecords): MergeConflict[] {
  const conflicts: MergeConflict[] = [];
  for (const kind of MERGE_CONFLICT_KINDS) {
    for (const k of kept[kind] ?? []) {
      for (const m of merged[kind] ?? []) if (spansOverlap(k, m)) conflicts.push({ kind, kept: k, merged: m });
    }
  }
  const periodPairs = new Set(conflicts.filter((c) => c.kind === "CARE_PERIOD").map((c) => `${c.kept.id}|${c.merged.id}`));
  return conflicts
    .filter((c) => c.kind !== "CARE_EPISODE" || !periodPairs.has(`${c.kept.carePeriodId}|${c.merged.carePeriodId}`))
    .sort((a, b) => compare(overlapFrom(a), overlapFrom(b)) || MERGE_CONFLICT_KINDS.indexOf(a.kind) - MERGE_CONFLICT_KINDS.indexOf(b.kind));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const overlapFrom = (c: MergeConflict) => (c.kept.startDate > c.merged.startDate ? c.kept.startDate : c.merged.startDate);
function overlapUntil(c: MergeConflict): IsoDate | null {
  const ends = [c.kept.endDate, c.merged.endDate].filter((e): e is IsoDate => e !== null).sort(compare);
  return ends[0] ?? null;
}

export const MERGE_CONFLICT_WORDS: Record<MergeConflictKind, { one: string; name: string }> = {
  CP_PLAN: { one: "a child protection plan", name: "child protection plan" },
  CIN_PLAN: { one: "a child in need plan", name: "child in need plan" },
  CARE_PERIOD: { one: "a period of care", name: "period of care" },
  CARE_EPISODE: { one: "a placement episode", name: "placement episode" },
  CIN_EPISODE: { one: "an open referral (CIN episode)", name: "referral" },
};

/** "from 1 May 2025 to 3 Mar 2026", "from 1 May 2025 (not ended)", "of 5 Jan 2026 on case WX-00012 (still open)" */
function dates(kind: MergeConflictKind, span: HeldSpan): string {
  if (kind === "CIN_EPISODE") {
    const onCase = span.caseReference ? ` on case ${span.caseReference}` : "";
    return `of ${formatDate(span.startDate)}${onCase} (${span.endDate ? `closed ${formatDate(span.endDate)}` : "still open"})`;
  }
  return `from ${formatDate(span.startDate)}${span.endDate ? ` to ${formatDate(span.endDate)}` : " (not ended)"}`;
}

/** How to end or correct a record of this kind, in words (the merge page links to where it is done). */
export function howToEnd(kind: MergeConflictKind): string {
  switch (kind) {
    case "CP_PLAN":
      return "A child protection plan is ended or corrected on the child's statutory record, under Child protection plans, where a manager can also remove one recorded twice";
    case "CIN_PLAN":
      return "A child in need plan is ended or corrected on the child's statutory record, under Child in need plans, where a manager can also remove one recorded twice";
    case "CARE_PERIOD":
      return "The end of care is recorded on the child's statutory record, under Looked after";
    case "CARE_EPISODE":
      return "Placements are corrected on the child's Placements page";
    case "CIN_EPISODE":
      return "A referral closes when its case is closed or stepped down out of social care: ask for that on the case's page";
  }
}

export type Names = { kept: string; merged: string };

/** How the two records are called in the refusal: by name, told apart when both have the same one. */
export function mergeNames(kept: string, merged: string): Names {
  return kept === merged ? { kept: `${kept} (the record kept)`, merged: `${merged} (the duplicate)` } : { kept, merged };
}

/** One overlap in a sentence: what each record holds and from when to when they overlap. */
export function describeMergeConflict(conflict: MergeConflict, names: Names): string {
  const { kind, kept, merged } = conflict;
  const { name } = MERGE_CONFLICT_WORDS[kind];
  if (kept.startDate === merged.startDate && kept.endDate === merged.endDate) {
    return `${names.kept} and ${names.merged} each have a ${name} ${dates(kind, kept)}: the same one may have been recorded on both records.`;
  }
  const until = overlapUntil(conflict);
  const when = until ? `from ${formatDate(overlapFrom(conflict))} until ${formatDate(until)}` : `from ${formatDate(overlapFrom(conflict))} on`;
  return `${names.kept}'s ${name} ${dates(kind, kept)} overlaps ${names.merged}'s ${dates(kind, merged)}: they overlap ${when}.`;
}

const andList = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

/** The refusal in its parts (the merge page lays them out with links): what is wrong, each overlap, what to do. */
export function mergeConflictParts(conflicts: readonly MergeConflict[], names: Names): { summary: string; overlaps: string[]; nextStep: string; howTo: string[] } {
  const kinds = MERGE_CONFLICT_KINDS.filter((k) => conflicts.some((c) => c.kind === k));
  return {
    summary: `${names.merged}'s record cannot be merged into ${names.kept}'s yet: each holds ${andList(kinds.map((k) => MERGE_CONFLICT_WORDS[k].one))} for the same dates, and one child cannot have two at once.`,
    overlaps: conflicts.map((c) => describeMergeConflict(c, names)),
    nextStep: `First end or correct one of each overlapping pair so that they no longer overlap, usually the one on ${names.merged}'s record (the record being merged in); then merge again.`,
    howTo: kinds.map((k) => `${howToEnd(k)}.`),
  };
}

/**
 * The refusal: which records overlap and what to do first. Said to a manager; nothing has been
 * written when they read it.
 */
export function mergeConflictMessage(conflicts: readonly MergeConflict[], names: Names): string {
  const parts = mergeConflictParts(conflicts, names);
  return [parts.summary, "Nothing has been changed.", ...parts.overlaps, parts.nextStep, ...parts.howTo].join(" ");
}
