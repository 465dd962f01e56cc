import Link from "next/link";
import { DriftTag } from "@/components/drift-tag";
import { DueList } from "@/components/due-list";
import type { CaseTimescales } from "@/lib/data/timescales";
import { formatDate } from "@/lib/domain/dates";

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
          <DriftTag state={drift.state} className="mr-2" />
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
