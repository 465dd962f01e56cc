import type { SummaryVersion } from "@/lib/data/case-summary";
import { SAFETY_SCALE_MAX, SUMMARY_SECTIONS } from "@/lib/domain/case-summary";
import { formatLondonDateTime } from "@/lib/domain/london-time";

/** The safety scale as a number and a bar (the bar is decoration; the number is the content). */
export function SafetyScale({ value }: { value: number }) {
  return (
    <p className="flex flex-wrap items-center gap-3">
      <span className="text-2xl font-bold">
        {value}
        <span className="text-base font-normal text-muted"> out of {SAFETY_SCALE_MAX}</span>
      </span>
      <span aria-hidden="true" className="inline-block h-3 w-40 overflow-hidden rounded border border-ink bg-white">
        <span className="block h-full bg-brand" style={{ width: `${(value / SAFETY_SCALE_MAX) * 100}%` }} />
      </span>
    </p>
  );
}

export function savedLine(summary: Pick<SummaryVersion, "version" | "savedBy" | "savedAt">): string {
  return `Version ${summary.version}, saved by ${summary.savedBy} on ${formatLondonDateTime(summary.savedAt)}`;
}

/** A version of the case summary: its four sections and the safety scale. */
export function SummaryText({ summary, headingLevel = 3 }: { summary: SummaryVersion; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="space-y-4">
      {SUMMARY_SECTIONS.map((s) => (
        <div key={s.key}>
          <Heading className="mb-1 text-lg font-bold">{s.label}</Heading>
          <p className="whitespace-pre-line">{summary[s.key]}</p>
        </div>
      ))}
      <div>
        <Heading className="mb-1 text-lg font-bold">Safety scale</Heading>
        <SafetyScale value={summary.safetyScale} />
      </div>
    </div>
  );
}
