// The case summary (domain.md "Recording"): one living, versioned document per case. Its sections, the
// safety scale, and the rules for saving a version. Plain data and rules, no I/O.

export const SUMMARY_SECTIONS = [
  {
    key: "purpose",
    label: "Purpose of involvement",
    what: "the purpose of involvement",
    hint: "Why we are involved with this family and what we are trying to achieve together.",
  },
  {
    key: "worries",
    label: "What we are worried about",
    what: "what we are worried about",
    hint: "Harm that has happened, the danger if nothing changes, and what makes things harder.",
  },
  {
    key: "workingWell",
    label: "What is working well",
    what: "what is working well",
    hint: "Strengths and safety: who and what already keeps the children safe.",
  },
  {
    key: "nextSteps",
    label: "What needs to happen",
    what: "what needs to happen",
    hint: "What needs to change, who will do what, and by when.",
  },
] as const;

export type SummarySectionKey = (typeof SUMMARY_SECTIONS)[number]["key"];

export type SummaryText = Record<SummarySectionKey, string> & { safetyScale: number };

export const SAFETY_SCALE_MIN = 0;
export const SAFETY_SCALE_MAX = 10;
export const SAFETY_SCALE_HINT =
  "10 means everyone agrees the children are safe enough for us to close the case. 0 means it is certain the children will be harmed.";

export const SECTION_MAX_LENGTH = 4000;

export function isSafetyScale(value: number): boolean {
  return Number.isInteger(value) && value >= SAFETY_SCALE_MIN && value <= SAFETY_SCALE_MAX;
}

/** Sections and scale as saved: text trimmed, Windows line endings made plain. */
export function normaliseSummary(summary: SummaryText): SummaryText {
  const tidy = (s: string) => s.replace(/\r\n?/g, "\n").trim();
  return {
    purpose: tidy(summary.purpose),
    worries: tidy(summary.worries),
    workingWell: tidy(summary.workingWell),
    nextSteps: tidy(summary.nextSteps),
    safetyScale: summary.safetyScale,
  };
}

/** The parts of `a` that differ from `b` (sections and the scale), in the summary's order. */
export function differences(a: SummaryText, b: SummaryText): (SummarySectionKey | "safetyScale")[] {
  const x = normaliseSummary(a);
  const y = normaliseSummary(b);
  const changed: (SummarySectionKey | "safetyScale")[] = SUMMARY_SECTIONS.map((s) => s.key).filter((k) => x[k] !== y[k]);
  if (x.safetyScale !== y.safetyScale) changed.push("safetyScale");
  return changed;
}

export type SaveDecision = { kind: "save"; version: number } | { kind: "conflict" } | { kind: "unchanged" };

/**
 * Whether a summary written on top of version `baseVersion` (0: there was none) can be saved when
 * `latest` is the newest saved version (null: none yet). A save based on anything but the newest
 * version is a conflict: it would silently undo someone else's changes.
 */
export function decideSave(baseVersion: number, latest: (SummaryText & { version: number }) | null, text: SummaryText): SaveDecision {
  const latestVersion = latest?.version ?? 0;
  if (baseVersion !== latestVersion) return { kind: "conflict" };
  if (latest && differences(text, latest).length === 0) return { kind: "unchanged" };
  return { kind: "save", version: latestVersion + 1 };
}
