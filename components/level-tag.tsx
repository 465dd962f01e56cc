import { LEVEL_LABELS, type Level } from "@/lib/domain/roles";

const COLOURS: Record<Level, string> = {
  EARLY_HELP: "bg-[#d2e2f1] text-[#0c2d4a]",
  SUPPORT: "bg-[#cce2d8] text-[#005a30]",
  CHILD_IN_NEED: "bg-[#fff7bf] text-[#594d00]",
  CHILD_PROTECTION: "bg-[#f6d7d2] text-[#2a0b06]",
  LOOKED_AFTER: "bg-[#dbd5e9] text-[#3d2375]",
  CARE_LEAVER: "bg-[#e5e6e7] text-[#0b0c0c]",
};

export function LevelTag({ level }: { level: Level }) {
  return <strong className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${COLOURS[level]}`}>{LEVEL_LABELS[level]}</strong>;
}
