// A child's chronology: the significant events of their life and of the council's involvement,
// generated from the records rather than typed twice (domain.md "Recording").
import { LEVEL_LABELS, type Level } from "./roles";
import { KIND_LABELS, targetLabel, type Target, type TransitionKind } from "./transitions";

export type ChronologyEntry = {
  /** ISO date (or date-time) the event happened */
  at: string;
  kind: "contact" | "referral" | "visit" | "transition" | "summary" | "case-opened" | "case-closed";
  title: string;
  detail?: string;
  href?: string;
  significant: boolean;
};

export type ChronologyInput = {
  contacts: { id: string; receivedOn: string; source: string; reason: string; decision: string | null; decisionOn: string | null }[];
  referrals: { caseId: string; reference: string; referralDate: string; reReferral: boolean; primaryNeedCode: string | null; closureDate: string | null; closureReason: string | null }[];
  visits: { caseId: string; visitedAt: string; type: string; seenAlone: boolean; significant: boolean; note: string; wishesAndFeelings: string | null }[];
  transitions: { id: string; caseId: string; kind: TransitionKind; from: Level; to: Target; status: string; decidedAt: string | null; effectiveOn: string | null }[];
  summaries: { caseId: string; version: number; savedAt: string; safetyScale: number; savedBy: string }[];
  cases: { id: string; reference: string; level: Level; openedOn: string; closedOn: string | null; closureReason: string | null }[];
};

const DECISIONS: Record<string, string> = {
  NO_FURTHER_ACTION: "no further action",
  ADVICE: "advice",
  EARLY_HELP: "early help",
  SUPPORT: "support",
  REFERRAL: "referral to social care",
};

function clip(text: string, length = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** Newest first. Requests still waiting or rejected are not events in the child's life; approvals are. */
export function buildChronology(input: ChronologyInput): ChronologyEntry[] {
  const entries: ChronologyEntry[] = [];
  for (const c of input.cases) {
    entries.push({ at: c.openedOn, kind: "case-opened", title: `Case ${c.reference} opened`, href: `/cases/${c.id}`, significant: true });
    if (c.closedOn) entries.push({ at: c.closedOn, kind: "case-closed", title: `Case ${c.reference} closed${c.closureReason ? ` (${c.closureReason})` : ""}`, href: `/cases/${c.id}`, significant: true });
  }
  for (const c of input.contacts) {
    entries.push({
      at: c.receivedOn,
      kind: "contact",
      title: `Contact received (source ${c.source})${c.decision ? `: ${DECISIONS[c.decision] ?? c.decision}${c.decisionOn ? ` on ${c.decisionOn}` : ""}` : ", awaiting decision"}`,
      detail: clip(c.reason),
      href: `/contacts/${c.id}`,
      significant: false,
    });
  }
  for (const r of input.referrals) {
    entries.push({
      at: r.referralDate,
      kind: "referral",
      title: `Referral to children's social care${r.reReferral ? " (re-referral within 12 months)" : ""}`,
      detail: r.primaryNeedCode ? `Primary need ${r.primaryNeedCode}` : undefined,
      href: `/cases/${r.caseId}`,
      significant: true,
    });
    if (r.closureDate) {
      entries.push({ at: r.closureDate, kind: "referral", title: `Child in need episode ended${r.closureReason ? ` (${r.closureReason})` : ""}`, href: `/cases/${r.caseId}`, significant: true });
    }
  }
  for (const v of input.visits) {
    entries.push({
      at: v.visitedAt,
      kind: "visit",
      title: `${v.type.charAt(0)}${v.type.slice(1).toLowerCase()} visit: seen${v.seenAlone ? " alone" : ""}`,
      detail: clip(v.wishesAndFeelings ? `${v.note} — In their words: ${v.wishesAndFeelings}` : v.note),
      href: `/cases/${v.caseId}`,
      significant: v.significant,
    });
  }
  for (const t of input.transitions.filter((t) => t.status === "APPROVED")) {
    entries.push({
      at: t.effectiveOn ?? t.decidedAt ?? "",
      kind: "transition",
      title: t.kind === "CLOSURE" ? "Closure approved" : `${KIND_LABELS[t.kind]}: ${LEVEL_LABELS[t.from]} to ${targetLabel(t.to)}`,
      href: `/transitions/${t.id}`,
      significant: true,
    });
  }
  for (const s of input.summaries) {
    entries.push({
      at: s.savedAt,
      kind: "summary",
      title: `Case summary ${s.version === 1 ? "written" : `revised (version ${s.version})`} by ${s.savedBy}`,
      detail: `Safety scaled at ${s.safetyScale} out of 10`,
      href: `/cases/${s.caseId}`,
      significant: true,
    });
  }
  return entries.filter((e) => e.at).sort((a, b) => b.at.localeCompare(a.at) || a.kind.localeCompare(b.kind));
}
