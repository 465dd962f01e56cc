"use client";

// Why two records cannot be merged yet: each overlap, with links to where each record's plan, care or
// referral is ended or corrected. Shown on the merge page before the manager gives a reason, and as
// the refusal if an overlap appeared after the page was opened.
import Link from "next/link";
import { useEffect, useRef } from "react";
import { describeMergeConflict, mergeConflictParts, mergeNames, type HeldSpan, type MergeConflictKind, type MergeRefusal } from "@/lib/domain/merge-conflicts";

/** Where a record of this kind is ended or corrected, and the link's words. */
function whereToEnd(kind: MergeConflictKind, person: { id: string; name: string }, span: HeldSpan): { href: string; label: string } {
  const statutory = `/people/${person.id}/statutory`;
  switch (kind) {
    case "CP_PLAN":
      return { href: `${statutory}#cp-h`, label: `${person.name}'s child protection plans` };
    case "CIN_PLAN":
      return { href: `${statutory}#cin-h`, label: `${person.name}'s child in need plans` };
    case "CARE_PERIOD":
      return { href: `${statutory}#care-h`, label: `${person.name}'s periods of care` };
    case "CARE_EPISODE":
      return { href: `/people/${person.id}/placements`, label: `${person.name}'s placements` };
    case "CIN_EPISODE":
      return span.caseId ? { href: `/cases/${span.caseId}`, label: `${person.name}'s case ${span.caseReference ?? ""}` } : { href: `/people/${person.id}`, label: `${person.name}'s record` };
  }
}

export function MergeConflicts({ refusal, refused = false }: { refusal: MergeRefusal; refused?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refused) ref.current?.focus();
  }, [refused]);
  const names = mergeNames(refusal.kept.name, refusal.merged.name);
  const parts = mergeConflictParts(refusal.conflicts, names);
  const kept = { id: refusal.kept.id, name: names.kept };
  const merged = { id: refusal.merged.id, name: names.merged };
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={refused ? "alert" : "region"}
      aria-labelledby="merge-conflicts-title"
      className="mb-6 border-4 border-danger bg-white p-4 outline-none focus-visible:outline-3"
    >
      <h2 id="merge-conflicts-title" className="mb-2 text-xl font-bold">
        These records cannot be merged yet
      </h2>
      <p className="mb-3">
        {parts.summary}
        {refused && " Nothing has been changed."}
      </p>
      <ul className="mb-3 list-disc space-y-3 pl-6">
        {refusal.conflicts.map((c) => {
          const first = whereToEnd(c.kind, merged, c.merged);
          const second = whereToEnd(c.kind, kept, c.kept);
          return (
            <li key={`${c.kind}-${c.kept.id}-${c.merged.id}`}>
              {describeMergeConflict(c, names)}
              <span className="block text-sm">
                End or correct one: <Link href={first.href}>{first.label}</Link>
                {second.href !== first.href && (
                  <>
                    {" "}
                    or <Link href={second.href}>{second.label}</Link>
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <p>{parts.nextStep}</p>
      <p className="mt-2 text-sm text-muted">{parts.howTo.join(" ")}</p>
    </div>
  );
}
