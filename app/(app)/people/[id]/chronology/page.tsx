import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { pageData } from "@/lib/auth/page-data";
import { requireContext } from "@/lib/auth/session";
import { getChildChronology } from "@/lib/data/chronology";
import { formatDate } from "@/lib/domain/dates";

export const metadata: Metadata = { title: "Chronology" };

export default async function ChronologyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ all?: string }> }) {
  const { id } = await params;
  const { all } = await searchParams;
  const ctx = await requireContext();
  const { person, entries } = await pageData(() => getChildChronology(ctx, id));
  const shown = all ? entries : entries.filter((e) => e.significant);
  return (
    <>
      <p className="mb-4">
        <Link href={`/people/${person.id}`}>Back to {person.name}</Link>
      </p>
      <PageHeading caption={person.name} title="Chronology">
        <p className="mt-2">
          {all ? (
            <>
              All events. <Link href={`/people/${person.id}/chronology`}>Show significant events only</Link>
            </>
          ) : (
            <>
              Significant events. <Link href={`/people/${person.id}/chronology?all=1`}>Show everything, including contacts and other visits</Link>
            </>
          )}
        </p>
      </PageHeading>
      {shown.length === 0 ? (
        <p className="card">Nothing recorded yet.</p>
      ) : (
        <ol className="space-y-3" aria-label="Events, newest first">
          {shown.map((e, i) => (
            <li key={`${e.kind}-${e.at}-${i}`} className="card grid gap-1 sm:grid-cols-[10rem_1fr]">
              <span className="font-semibold tabular-nums">{formatDate(e.at.slice(0, 10))}</span>
              <div>
                {e.href ? (
                  <Link href={e.href} className="font-semibold">
                    {e.title}
                  </Link>
                ) : (
                  <span className="font-semibold">{e.title}</span>
                )}
                {e.detail && <p className="mt-1 text-muted">{e.detail}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
