import Link from "next/link";
import { formatDate } from "@/lib/domain/dates";
import type { DueItem, DueState } from "@/lib/domain/statutory-timescales";

const TAGS: Record<DueState, { text: string; className: string }> = {
  overdue: { text: "Overdue", className: "bg-danger text-white" },
  "due-soon": { text: "Due soon", className: "bg-[#ffdd00] text-ink" },
  due: { text: "Due", className: "bg-[#e5e6e7] text-ink" },
  done: { text: "Met", className: "bg-[#cce2d8] text-[#005a30]" },
};

export function DueTag({ item }: { item: Pick<DueItem, "state" | "onTime"> }) {
  // a duty met late is not shown in the reassuring green of one met on time
  const tag = item.state === "done" && !item.onTime ? { text: "Met late", className: "bg-[#fcd6c3] text-[#6e3619]" } : TAGS[item.state];
  const text = item.state === "done" ? (item.onTime ? "Met on time" : "Met late") : tag.text;
  return <strong className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${tag.className}`}>{text}</strong>;
}

/** Duties with their due date, state and how the date was worked out. */
export function DueList({ items, child }: { items: (DueItem & { childName?: string; personId?: string; caseId?: string; familyName?: string })[]; child?: boolean }) {
  if (items.length === 0) return <p>Nothing is due.</p>;
  return (
    <ul className="space-y-3">
      {items.map((item, i) => (
        <li key={`${item.kind}-${item.dueDate}-${i}`} className="grid gap-1 sm:grid-cols-[8rem_1fr]">
          <span>
            <DueTag item={item} />
          </span>
          <span>
            <span className="font-semibold">{item.label}</span>
            {item.state === "done" ? ` — ${formatDate(item.doneOn)} (due ${formatDate(item.dueDate)})` : ` — by ${formatDate(item.dueDate)}`}
            {child && item.childName && item.personId && (
              <>
                {" · "}
                <Link href={`/people/${item.personId}/statutory`}>{item.childName}</Link>
                {item.familyName && item.caseId && (
                  <>
                    {" · "}
                    <Link href={`/cases/${item.caseId}`}>{item.familyName}</Link>
                  </>
                )}
              </>
            )}
            <span className="block text-sm text-muted">{item.basis}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
