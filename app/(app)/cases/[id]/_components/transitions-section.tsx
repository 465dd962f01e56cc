import Link from "next/link";
import type { TransitionHistoryRow } from "@/lib/data/transitions";
import { formatDate, toIsoDate } from "@/lib/domain/dates";
import { LEVEL_LABELS } from "@/lib/domain/roles";
import { KIND_LABELS, targetLabel } from "@/lib/domain/transitions";

const STATUS = { REQUESTED: "waiting for a decision", APPROVED: "approved", REJECTED: "rejected", WITHDRAWN: "withdrawn" } as const;

/** Step-ups, step-downs, changes of level and closure requests for the case, newest first. */
export function TransitionsSection({ rows }: { rows: TransitionHistoryRow[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="transitions-heading" className="card">
      <h2 id="transitions-heading" className="mb-3 text-xl font-bold">
        Changes of level
      </h2>
      <ul className="space-y-2">
        {rows.map((t) => (
          <li key={t.id}>
            <Link href={`/transitions/${t.id}`}>
              {KIND_LABELS[t.kind]}: {LEVEL_LABELS[t.from]} to {targetLabel(t.to)}
            </Link>{" "}
            — {STATUS[t.status]}
            <span className="block text-sm text-muted">
              Asked by {t.requestedBy} on {formatDate(toIsoDate(t.requestedAt))}
              {t.decidedBy && t.decidedAt ? `; ${STATUS[t.status]} by ${t.decidedBy} on ${formatDate(toIsoDate(t.decidedAt))}` : ""}
              {t.decisionComment ? `: ${t.decisionComment}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
