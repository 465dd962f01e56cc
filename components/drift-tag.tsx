import type { DriftState } from "@/lib/domain/case-drift";

const COLOURS: Record<DriftState, string> = { ok: "bg-[#cce2d8] text-[#005a30]", amber: "bg-[#ffdd00] text-ink", red: "bg-danger text-white" };
const WORDS: Record<DriftState, string> = { ok: "Active", amber: "Drifting", red: "In drift" };

/** A case's drift state in words and colour (domain.md "Case drift"). */
export function DriftTag({ state, className = "" }: { state: DriftState; className?: string }) {
  return <strong className={`inline-block rounded px-2 py-0.5 text-sm ${COLOURS[state]} ${className}`}>{WORDS[state]}</strong>;
}
