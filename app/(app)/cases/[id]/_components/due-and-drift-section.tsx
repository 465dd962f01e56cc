import Link from "next/link";
import { DueList } from "@/components/due-list";
import type { CaseTimescales } from "@/lib/data/timescales";
import { formatDate } from "@/lib/domain/dates";

const DRIFT = { ok: "bg-[#cce2d8] text-[#005a30]", amber: "bg-[#ffdd00] text-ink", red: "bg-danger text-white" } as const;

/** What is due for each child of the case, and how long since the last significant intervention. */
export function DueAndDriftSection({ timescales }: { timescales: CaseTimescales }) {
  const { drift } = timescales;
  return (
    <section aria-labelledby="due-heading" className="card">
      <h2 id="due-heading" className="mb-3 text-xl font-bold">
        What is due
      </h2>
      {drift && (
        <p className="mb-4">
          <strong className={`mr-2 inline-block rounded px-2 py-0.5 text-sm ${DRIFT[drift.state]}`}>
            {drift.state === "red" ? "In drift" : drift.state === "amber" ? "Drifting" : "Active"}
          </strong>
          {drift.days} working {drift.days === 1 ? "day" : "days"} since the last significant intervention ({drift.what}, {formatDate(drift.since)}). Threshold for this level:{" "}
          {drift.threshold} working days.
        </p>
      )}
      {timescales.children.map((child) => (
        <div key={child.personId} className="mb-4">
          <h3 className="mb-2 font-bold">
            <Link href={`/people/${child.personId}/statutory`}>{child.name}</Link>
          </h3>
          <DueList items={child.items.filter((i) => i.state !== "done")} />
        </div>
      ))}
    </section>
  );
}
